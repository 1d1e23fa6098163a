package org.xiangzhi.cases.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.time.CaseStep;
import org.xiangzhi.cases.time.OverduePolicy;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.cases.time.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

class OverdueRuleTest {

	static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.weekendsOnly();

	static final OverdueRule RULE = new OverdueRule(new OverduePolicy(CALENDAR, 1));

	/** Monday 2026-11-16 10:00 Asia/Shanghai. */
	static final Instant SUBMITTED = at(LocalDate.of(2026, 11, 16), 10);

	static final TimeLimits.Deadlines DEADLINES = TimeLimits.DEFAULT_13710.deadlines(SUBMITTED, CALENDAR);

	static Instant at(LocalDate day, int hour) {
		return LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).atZone(WorkingDayCalendar.ZONE).toInstant();
	}

	@Test
	void thePendingStepFollowsTheStatus() {
		assertThat(PendingStep.of(CaseStatus.SUBMITTED)).contains(CaseStep.ACCEPT);
		assertThat(PendingStep.of(CaseStatus.ACCEPTED)).contains(CaseStep.DISPATCH);
		assertThat(PendingStep.of(CaseStatus.REOPENED)).contains(CaseStep.DISPATCH);
		assertThat(PendingStep.of(CaseStatus.DISPATCHED)).contains(CaseStep.HANDLE);
		assertThat(PendingStep.of(CaseStatus.HANDLING)).contains(CaseStep.HANDLE);
		assertThat(PendingStep.of(CaseStatus.HANDLED)).isEmpty();
		assertThat(PendingStep.of(CaseStatus.CLOSED)).isEmpty();
	}

	@Test
	void onTimeCasesAreLeftAlone() {
		// accept due Tuesday 24:00
		var decision = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, DEADLINES, null, null,
				at(LocalDate.of(2026, 11, 17), 23));
		assertThat(decision.nothing()).isTrue();
	}

	@Test
	void anOverdueCaseIsFlaggedOnceThenEscalatesAfterTheGrace() {
		Instant wednesday = at(LocalDate.of(2026, 11, 18), 9);
		var first = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, DEADLINES, null, null, wednesday);
		assertThat(first.flag()).isTrue();
		assertThat(first.escalate()).isFalse();
		assertThat(first.step()).isEqualTo(CaseStep.ACCEPT);
		var again = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, DEADLINES, "ACCEPT", null, wednesday);
		assertThat(again.nothing()).isTrue();
		// grace of one working day: escalates from Thursday 00:00
		var thursday = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, DEADLINES, "ACCEPT", null,
				at(LocalDate.of(2026, 11, 19), 0));
		assertThat(thursday.escalate()).isTrue();
	}

	@Test
	void aNewStepIsFlaggedAgain() {
		var decision = RULE.decide(CaseStatus.ACCEPTED, HandlingLevel.VILLAGE, DEADLINES, "ACCEPT", null,
				at(LocalDate.of(2026, 11, 20), 9));
		assertThat(decision.flag()).isTrue();
		assertThat(decision.step()).isEqualTo(CaseStep.DISPATCH);
	}

	@Test
	void theGraceOfTheNewUnitCountsFromItsArrival() {
		Instant arrived = at(LocalDate.of(2026, 11, 19), 1);
		var sameDay = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.TOWN, DEADLINES, null, arrived,
				at(LocalDate.of(2026, 11, 19), 15));
		assertThat(sameDay.flag()).isTrue();
		assertThat(sameDay.escalate()).isFalse();
		var dayAfter = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.TOWN, DEADLINES, "ACCEPT", arrived,
				at(LocalDate.of(2026, 11, 21), 0));
		assertThat(dayAfter.escalate()).isTrue();
	}

	@Test
	void aCountyCaseIsOnlyFlagged() {
		var decision = RULE.decide(CaseStatus.DISPATCHED, HandlingLevel.COUNTY, DEADLINES, null, null,
				at(LocalDate.of(2027, 1, 4), 9));
		assertThat(decision.flag()).isTrue();
		assertThat(decision.escalate()).isFalse();
	}

	@Test
	void theWeekendDoesNotEatTheGrace() {
		// submitted Thursday: accept due Friday 24:00; grace ends Monday 24:00
		Instant thursday = at(LocalDate.of(2026, 11, 19), 10);
		var deadlines = TimeLimits.DEFAULT_13710.deadlines(thursday, CALENDAR);
		var sunday = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, deadlines, "ACCEPT", null,
				at(LocalDate.of(2026, 11, 22), 20));
		assertThat(sunday.escalate()).isFalse();
		var tuesday = RULE.decide(CaseStatus.SUBMITTED, HandlingLevel.VILLAGE, deadlines, "ACCEPT", null,
				at(LocalDate.of(2026, 11, 24), 0));
		assertThat(tuesday.escalate()).isTrue();
	}

}
