package org.xiangzhi.cases.time;

import java.time.DayOfWeek;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiangzhi.cases.time.TestTimes.day;
import static org.xiangzhi.cases.time.TestTimes.holidayWeekCalendar;
import static org.xiangzhi.cases.time.TestTimes.shanghai;

class TimeLimitsTest {

	private final WorkingDayCalendar weekends = WorkingDayCalendar.weekendsOnly();

	@Test
	void theDefaultIs13710() {
		assertThat(TimeLimits.DEFAULT_13710).isEqualTo(new TimeLimits(1, 3, 7, 10));
		assertThat(TimeLimits.DEFAULT_13710.limitOf(CaseStep.ACCEPT)).isEqualTo(1);
		assertThat(TimeLimits.DEFAULT_13710.limitOf(CaseStep.DISPATCH)).isEqualTo(3);
		assertThat(TimeLimits.DEFAULT_13710.limitOf(CaseStep.HANDLE)).isEqualTo(7);
		assertThat(TimeLimits.DEFAULT_13710.limitOf(CaseStep.REVISIT)).isEqualTo(10);
	}

	@Test
	void the13710DeadlinesAreAllCountedFromSubmission() {
		day("2025-03-03", DayOfWeek.MONDAY);
		TimeLimits.Deadlines deadlines = TimeLimits.DEFAULT_13710.deadlines(shanghai("2025-03-03T10:00"),
				this.weekends);
		// accept: Tuesday 4; dispatch: Thursday 6; handle: 4, 5, 6, 7, 10, 11, 12 ->
		// Wednesday 12;
		// revisit: 13, 14, 17 -> Monday 17
		assertThat(deadlines.accept()).isEqualTo(shanghai("2025-03-05T00:00"));
		assertThat(deadlines.dispatch()).isEqualTo(shanghai("2025-03-07T00:00"));
		assertThat(deadlines.handle()).isEqualTo(shanghai("2025-03-13T00:00"));
		assertThat(deadlines.revisit()).isEqualTo(shanghai("2025-03-18T00:00"));
		assertThat(deadlines.of(CaseStep.HANDLE)).isEqualTo(deadlines.handle());
	}

	@Test
	void the13710DeadlinesSkipAHolidayWeek() {
		day("2025-09-30", DayOfWeek.TUESDAY);
		TimeLimits.Deadlines deadlines = TimeLimits.DEFAULT_13710.deadlines(shanghai("2025-09-30T16:00"),
				holidayWeekCalendar());
		// working days after 30 September: 8, 9, 10, 11 (make-up Saturday), 13, 14, 15,
		// 16, 17, 20 October
		assertThat(deadlines.accept()).isEqualTo(shanghai("2025-10-09T00:00"));
		assertThat(deadlines.dispatch()).isEqualTo(shanghai("2025-10-11T00:00"));
		assertThat(deadlines.handle()).isEqualTo(shanghai("2025-10-16T00:00"));
		assertThat(deadlines.revisit()).isEqualTo(shanghai("2025-10-21T00:00"));
	}

	@Test
	void limitsThatDecreaseFromStepToStepAreRefused() {
		assertThatThrownBy(() -> new TimeLimits(3, 1, 7, 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("must not decrease");
		assertThatThrownBy(() -> new TimeLimits(1, 3, 7, 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TimeLimits(-1, 3, 7, 10)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("negative");
	}

	@Test
	void aCategoryOverrideReplacesTheDefaultForThatCategoryOnly() {
		TimeLimits fast = new TimeLimits(0, 1, 2, 5);
		TimeLimitPolicy policy = new TimeLimitPolicy(TimeLimits.DEFAULT_13710, Map.of("safety_hazard", fast));
		assertThat(policy.forCategory("safety_hazard")).isEqualTo(fast);
		assertThat(policy.forCategory("environment")).isEqualTo(TimeLimits.DEFAULT_13710);
	}

	@Test
	void aSafetyHazardReportedOnSaturdayMustBeAcceptedTheSameDay() {
		day("2025-03-08", DayOfWeek.SATURDAY);
		TimeLimits limits = CategoryDefaults.timeLimitPolicy().forCategory("safety_hazard");
		TimeLimits.Deadlines deadlines = limits.deadlines(shanghai("2025-03-08T10:00"), this.weekends);
		assertThat(deadlines.accept()).isEqualTo(shanghai("2025-03-09T00:00"));
		// handled within 3 working days: Monday 10, Tuesday 11, Wednesday 12
		assertThat(deadlines.handle()).isEqualTo(shanghai("2025-03-13T00:00"));
		TimeLimits.Deadlines ordinary = CategoryDefaults.timeLimitPolicy()
			.forCategory("environment")
			.deadlines(shanghai("2025-03-08T10:00"), this.weekends);
		assertThat(deadlines.handle()).isBefore(ordinary.handle());
	}

}
