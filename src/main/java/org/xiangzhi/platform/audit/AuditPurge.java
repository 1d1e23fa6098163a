package org.xiangzhi.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;

/**
 * Deletes audit rows past retention. Only a contiguous prefix of the chain goes, and the
 * anchor in {@code audit_head} moves to the last deleted row, so the rest still verifies.
 * The application's database role may not delete audit rows (see
 * {@code docs/ops/postgresql-roles.sql}): the purge runs as the owner role, through the
 * {@code purge-audit} command.
 */
@Service
class AuditPurge {

	static final String ACTOR = "system:audit-purge";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final AuditVerifier verifier;

	private final AuditRetentionPolicy policy;

	private final Clock clock;

	AuditPurge(JdbcClient jdbc, AuditLog auditLog, AuditVerifier verifier, Clock clock,
			@Value("${xiangzhi.audit.retention-months:6}") int retentionMonths) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.verifier = verifier;
		this.clock = clock;
		this.policy = new AuditRetentionPolicy(retentionMonths);
	}

	@Transactional
	Result purge() {
		return purge(clock.instant());
	}

	/**
	 * Purges rows older than the retention cutoff at {@code now}.
	 * @throws IllegalStateException when the rows to purge do not verify: a broken chain
	 * is evidence and is never deleted
	 */
	@Transactional
	Result purge(Instant now) {
		Instant cutoff = policy.cutoff(now);
		// Locking the head keeps writers out while the anchor moves.
		long[] head = jdbc.sql("select last_seq, anchor_seq from audit_head where id = 1 for update")
			.query((rs, n) -> new long[] { rs.getLong("last_seq"), rs.getLong("anchor_seq") })
			.single();
		long lastSeq = head[0];
		long anchorSeq = head[1];
		String anchorHash = jdbc.sql("select anchor_hash from audit_head where id = 1").query(String.class).single();
		Long firstKept = jdbc.sql("select min(seq) from audit_event where seq > :anchor and occurred_at >= :cutoff")
			.param("anchor", anchorSeq)
			.param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
			.query(Long.class)
			.optional()
			.orElse(null);
		long lastPurged = firstKept == null ? lastSeq : firstKept - 1;
		long purged = 0;
		if (lastPurged > anchorSeq) {
			AuditVerifier.Walk walk = verifier.walk(anchorSeq, anchorHash, lastPurged);
			if (walk.result() != null || walk.lastSeq() != lastPurged) {
				throw new IllegalStateException("Refusing to purge: the audit chain does not verify up to seq "
						+ lastPurged + " (" + walk.result() + ")");
			}
			purged = jdbc.sql("delete from audit_event where seq <= :last").param("last", lastPurged).update();
			jdbc.sql("update audit_head set anchor_seq = :seq, anchor_hash = :hash where id = 1")
				.param("seq", lastPurged)
				.param("hash", walk.lastHash())
				.update();
			anchorSeq = lastPurged;
		}
		auditLog.recordAs(ACTOR, null, null, new AuditEntry("AUDIT_PURGED", "audit_event", Long.toString(anchorSeq),
				AuditOutcome.SUCCESS, "rows=" + purged + ";cutoff=" + AuditHash.time(cutoff) + ";anchor=" + anchorSeq));
		return new Result(purged, anchorSeq, cutoff);
	}

	/**
	 * What a purge did.
	 *
	 * @param purgedRows rows deleted
	 * @param anchorSeq the chain now starts after this seq
	 * @param cutoff rows before this instant were eligible
	 */
	record Result(long purgedRows, long anchorSeq, Instant cutoff) {
	}

}
