package org.xiangzhi.platform.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.AuditLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Purges the head of the chain. The prefix that goes is whatever is oldest in the shared
 * database, so the test writes its own rows after everything present, dated after the
 * newest existing row, and moves "now" relative to them: older rows of other tests are
 * purged with them, which is what a purge is for.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.messages.basename=messages,i18n/audit")
class AuditPurgeIntegrationTest {

	@Autowired
	AuditPurge purge;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void purgesOnlyRowsPastRetentionAndTheChainStillVerifies() {
		Instant old = newestRowTime().plus(Duration.ofDays(1));
		Instant recent = old.plus(Duration.ofDays(30));
		List<AuditRecord> oldRows = writeAt(old, 3);
		List<AuditRecord> recentRows = writeAt(recent, 2);
		assertThat(verifier.verify().intact()).isTrue();

		// 183 days after the old rows they are still young enough to keep
		AuditPurge.Result early = purge.purge(old.plus(Duration.ofDays(183)));
		assertThat(early.cutoff()).isBefore(old);
		assertThat(exists(oldRows.get(0).seq())).isTrue();
		assertThat(verifier.verify().intact()).isTrue();

		AuditPurge.Result result = purge.purge(old.plus(Duration.ofDays(185)));
		long lastOld = oldRows.get(2).seq();
		assertThat(result.anchorSeq()).isEqualTo(lastOld);
		assertThat(result.purgedRows()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select count(*) from audit_event where seq <= :seq")
			.param("seq", lastOld)
			.query(Long.class)
			.single()).isZero();
		assertThat(recentRows).allSatisfy(row -> assertThat(exists(row.seq())).isTrue());
		assertThat(jdbc.sql("select anchor_seq, anchor_hash from audit_head where id = 1")
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getString(2))
			.single()).isEqualTo(lastOld + ":" + oldRows.get(2).hash());

		AuditVerification after = verifier.verify();
		assertThat(after.intact()).isTrue();
		assertThat(after.rowsChecked()).isGreaterThanOrEqualTo(3);

		AuditRecord purgedRow = jdbc
			.sql("select * from audit_event where action = 'AUDIT_PURGED' and object_id = :anchor order by seq desc")
			.param("anchor", Long.toString(lastOld))
			.query((rs, n) -> AuditVerifier.read(rs))
			.list()
			.get(0);
		assertThat(purgedRow.actor()).isEqualTo(AuditPurge.ACTOR);
		assertThat(purgedRow.detail()).startsWith("rows=" + result.purgedRows() + ";cutoff=");
	}

	@Test
	void aBrokenChainIsEvidenceAndIsNotPurged() {
		Instant old = newestRowTime().plus(Duration.ofDays(1));
		List<AuditRecord> rows = writeAt(old, 3);
		AuditRows audit = new AuditRows(jdbc);
		AuditRecord original = rows.get(1);
		audit.overwrite(original.seq(),
				new AuditRecord(original.seq(), original.occurredAt(), original.actor(), original.actorScope(),
						original.orgPath(), original.action(), original.objectType(), original.objectId(),
						original.outcome(), original.clientIp(), "tampered", original.prevHash(), original.hash()));
		try {
			assertThatIllegalStateException().isThrownBy(() -> purge.purge(old.plus(Duration.ofDays(400))));
			assertThat(exists(rows.get(0).seq())).isTrue();
		}
		finally {
			audit.restore(original);
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	private List<AuditRecord> writeAt(Instant time, int count) {
		AuditLog log = new JdbcAuditLog(jdbc, Clock.fixed(time, ZoneOffset.UTC));
		return transactions.execute(tx -> new AuditRows(jdbc).write(log, count));
	}

	private Instant newestRowTime() {
		OffsetDateTime newest = jdbc.sql("select max(occurred_at) from audit_event")
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.single();
		Instant now = Instant.now();
		return newest == null || newest.toInstant().isBefore(now) ? now : newest.toInstant();
	}

	private boolean exists(long seq) {
		return jdbc.sql("select count(*) from audit_event where seq = :seq")
			.param("seq", seq)
			.query(Long.class)
			.single() == 1;
	}

}
