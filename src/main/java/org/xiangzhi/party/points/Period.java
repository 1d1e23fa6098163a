package org.xiangzhi.party.points;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ranking period: a year, or a quarter of it. Written {@code 2026} or {@code 2026-Q2}.
 *
 * @param year the year
 * @param quarter 1 to 4, or {@code null} for the whole year
 */
public record Period(int year, Integer quarter) {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

	public Period {
		if (year < 2000 || year > 2100) {
			throw new IllegalArgumentException("year " + year);
		}
		if (quarter != null && (quarter < 1 || quarter > 4)) {
			throw new IllegalArgumentException("quarter " + quarter);
		}
	}

	public static Period year(int year) {
		return new Period(year, null);
	}

	/** The quarter the day lies in. */
	public static Period quarterOf(LocalDate day) {
		return new Period(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	/** {@code 2026} or {@code 2026-Q2}; empty for anything else. */
	public static Optional<Period> parse(String text) {
		Matcher m = TEXT.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			int year = Integer.parseInt(m.group(1));
			return Optional.of(new Period(year, m.group(2) == null ? null : Integer.parseInt(m.group(2))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The year as text (a message argument must not be formatted as 2,026). */
	public String yearText() {
		return Integer.toString(year);
	}

	public boolean quarterly() {
		return quarter != null;
	}

	/** The first day. */
	public LocalDate start() {
		return quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
	}

	/** The day after the last. */
	public LocalDate end() {
		return quarter == null ? start().plusYears(1) : start().plusMonths(3);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(start()) && day.isBefore(end());
	}

	/** The year this quarter belongs to (a year is its own). */
	public Period wholeYear() {
		return year(year);
	}

	@Override
	public String toString() {
		return quarter == null ? Integer.toString(year) : year + "-Q" + quarter;
	}

}
