package org.xiangzhi.cases.time;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

/** Helpers for the time tests; every date here is checked by {@link #day}. */
final class TestTimes {

	private TestTimes() {
	}

	/** An instant given as Asia/Shanghai local time, e.g. {@code "2025-03-07T21:00"}. */
	static Instant shanghai(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
	}

	/** A date that must fall on the given weekday, so that a typo cannot go unnoticed. */
	static LocalDate day(String date, DayOfWeek expected) {
		LocalDate day = LocalDate.parse(date);
		if (day.getDayOfWeek() != expected) {
			throw new AssertionError(date + " is a " + day.getDayOfWeek() + ", not a " + expected);
		}
		return day;
	}

	/**
	 * A calendar made up for the tests: Wednesday 1 to Tuesday 7 October 2025 off, Sunday
	 * 28 September and Saturday 11 October 2025 working days.
	 */
	static WorkingDayCalendar holidayWeekCalendar() {
		Set<LocalDate> holidays = Set.of(LocalDate.parse("2025-10-01"), LocalDate.parse("2025-10-02"),
				LocalDate.parse("2025-10-03"), LocalDate.parse("2025-10-04"), LocalDate.parse("2025-10-05"),
				LocalDate.parse("2025-10-06"), LocalDate.parse("2025-10-07"));
		Set<LocalDate> makeUp = Set.of(LocalDate.parse("2025-09-28"), LocalDate.parse("2025-10-11"));
		return new WorkingDayCalendar(holidays, makeUp);
	}

}
