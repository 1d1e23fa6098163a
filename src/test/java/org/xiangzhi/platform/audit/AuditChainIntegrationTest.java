package org.xiangzhi.platform.audit;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.audit.AuditVerification.Problem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampers with the stored chain through raw JDBC, as someone with database access would,
 * and checks that the verifier names the first bad row. Every test puts the rows back
 * exactly, and checks that the chain verifies again, because the database is shared.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.messages.basename=messages,i18n/audit")
class AuditChainIntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	AuditRows audit;

	List<AuditRecord> rows;

	@BeforeEach
	void writeRows() {
		audit = new AuditRows(jdbc);
		assertThat(verifier.verify().intact()).as("chain intact before the test").isTrue();
		rows = audit.write(auditLog, 5);
		assertThat(rows).hasSize(5);
	}

	@AfterEach
	void chainIsIntactAgain() {
		assertThat(verifier.verify()).extracting(AuditVerification::intact, AuditVerification::problem)
			.containsExactly(true, null);
	}

	@Test
	void rowsWrittenThroughTheLogFormAnIntactChain() {
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i).seq()).isEqualTo(rows.get(i - 1).seq() + 1);
			assertThat(rows.get(i).prevHash()).isEqualTo(rows.get(i - 1).hash());
		}
		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void smallPagesWalkTheSameChain() {
		AuditVerification paged = new AuditVerifier(jdbc, 2).verify();
		assertThat(paged).isEqualTo(verifier.verify());
		assertThat(paged.intact()).isTrue();
	}

	@Test
	void oneAlteredByteIsNamedAltered() {
		AuditRecord original = rows.get(2);
		audit.overwrite(original.seq(), withDetail(original, "x" + original.detail().substring(1)));
		try {
			assertBrokenAt(original.seq(), Problem.ALTERED);
		}
		finally {
			audit.restore(original);
		}
	}

	@Test
	void anAlteredRowWithARecomputedHashIsStillNamedAltered() {
		AuditRecord original = rows.get(1);
		AuditRecord forged = withDetail(original, "forged");
		audit.overwrite(original.seq(), withHash(forged, AuditHash.of(forged)));
		try {
			assertBrokenAt(original.seq(), Problem.ALTERED);
		}
		finally {
			audit.restore(original);
		}
	}

	@Test
	void aDeletedMiddleRowIsNamedMissing() {
		AuditRecord original = rows.get(2);
		audit.delete(original.seq());
		try {
			assertBrokenAt(original.seq(), Problem.MISSING);
		}
		finally {
			audit.reinsert(original);
		}
	}

	@Test
	void swappedRowsAreNamedAtTheFirstOfTheTwo() {
		AuditRecord first = rows.get(1);
		AuditRecord second = rows.get(3);
		audit.overwrite(first.seq(), second);
		audit.overwrite(second.seq(), first);
		try {
			assertBrokenAt(first.seq(), Problem.REORDERED);
			assertThat(new AuditVerifier(jdbc, 2).verify().firstBadSeq()).isEqualTo(first.seq());
		}
		finally {
			audit.restore(first);
			audit.restore(second);
		}
	}

	@Test
	void swappedNeighboursAreNamedAtTheFirstOfTheTwo() {
		AuditRecord first = rows.get(2);
		AuditRecord second = rows.get(3);
		audit.overwrite(first.seq(), second);
		audit.overwrite(second.seq(), first);
		try {
			assertBrokenAt(first.seq(), Problem.REORDERED);
		}
		finally {
			audit.restore(first);
			audit.restore(second);
		}
	}

	@Test
	void rowsCutOffTheEndAreNamedTruncated() {
		AuditRecord fourth = rows.get(3);
		AuditRecord last = rows.get(4);
		assertThat(last.seq()).as("our rows are the newest").isEqualTo(audit.lastSeq());
		audit.delete(last.seq());
		audit.delete(fourth.seq());
		try {
			assertBrokenAt(fourth.seq(), Problem.TRUNCATED);
		}
		finally {
			audit.reinsert(fourth);
			audit.reinsert(last);
		}
	}

	@Test
	void aRowAddedBehindTheHeadsBackIsAHeadMismatch() {
		AuditRecord last = rows.get(4);
		AuditRecord extra = new AuditRecord(last.seq() + 1, last.occurredAt(), last.actor(), null, null, "FORGED", null,
				null, "SUCCESS", null, null, last.hash(), null);
		audit.reinsert(withHash(extra, AuditHash.of(extra)));
		try {
			assertBrokenAt(last.seq() + 1, Problem.HEAD_MISMATCH);
		}
		finally {
			audit.delete(extra.seq());
		}
	}

	@Test
	void aHeadThatNoLongerMatchesTheLastRowIsAHeadMismatch() {
		AuditRecord last = rows.get(4);
		jdbc.sql("update audit_head set last_hash = :hash where id = 1").param("hash", "f".repeat(64)).update();
		try {
			assertBrokenAt(last.seq(), Problem.HEAD_MISMATCH);
		}
		finally {
			jdbc.sql("update audit_head set last_hash = :hash where id = 1").param("hash", last.hash()).update();
		}
	}

	private void assertBrokenAt(long seq, Problem problem) {
		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBadSeq()).isEqualTo(seq);
		assertThat(result.problem()).isEqualTo(problem);
	}

	private static AuditRecord withDetail(AuditRecord r, String detail) {
		return new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorScope(), r.orgPath(), r.action(),
				r.objectType(), r.objectId(), r.outcome(), r.clientIp(), detail, r.prevHash(), r.hash());
	}

	private static AuditRecord withHash(AuditRecord r, String hash) {
		return new AuditRecord(r.seq(), r.occurredAt(), r.actor(), r.actorScope(), r.orgPath(), r.action(),
				r.objectType(), r.objectId(), r.outcome(), r.clientIp(), r.detail(), r.prevHash(), hash);
	}

}
