package org.xiangzhi.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.OrgPath;

/**
 * Raw access to audit rows for tests: writes a few rows of a unique actor through the
 * log, snapshots them, and puts tampered rows back exactly as they were. The database is
 * shared with other tests, so every test restores what it broke.
 */
final class AuditRows {

	private final JdbcClient jdbc;

	AuditRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static String uniqueActor(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Writes {@code count} rows for a fresh actor and returns them as stored. */
	List<AuditRecord> write(AuditLog log, int count) {
		String actor = uniqueActor("chain");
		for (int i = 1; i <= count; i++) {
			log.recordAs(actor, "AUDITOR@/62/", OrgPath.ofCodes("62"),
					new AuditEntry("TEST_ROW", "test", Integer.toString(i), AuditOutcome.SUCCESS, "row " + i));
		}
		return jdbc.sql("select * from audit_event where actor = :actor order by seq")
			.param("actor", actor)
			.query((rs, n) -> AuditVerifier.read(rs))
			.list();
	}

	long lastSeq() {
		return jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
	}

	AuditRecord get(long seq) {
		return jdbc.sql("select * from audit_event where seq = :seq")
			.param("seq", seq)
			.query((rs, n) -> AuditVerifier.read(rs))
			.single();
	}

	/** Overwrites every column of the row at {@code seq} with {@code content}. */
	void overwrite(long seq, AuditRecord content) {
		jdbc.sql("""
				update audit_event set occurred_at = :occurredAt, actor = :actor, actor_scope = :actorScope,
				       org_path = :orgPath, action = :action, object_type = :objectType, object_id = :objectId,
				       outcome = :outcome, client_ip = :clientIp, detail = :detail, prev_hash = :prevHash,
				       hash = :hash
				where seq = :seq
				""")
			.param("seq", seq)
			.param("occurredAt", OffsetDateTime.ofInstant(content.occurredAt(), ZoneOffset.UTC))
			.param("actor", content.actor())
			.param("actorScope", content.actorScope())
			.param("orgPath", content.orgPath())
			.param("action", content.action())
			.param("objectType", content.objectType())
			.param("objectId", content.objectId())
			.param("outcome", content.outcome())
			.param("clientIp", content.clientIp())
			.param("detail", content.detail())
			.param("prevHash", content.prevHash())
			.param("hash", content.hash())
			.update();
	}

	void restore(AuditRecord original) {
		overwrite(original.seq(), original);
	}

	void delete(long seq) {
		jdbc.sql("delete from audit_event where seq = :seq").param("seq", seq).update();
	}

	/** Puts a deleted row back exactly as it was. */
	void reinsert(AuditRecord row) {
		jdbc.sql("""
				insert into audit_event (seq, occurred_at, actor, actor_scope, org_path, action, object_type,
				                         object_id, outcome, client_ip, detail, prev_hash, hash)
				values (:seq, :occurredAt, :actor, :actorScope, :orgPath, :action, :objectType,
				        :objectId, :outcome, :clientIp, :detail, :prevHash, :hash)
				""")
			.param("seq", row.seq())
			.param("occurredAt", OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC))
			.param("actor", row.actor())
			.param("actorScope", row.actorScope())
			.param("orgPath", row.orgPath())
			.param("action", row.action())
			.param("objectType", row.objectType())
			.param("objectId", row.objectId())
			.param("outcome", row.outcome())
			.param("clientIp", row.clientIp())
			.param("detail", row.detail())
			.param("prevHash", row.prevHash())
			.param("hash", row.hash())
			.update();
	}

}
