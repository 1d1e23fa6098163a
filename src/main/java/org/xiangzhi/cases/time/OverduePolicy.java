package org.xiangzhi.cases.time;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Decides where a pending step of a case stands against its deadline.
 * <p>
 * For a deadline {@code D} (exclusive, normally 24:00 of a working day, see
 * {@link WorkingDayCalendar#addWorkingDays}) and an instant {@code now}:
 * <ul>
 * <li>{@link OverdueStatus#ESCALATE} when {@code now >= escalatesAt(D)};</li>
 * <li>{@link OverdueStatus#OVERDUE} when {@code D <= now < escalatesAt(D)};</li>
 * <li>{@link OverdueStatus#DUE_SOON} when {@code dueSoonFrom(D) <= now < D}: on the last
 * working day of the limit;</li>
 * <li>{@link OverdueStatus#ON_TIME} before that.</li>
 * </ul>
 * The grace period is counted in working days, like the limits, so that a step overdue on
 * Friday night does not escalate over the weekend before anyone could act:
 * {@code escalatesAt(D)} is 24:00 of the {@code graceWorkingDays}-th working day after
 * the working day on which {@code D} falls. A grace of 0 escalates as soon as the
 * deadline passes (there is then no OVERDUE state).
 * <p>
 * The policy only looks at pending steps: a step done is neither overdue nor due; whether
 * it was done on time is {@code doneAt < D}.
 *
 * @param calendar the working-day calendar
 * @param graceWorkingDays working days after the deadline before escalation, at least 0
 */
public record OverduePolicy(WorkingDayCalendar calendar, int graceWorkingDays) {

	/** The default grace: one working day after the deadline. */
	public static final int DEFAULT_GRACE_WORKING_DAYS = 1;

	public OverduePolicy {
		Objects.requireNonNull(calendar, "calendar");
		if (graceWorkingDays < 0) {
			throw new IllegalArgumentException("grace must not be negative: " + graceWorkingDays);
		}
	}

	/** A policy with {@link #DEFAULT_GRACE_WORKING_DAYS}. */
	public static OverduePolicy withDefaultGrace(WorkingDayCalendar calendar) {
		return new OverduePolicy(calendar, DEFAULT_GRACE_WORKING_DAYS);
	}

	/** The status at {@code now} of a pending step due at {@code deadline}. */
	public OverdueStatus status(Instant deadline, Instant now) {
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(now, "now");
		if (!now.isBefore(escalatesAt(deadline))) {
			return OverdueStatus.ESCALATE;
		}
		if (!now.isBefore(deadline)) {
			return OverdueStatus.OVERDUE;
		}
		if (!now.isBefore(dueSoonFrom(deadline))) {
			return OverdueStatus.DUE_SOON;
		}
		return OverdueStatus.ON_TIME;
	}

	/**
	 * The start (00:00 Asia/Shanghai) of the last working day before {@code deadline},
	 * from which the step is {@link OverdueStatus#DUE_SOON}.
	 */
	public Instant dueSoonFrom(Instant deadline) {
		return WorkingDayCalendar.startOfDay(this.calendar.lastWorkingDayBefore(deadline));
	}

	/**
	 * The end of the grace period, from which the step is {@link OverdueStatus#ESCALATE}.
	 */
	public Instant escalatesAt(Instant deadline) {
		if (this.graceWorkingDays == 0) {
			return deadline;
		}
		LocalDate lastDay = this.calendar.lastWorkingDayBefore(deadline);
		return WorkingDayCalendar.endOfDay(this.calendar.nthWorkingDayAfter(lastDay, this.graceWorkingDays));
	}

}
