package org.xiangzhi.cases.mediation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.xiangzhi.cases.time.WorkingDayCalendar;

/**
 * ISO weeks of the weekly screening (周排查): a week starts on Monday, in Asia/Shanghai.
 */
final class WeekOf {

	private WeekOf() {
	}

	/** The Monday of the week the date lies in. */
	static LocalDate monday(LocalDate date) {
		return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
	}

	/** The Monday of the week the instant lies in, in Asia/Shanghai. */
	static LocalDate monday(Instant instant) {
		return monday(instant.atZone(WorkingDayCalendar.ZONE).toLocalDate());
	}

	/**
	 * The Monday of the week before the instant's week: the week a screening is now due
	 * for.
	 */
	static LocalDate pastWeek(Instant instant) {
		return monday(instant).minusWeeks(1);
	}

	static boolean isMonday(LocalDate date) {
		return date.getDayOfWeek() == DayOfWeek.MONDAY;
	}

}
