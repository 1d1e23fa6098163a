package org.xiangzhi.platform.audit;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTest {

	private static final Instant TIME = Instant.parse("2026-08-31T10:15:00Z");

	private static AuditRecord row(String objectType, String objectId, String detail) {
		return new AuditRecord(1, TIME, "zhang", "AUDITOR@/62/", "/62/", "LOGIN", objectType, objectId, "SUCCESS",
				"127.0.0.1", detail, AuditHash.GENESIS, null);
	}

	@Test
	void encodesEveryFieldWithEscapedSeparatorsAndMarkedNulls() {
		assertThat(AuditHash.canonical(row(null, "", "a|b\\c"))).isEqualTo(
				"xz-audit-v1|1|2026-08-31T10:15:00.000Z|zhang|AUDITOR@/62/|/62/|LOGIN|\\N||SUCCESS|127.0.0.1|a\\|b\\\\c|"
						+ AuditHash.GENESIS);
	}

	@Test
	void hashIsTheHexSha256OfTheEncodingComputedIndependently() {
		// computed with Python's hashlib from the same canonical text
		assertThat(AuditHash.of(row(null, "", "a|b\\c")))
			.isEqualTo("8e354bf028448273d8cb2ca34a5a1b07102e35cfefb0a91c11d249f6177a5638");
		AuditRecord chinese = new AuditRecord(7, Instant.parse("2026-01-02T03:04:05.678Z"), "李四", null, null, "REVEAL",
				"resident", "42", "DENIED", null, null, "ab".repeat(32), null);
		assertThat(AuditHash.of(chinese)).isEqualTo("70e71c9f19a59421cec3a034d87363aa1597c451e4c30c1bfecd8a4891225b46");
	}

	@Test
	void nullDiffersFromEmptyAndFromTheLiteralNullMarker() {
		assertThat(AuditHash.of(row(null, null, null))).isNotEqualTo(AuditHash.of(row("", null, null)))
			.isNotEqualTo(AuditHash.of(row("\\N", null, null)));
	}

	@Test
	void aSeparatorInsideAValueCannotShiftAFieldBoundary() {
		assertThat(AuditHash.of(row("a|b", "c", null))).isNotEqualTo(AuditHash.of(row("a", "b|c", null)));
		assertThat(AuditHash.of(row("a\\", "b", null))).isNotEqualTo(AuditHash.of(row("a\\|b", null, null)));
	}

	@Test
	void timeAlwaysHasThreeFractionDigitsInUtc() {
		assertThat(AuditHash.time(Instant.parse("2026-02-28T16:00:00Z"))).isEqualTo("2026-02-28T16:00:00.000Z");
		assertThat(AuditHash.time(Instant.parse("2026-02-28T16:00:00.5Z"))).isEqualTo("2026-02-28T16:00:00.500Z");
	}

	@Test
	void everyFieldTakesPartInTheHash() {
		AuditRecord base = row("account", "1", "d");
		String hash = AuditHash.of(base);
		assertThat(AuditHash.of(new AuditRecord(2, TIME, "zhang", "AUDITOR@/62/", "/62/", "LOGIN", "account", "1",
				"SUCCESS", "127.0.0.1", "d", AuditHash.GENESIS, null)))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditRecord(1, TIME.plusMillis(1), "zhang", "AUDITOR@/62/", "/62/", "LOGIN",
				"account", "1", "SUCCESS", "127.0.0.1", "d", AuditHash.GENESIS, null)))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditRecord(1, TIME, "zhang", "AUDITOR@/62/", "/62/", "LOGIN", "account", "1",
				"FAILURE", "127.0.0.1", "d", AuditHash.GENESIS, null)))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditRecord(1, TIME, "zhang", "AUDITOR@/62/", "/62/", "LOGIN", "account", "1",
				"SUCCESS", "127.0.0.2", "d", AuditHash.GENESIS, null)))
			.isNotEqualTo(hash);
		assertThat(AuditHash.of(new AuditRecord(1, TIME, "zhang", "AUDITOR@/62/", "/62/", "LOGIN", "account", "1",
				"SUCCESS", "127.0.0.1", "d", "1".repeat(64), null)))
			.isNotEqualTo(hash);
		// the stored hash itself is not part of its own input
		assertThat(AuditHash.of(new AuditRecord(1, TIME, "zhang", "AUDITOR@/62/", "/62/", "LOGIN", "account", "1",
				"SUCCESS", "127.0.0.1", "d", AuditHash.GENESIS, "whatever")))
			.isEqualTo(hash);
	}

}
