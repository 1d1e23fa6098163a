package org.xiangzhi.cases.time;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiangzhi.cases.time.TestTimes.day;
import static org.xiangzhi.cases.time.TestTimes.holidayWeekCalendar;
import static org.xiangzhi.cases.time.TestTimes.shanghai;

class WorkingDayCalendarTest {

	private final WorkingDayCalendar weekends = WorkingDayCalendar.weekendsOnly();

	@Test
	void weekdaysAreWorkingDaysAndWeekendsAreNot() {
		assertThat(this.weekends.isWorkingDay(day("2025-03-07", DayOfWeek.FRIDAY))).isTrue();
		assertThat(this.weekends.isWorkingDay(day("2025-03-08", DayOfWeek.SATURDAY))).isFalse();
		assertThat(this.weekends.isWorkingDay(day("2025-03-09", DayOfWeek.SUNDAY))).isFalse();
		assertThat(this.weekends.isWorkingDay(day("2025-03-10", DayOfWeek.MONDAY))).isTrue();
	}

	@Test
	void aFridayEveningReportWithAOneDayLimitIsDueOnMondayAt24ShanghaiTime() {
		day("2025-03-07", DayOfWeek.FRIDAY);
		Instant deadline = this.weekends.addWorkingDays(shanghai("2025-03-07T21:00"), 1);
		assertThat(deadline).isEqualTo(shanghai("2025-03-11T00:00"));
		assertThat(deadline).isEqualTo(Instant.parse("2025-03-10T16:00:00Z"));
	}

	@Test
	void theStartDayIsNotCountedEvenWhenTheReportComesAtMidnight() {
		day("2025-03-05", DayOfWeek.WEDNESDAY);
		assertThat(this.weekends.addWorkingDays(shanghai("2025-03-05T00:00"), 1))
			.isEqualTo(shanghai("2025-03-07T00:00"));
		assertThat(this.weekends.addWorkingDays(shanghai("2025-03-05T23:59:59"), 1))
			.isEqualTo(shanghai("2025-03-07T00:00"));
	}

	@Test
	void weekendsAreSkipped() {
		day("2025-03-06", DayOfWeek.THURSDAY);
		// Friday 1, Monday 2, Tuesday 3
		assertThat(this.weekends.addWorkingDays(shanghai("2025-03-06T09:00"), 3))
			.isEqualTo(shanghai("2025-03-12T00:00"));
	}

	@Test
	void theStartDayIsTheShanghaiDateNotTheUtcDate() {
		// Monday 00:30 in Shanghai is still Sunday in UTC
		Instant mondayEarly = Instant.parse("2025-03-09T16:30:00Z");
		assertThat(mondayEarly).isEqualTo(shanghai("2025-03-10T00:30"));
		assertThat(this.weekends.addWorkingDays(mondayEarly, 1)).isEqualTo(shanghai("2025-03-12T00:00"));
	}

	@Test
	void aHolidayWeekIsSkipped() {
		WorkingDayCalendar calendar = holidayWeekCalendar();
		day("2025-09-30", DayOfWeek.TUESDAY);
		assertThat(calendar.isWorkingDay(day("2025-10-01", DayOfWeek.WEDNESDAY))).isFalse();
		assertThat(calendar.isWorkingDay(day("2025-10-07", DayOfWeek.TUESDAY))).isFalse();
		// 1 to 7 October off: the first working day after Tuesday 30 September is
		// Wednesday 8
		assertThat(calendar.addWorkingDays(shanghai("2025-09-30T10:00"), 1)).isEqualTo(shanghai("2025-10-09T00:00"));
	}

	@Test
	void aMakeUpSaturdayIsCounted() {
		WorkingDayCalendar calendar = holidayWeekCalendar();
		assertThat(calendar.isWorkingDay(day("2025-10-11", DayOfWeek.SATURDAY))).isTrue();
		assertThat(calendar.isWorkingDay(day("2025-09-28", DayOfWeek.SUNDAY))).isTrue();
		// a Friday-evening report with a 1-day limit is due on the make-up Saturday, not
		// on Monday
		day("2025-10-10", DayOfWeek.FRIDAY);
		assertThat(calendar.addWorkingDays(shanghai("2025-10-10T20:00"), 1)).isEqualTo(shanghai("2025-10-12T00:00"));
		// 8, 9, 10 October, then the make-up Saturday 11 is the 4th
		assertThat(calendar.addWorkingDays(shanghai("2025-09-30T10:00"), 4)).isEqualTo(shanghai("2025-10-12T00:00"));
	}

	@Test
	void aMakeUpDeclarationWinsOverAHolidayOnTheSameDate() {
		LocalDate saturday = day("2025-03-08", DayOfWeek.SATURDAY);
		WorkingDayCalendar calendar = new WorkingDayCalendar(Set.of(saturday), Set.of(saturday));
		assertThat(calendar.isWorkingDay(saturday)).isTrue();
	}

	@Test
	void aLimitOfZeroDaysEndsAtMidnightOfTheStartDayEvenOnAWeekend() {
		day("2025-03-08", DayOfWeek.SATURDAY);
		assertThat(this.weekends.addWorkingDays(shanghai("2025-03-08T10:00"), 0))
			.isEqualTo(shanghai("2025-03-09T00:00"));
	}

	@Test
	void aNegativeLimitIsRefused() {
		assertThatThrownBy(() -> this.weekends.addWorkingDays(shanghai("2025-03-08T10:00"), -1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("-1");
	}

	@Test
	void workingDaysBetweenDoesNotCountTheFirstDayAndCountsTheLast() {
		LocalDate friday = day("2025-03-07", DayOfWeek.FRIDAY);
		assertThat(this.weekends.workingDaysBetween(friday, friday)).isZero();
		assertThat(this.weekends.workingDaysBetween(friday, day("2025-03-09", DayOfWeek.SUNDAY))).isZero();
		assertThat(this.weekends.workingDaysBetween(friday, day("2025-03-10", DayOfWeek.MONDAY))).isEqualTo(1);
		assertThat(this.weekends.workingDaysBetween(friday, day("2025-03-14", DayOfWeek.FRIDAY))).isEqualTo(5);
		assertThat(this.weekends.workingDaysBetween(day("2025-03-14", DayOfWeek.FRIDAY), friday)).isEqualTo(-5);
	}

	@Test
	void workingDaysBetweenSkipsHolidaysAndCountsMakeUpDays() {
		WorkingDayCalendar calendar = holidayWeekCalendar();
		// 28 Sep (make-up Sunday), 29, 30 Sep, 8, 9, 10, 11 (make-up Saturday) Oct
		assertThat(
				calendar.workingDaysBetween(day("2025-09-27", DayOfWeek.SATURDAY), day("2025-10-12", DayOfWeek.SUNDAY)))
			.isEqualTo(7);
	}

	@Test
	void workingDaysBetweenIsTheInverseOfCountingForward() {
		WorkingDayCalendar calendar = holidayWeekCalendar();
		LocalDate start = day("2025-09-20", DayOfWeek.SATURDAY);
		for (int n = 0; n <= 30; n++) {
			LocalDate end = calendar.nthWorkingDayAfter(start, n);
			assertThat(calendar.workingDaysBetween(start, end)).as("n = %d", n).isEqualTo(n);
			if (n > 0) {
				assertThat(calendar.isWorkingDay(end)).as("day %d is a working day", n).isTrue();
			}
		}
	}

	@Test
	void theLastWorkingDayBeforeADeadlineAt24IsTheDayThatEndsThere() {
		WorkingDayCalendar calendar = holidayWeekCalendar();
		assertThat(calendar.lastWorkingDayBefore(shanghai("2025-03-11T00:00")))
			.isEqualTo(day("2025-03-10", DayOfWeek.MONDAY));
		// a deadline at the end of the holiday week falls back on the last day before it
		assertThat(calendar.lastWorkingDayBefore(shanghai("2025-10-08T00:00")))
			.isEqualTo(day("2025-09-30", DayOfWeek.TUESDAY));
	}

	@Test
	void aCalendarIsReadFromCsvWithCommentsAndAHeader() throws IOException {
		String csv = """
				# a comment
				date,type,name
				2025-10-01,HOLIDAY,国庆节

				2025-10-11,WORKDAY,国庆节调休上班
				""";
		WorkingDayCalendar calendar = WorkingDayCalendar
			.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(calendar.holidays()).containsExactly(LocalDate.parse("2025-10-01"));
		assertThat(calendar.makeUpWorkingDays()).containsExactly(LocalDate.parse("2025-10-11"));
	}

	@Test
	void aCsvLineWithAnUnknownTypeIsRefusedWithItsLineNumber() {
		String csv = "date,type,name\n2025-10-01,HOLLIDAY,国庆节\n";
		assertThatThrownBy(
				() -> WorkingDayCalendar.fromCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("line 2")
			.hasMessageContaining("HOLLIDAY");
	}

	@Test
	void theShipped2026CalendarIsWellFormed() {
		WorkingDayCalendar calendar = WorkingDayCalendar.china2026();
		assertThat(calendar.holidays()).isNotEmpty().allSatisfy((date) -> assertThat(date.getYear()).isEqualTo(2026));
		// make-up working days are by definition weekend days
		assertThat(calendar.makeUpWorkingDays()).isNotEmpty()
			.allSatisfy((date) -> assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
		assertThat(calendar.holidays()).doesNotContainAnyElementsOf(calendar.makeUpWorkingDays());
		// 1 January and 1 October are statutory holidays every year
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-01"))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
	}

}
