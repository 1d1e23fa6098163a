package org.xiangzhi.party.visits;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * When a mandatory visit is due and how urgent it is. Deadlines are whole calendar days
 * in China time (a visit is a trip across the village, not office work: weekends count):
 * a task recorded on day D with N days is due by the end of day D + N, and overdue from
 * the day after. It is "due soon" from {@code dueSoonDays} days before its last day.
 */
public final class DeadlinePolicy {

	/** Deadlines are counted in China time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** How a task stands on a given day. */
	public enum Urgency {

		/** More than the "due soon" days left. */
		DUE,
		/** The last days: remind the member. */
		DUE_SOON,
		/** The last day has passed. */
		OVERDUE;

		public String messageKey() {
			return "party.visits.urgency." + name();
		}

	}

	private final Map<TriggerKind, Integer> days;

	private final int dueSoonDays;

	public DeadlinePolicy(Map<TriggerKind, Integer> days, int dueSoonDays) {
		this.days = Map.copyOf(days);
		this.dueSoonDays = dueSoonDays;
	}

	public static DeadlinePolicy of(VisitSettings settings) {
		return new DeadlinePolicy(settings.deadlineDays(), settings.dueSoonDays());
	}

	/** The days allowed for a trigger of this kind. */
	public int daysFor(TriggerKind kind) {
		Integer d = days.get(kind);
		return d == null ? VisitSettings.DEFAULT_DAYS.get(kind) : d;
	}

	/** The last day of the visit for a trigger recorded on {@code recordedOn}. */
	public LocalDate dueOn(TriggerKind kind, LocalDate recordedOn) {
		return recordedOn.plusDays(daysFor(kind));
	}

	/** How an open task due on {@code dueOn} stands on {@code today}. */
	public Urgency urgency(LocalDate dueOn, LocalDate today) {
		if (today.isAfter(dueOn)) {
			return Urgency.OVERDUE;
		}
		return today.isBefore(dueOn.minusDays(dueSoonDays)) ? Urgency.DUE : Urgency.DUE_SOON;
	}

	/** The first day a task due on {@code dueOn} is "due soon". */
	public LocalDate dueSoonFrom(LocalDate dueOn) {
		return dueOn.minusDays(dueSoonDays);
	}

	/** The last day of tasks that are due soon (or overdue) on {@code today}. */
	public LocalDate dueSoonUntil(LocalDate today) {
		return today.plusDays(dueSoonDays);
	}

}
