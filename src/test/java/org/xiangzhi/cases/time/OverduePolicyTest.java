package org.xiangzhi.cases.time;

import java.time.DayOfWeek;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiangzhi.cases.time.TestTimes.day;
import static org.xiangzhi.cases.time.TestTimes.holidayWeekCalendar;
import static org.xiangzhi.cases.time.TestTimes.shanghai;

class OverduePolicyTest {

	private final OverduePolicy policy = new OverduePolicy(WorkingDayCalendar.weekendsOnly(), 1);

	/** Monday 10 March 2025, 24:00. */
	private final Instant mondayDeadline = shanghai("2025-03-11T00:00");

	OverduePolicyTest() {
		day("2025-03-10", DayOfWeek.MONDAY);
	}

	@Test
	void beforeTheLastWorkingDayAStepIsOnTime() {
		assertThat(this.policy.status(this.mondayDeadline, shanghai("2025-03-07T12:00")))
			.isEqualTo(OverdueStatus.ON_TIME);
		// the weekend before the last working day is still on time
		assertThat(this.policy.status(this.mondayDeadline, shanghai("2025-03-09T23:59:59")))
			.isEqualTo(OverdueStatus.ON_TIME);
	}

	@Test
	void onTheLastWorkingDayAStepIsDueSoon() {
		assertThat(this.policy.status(this.mondayDeadline, shanghai("2025-03-10T00:00")))
			.isEqualTo(OverdueStatus.DUE_SOON);
		assertThat(this.policy.dueSoonFrom(this.mondayDeadline)).isEqualTo(shanghai("2025-03-10T00:00"));
	}

	@Test
	void oneSecondBeforeTheDeadlineIsDueSoonAndTheDeadlineItselfIsOverdue() {
		assertThat(this.policy.status(this.mondayDeadline, this.mondayDeadline.minusSeconds(1)))
			.isEqualTo(OverdueStatus.DUE_SOON);
		assertThat(this.policy.status(this.mondayDeadline, this.mondayDeadline)).isEqualTo(OverdueStatus.OVERDUE);
		assertThat(this.policy.status(this.mondayDeadline, this.mondayDeadline.plusSeconds(1)))
			.isEqualTo(OverdueStatus.OVERDUE);
	}

	@Test
	void insideTheGraceAStepIsOverdueAndAfterItItEscalates() {
		// one working day of grace: until Tuesday 24:00
		Instant graceEnd = shanghai("2025-03-12T00:00");
		assertThat(this.policy.escalatesAt(this.mondayDeadline)).isEqualTo(graceEnd);
		assertThat(this.policy.status(this.mondayDeadline, graceEnd.minusSeconds(1))).isEqualTo(OverdueStatus.OVERDUE);
		assertThat(this.policy.status(this.mondayDeadline, graceEnd)).isEqualTo(OverdueStatus.ESCALATE);
		assertThat(this.policy.status(this.mondayDeadline, graceEnd.plusSeconds(1))).isEqualTo(OverdueStatus.ESCALATE);
	}

	@Test
	void theGraceDoesNotRunOutOverAWeekend() {
		day("2025-03-07", DayOfWeek.FRIDAY);
		Instant fridayDeadline = shanghai("2025-03-08T00:00");
		assertThat(this.policy.status(fridayDeadline, shanghai("2025-03-09T20:00"))).isEqualTo(OverdueStatus.OVERDUE);
		assertThat(this.policy.escalatesAt(fridayDeadline)).isEqualTo(shanghai("2025-03-11T00:00"));
	}

	@Test
	void theGraceDoesNotRunOutOverAHolidayWeekAndCountsAMakeUpSaturday() {
		OverduePolicy holidayPolicy = new OverduePolicy(holidayWeekCalendar(), 2);
		day("2025-09-30", DayOfWeek.TUESDAY);
		Instant deadline = shanghai("2025-10-01T00:00");
		assertThat(holidayPolicy.status(deadline, shanghai("2025-10-06T12:00"))).isEqualTo(OverdueStatus.OVERDUE);
		// grace: Wednesday 8 and Thursday 9 October
		assertThat(holidayPolicy.escalatesAt(deadline)).isEqualTo(shanghai("2025-10-10T00:00"));
	}

	@Test
	void withoutGraceAStepEscalatesAsSoonAsTheDeadlinePasses() {
		OverduePolicy noGrace = new OverduePolicy(WorkingDayCalendar.weekendsOnly(), 0);
		assertThat(noGrace.status(this.mondayDeadline, this.mondayDeadline.minusSeconds(1)))
			.isEqualTo(OverdueStatus.DUE_SOON);
		assertThat(noGrace.status(this.mondayDeadline, this.mondayDeadline)).isEqualTo(OverdueStatus.ESCALATE);
	}

	@Test
	void aSameDayDeadlineOnASaturdayIsDueSoonAtOnce() {
		day("2025-03-08", DayOfWeek.SATURDAY);
		Instant saturdayDeadline = shanghai("2025-03-09T00:00");
		assertThat(this.policy.status(saturdayDeadline, shanghai("2025-03-08T10:00")))
			.isEqualTo(OverdueStatus.DUE_SOON);
		// the grace runs to the end of the next working day, Monday
		assertThat(this.policy.escalatesAt(saturdayDeadline)).isEqualTo(shanghai("2025-03-11T00:00"));
	}

	@Test
	void aNegativeGraceIsRefused() {
		assertThatThrownBy(() -> new OverduePolicy(WorkingDayCalendar.weekendsOnly(), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDefaultGraceIsOneWorkingDay() {
		assertThat(OverduePolicy.withDefaultGrace(WorkingDayCalendar.weekendsOnly()).graceWorkingDays()).isEqualTo(1);
	}

}
