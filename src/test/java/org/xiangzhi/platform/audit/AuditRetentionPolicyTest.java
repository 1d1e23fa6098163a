package org.xiangzhi.platform.audit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AuditRetentionPolicyTest {

	private final AuditRetentionPolicy policy = new AuditRetentionPolicy();

	@Test
	void atTheEndOfAugustTheCutoffIsTheEndOfFebruary() {
		// six months back clamps 31 Aug to 28 Feb; 184 days back lands on the same day
		Instant now = Instant.parse("2026-08-31T10:00:00Z");
		assertThat(policy.cutoff(now)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
		assertKeptOneDayYounger(now);
	}

	@Test
	void atTheEndOfFebruaryTheCutoffIsTheTwentyEighthOfAugust() {
		Instant now = Instant.parse("2027-02-28T00:00:00Z");
		assertThat(policy.cutoff(now)).isEqualTo(Instant.parse("2026-08-28T00:00:00Z"));
		assertKeptOneDayYounger(now);
	}

	@Test
	void onALeapDayTheCutoffIsSixMonthsBack() {
		Instant now = Instant.parse("2028-02-29T23:59:59.999Z");
		assertThat(policy.cutoff(now)).isEqualTo(Instant.parse("2027-08-29T23:59:59.999Z"));
		assertKeptOneDayYounger(now);
	}

	@Test
	void whenSixMonthsAreShorterThan184DaysThe184DaysWin() {
		// 31 Mar back six months is 30 Sep (182 days); 184 days is 28 Sep
		Instant now = Instant.parse("2026-03-31T12:00:00Z");
		assertThat(policy.cutoff(now)).isEqualTo(Instant.parse("2025-09-28T12:00:00Z"));
		assertThat(policy.mayPurge(Instant.parse("2025-09-29T12:00:00Z"), now)).isFalse();
	}

	@Test
	void neverPurgesARowYoungerThanSixMonthsOr184DaysOnAnyDay() {
		Instant day = Instant.parse("2026-01-01T00:00:00Z");
		for (int i = 0; i < 3 * 366; i++) {
			Instant now = day.plus(Duration.ofDays(i));
			Instant cutoff = policy.cutoff(now);
			assertThat(Duration.between(cutoff, now)).isGreaterThanOrEqualTo(Duration.ofDays(184));
			assertThat(cutoff).isBeforeOrEqualTo(now.atZone(java.time.ZoneOffset.UTC).minusMonths(6).toInstant());
		}
	}

	@Test
	void aLongerRetentionMovesTheCutoffBack() {
		Instant now = Instant.parse("2026-08-31T00:00:00Z");
		assertThat(new AuditRetentionPolicy(12).cutoff(now)).isEqualTo(Instant.parse("2025-08-31T00:00:00Z"));
	}

	@Test
	void aRetentionBelowSixMonthsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AuditRetentionPolicy(5));
	}

	private void assertKeptOneDayYounger(Instant now) {
		Instant cutoff = policy.cutoff(now);
		assertThat(policy.mayPurge(cutoff.plus(Duration.ofDays(1)), now)).isFalse();
		assertThat(policy.mayPurge(cutoff, now)).isFalse();
		assertThat(policy.mayPurge(cutoff.minusMillis(1), now)).isTrue();
	}

}
