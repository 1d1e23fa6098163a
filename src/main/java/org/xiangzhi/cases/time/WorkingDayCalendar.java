package org.xiangzhi.cases.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The working-day calendar of Chinese public administration, in the {@code Asia/Shanghai}
 * zone.
 * <p>
 * A day is a working day when it is a make-up working day (调休上班, a weekend date declared
 * a working day), or else when it is neither a holiday nor a Saturday or Sunday. A date
 * that is both a holiday and a make-up day counts as a working day (the make-up
 * declaration is the more specific one).
 * <p>
 * <b>Deadline rule.</b> A limit of {@code N} working days from an instant ends at 24:00
 * (Asia/Shanghai) of the {@code N}-th working day <em>after</em> the day of that instant:
 * the day of the start is not counted, and the period ends at the end of its last day.
 * This is the rule of the Civil Code for periods counted in days (民法典 arts. 201–203:
 * 开始的当日不计入; 最后一日的截止时间为二十四时; a last day that falls on a rest day moves to the next working
 * day) and of most administrative time limits. It is fair to the handler: a report made
 * on Friday at 21:00 with a 1-working-day limit is due on Monday at 24:00, not on
 * Saturday, and a report at 23:59 does not eat the handler's day. A limit of 0 days ends
 * at 24:00 of the start day itself, working day or not ("the same day", for urgent
 * categories).
 * <p>
 * Dates outside the configured holiday lists are treated as ordinary weekdays/weekends,
 * so a calendar must be extended every year when the State Council publishes its notice.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class WorkingDayCalendar {

	/** The zone every date of this calendar is in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** Classpath resource with the 2026 holidays, read by {@link #china2026()}. */
	public static final String CHINA_2026_RESOURCE = "cases/holidays-2026.csv";

	private final Set<LocalDate> holidays;

	private final Set<LocalDate> makeUpWorkingDays;

	/**
	 * A calendar with weekends off plus the given holidays, and the given make-up working
	 * days.
	 * @param holidays dates off (法定节假日 and the rest days moved next to them)
	 * @param makeUpWorkingDays weekend dates that are working days (调休上班)
	 */
	public WorkingDayCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays) {
		this.holidays = Set.copyOf(holidays);
		this.makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
	}

	/** A calendar with only weekends off. */
	public static WorkingDayCalendar weekendsOnly() {
		return new WorkingDayCalendar(Set.of(), Set.of());
	}

	/**
	 * China's 2026 public holidays and make-up working days, from the State Council
	 * notice 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025), read from
	 * {@value #CHINA_2026_RESOURCE}.
	 */
	public static WorkingDayCalendar china2026() {
		try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(CHINA_2026_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("missing classpath resource " + CHINA_2026_RESOURCE);
			}
			return fromCsv(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a calendar from CSV lines {@code date,type,name} (UTF-8), where {@code date}
	 * is ISO ({@code 2026-10-01}) and {@code type} is {@code HOLIDAY} or {@code WORKDAY}
	 * (a make-up working day). Blank lines, lines starting with {@code #} and a header
	 * line starting with {@code date} are skipped.
	 * @throws IllegalArgumentException naming the line of a malformed entry
	 */
	public static WorkingDayCalendar fromCsv(InputStream in) throws IOException {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workdays = new HashSet<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		String line;
		int number = 0;
		while ((line = reader.readLine()) != null) {
			number++;
			String trimmed = line.strip();
			if (number == 1 && trimmed.startsWith("\uFEFF")) {
				trimmed = trimmed.substring(1);
			}
			if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
				continue;
			}
			String[] fields = trimmed.split(",", 3);
			if (fields.length < 2) {
				throw new IllegalArgumentException("line " + number + ": expected date,type,name: " + line);
			}
			LocalDate date;
			try {
				date = LocalDate.parse(fields[0].strip());
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("line " + number + ": bad date: " + fields[0], ex);
			}
			switch (fields[1].strip()) {
				case "HOLIDAY" -> holidays.add(date);
				case "WORKDAY" -> workdays.add(date);
				default -> throw new IllegalArgumentException(
						"line " + number + ": type must be HOLIDAY or WORKDAY: " + fields[1]);
			}
		}
		return new WorkingDayCalendar(holidays, workdays);
	}

	/** Whether the date is a working day (see the class comment). */
	public boolean isWorkingDay(LocalDate date) {
		Objects.requireNonNull(date, "date");
		if (this.makeUpWorkingDays.contains(date)) {
			return true;
		}
		if (this.holidays.contains(date)) {
			return false;
		}
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	/**
	 * The deadline of a limit of {@code days} working days counted from {@code start}:
	 * 24:00 Asia/Shanghai (= 00:00 of the next calendar day) of the {@code days}-th
	 * working day after the date of {@code start}; for {@code days == 0}, 24:00 of the
	 * date of {@code start}. See the class comment for the rule.
	 * @throws IllegalArgumentException if {@code days} is negative
	 */
	public Instant addWorkingDays(Instant start, int days) {
		Objects.requireNonNull(start, "start");
		return endOfDay(nthWorkingDayAfter(start.atZone(ZONE).toLocalDate(), days));
	}

	/**
	 * The {@code days}-th working day after {@code date} ({@code date} itself not
	 * counted); {@code date} itself for 0.
	 */
	public LocalDate nthWorkingDayAfter(LocalDate date, int days) {
		Objects.requireNonNull(date, "date");
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		LocalDate day = date;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	/**
	 * The number of working days {@code d} with {@code from < d <= to}: the start day is
	 * not counted, as in {@link #addWorkingDays}, so that
	 * {@code workingDaysBetween(day, nthWorkingDayAfter(day, n)) == n}. Negative when
	 * {@code to} is before {@code from}; 0 when they are equal.
	 */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	/**
	 * The last working day that begins before {@code instant}, i.e. the working day on
	 * which a deadline at {@code instant} falls (a deadline at 24:00 belongs to the day
	 * that ends there). Searches back at most one year.
	 */
	public LocalDate lastWorkingDayBefore(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		LocalDate day = instant.minusNanos(1).atZone(ZONE).toLocalDate();
		for (int i = 0; i < 366; i++) {
			if (isWorkingDay(day)) {
				return day;
			}
			day = day.minusDays(1);
		}
		throw new IllegalStateException("no working day in the year before " + instant);
	}

	/** 24:00 Asia/Shanghai of {@code date}, i.e. 00:00 of the next day. */
	public static Instant endOfDay(LocalDate date) {
		return date.plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	/** 00:00 Asia/Shanghai of {@code date}. */
	public static Instant startOfDay(LocalDate date) {
		return date.atStartOfDay(ZONE).toInstant();
	}

	/** The configured holidays, sorted. */
	public List<LocalDate> holidays() {
		List<LocalDate> list = new ArrayList<>(this.holidays);
		list.sort(null);
		return List.copyOf(list);
	}

	/** The configured make-up working days, sorted. */
	public List<LocalDate> makeUpWorkingDays() {
		List<LocalDate> list = new ArrayList<>(this.makeUpWorkingDays);
		list.sort(null);
		return List.copyOf(list);
	}

}
