package org.xiangzhi.cases.time;

import java.time.Instant;
import java.util.Objects;

/**
 * Time limits of the four steps of a case, in working days, all counted from the same
 * starting instant, normally the submission (or a reopening) of the case.
 * <p>
 * The default is 马庄桥镇's "13710" method: accepted within 1 working day, dispatched within
 * 3, handled within 7 and revisited within 10. The limits are cumulative from submission,
 * not from the previous step: the figures grow (1 &lt; 3 &lt; 7 &lt; 10) and are promised
 * to the resident at intake, so a step done late does not push the later deadlines back
 * and the promise of a solution within 7 working days holds whatever happened in between.
 * A reopened case gets a fresh set of deadlines from its reopening.
 * <p>
 * A limit of 0 means "the same day" (24:00 of the start day, see
 * {@link WorkingDayCalendar#addWorkingDays}); limits must not decrease from one step to
 * the next.
 *
 * @param accept working days to accept (受理)
 * @param dispatch working days to dispatch (交办/派遣)
 * @param handle working days to handle (办结)
 * @param revisit working days to revisit (回访)
 */
public record TimeLimits(int accept, int dispatch, int handle, int revisit) {

	/** "13710": 1, 3, 7, 10 working days. */
	public static final TimeLimits DEFAULT_13710 = new TimeLimits(1, 3, 7, 10);

	public TimeLimits {
		if (accept < 0) {
			throw new IllegalArgumentException("accept limit must not be negative: " + accept);
		}
		if (dispatch < accept || handle < dispatch || revisit < handle) {
			throw new IllegalArgumentException("limits must not decrease from step to step: accept " + accept
					+ ", dispatch " + dispatch + ", handle " + handle + ", revisit " + revisit);
		}
	}

	/** The limit of a step, in working days from the start. */
	public int limitOf(CaseStep step) {
		return switch (Objects.requireNonNull(step, "step")) {
			case ACCEPT -> this.accept;
			case DISPATCH -> this.dispatch;
			case HANDLE -> this.handle;
			case REVISIT -> this.revisit;
		};
	}

	/** The four deadlines of a case submitted (or reopened) at {@code submittedAt}. */
	public Deadlines deadlines(Instant submittedAt, WorkingDayCalendar calendar) {
		Objects.requireNonNull(submittedAt, "submittedAt");
		Objects.requireNonNull(calendar, "calendar");
		return new Deadlines(calendar.addWorkingDays(submittedAt, this.accept),
				calendar.addWorkingDays(submittedAt, this.dispatch), calendar.addWorkingDays(submittedAt, this.handle),
				calendar.addWorkingDays(submittedAt, this.revisit));
	}

	/**
	 * The deadlines of the four steps; each is an exclusive limit: the step is on time
	 * when it is done strictly before its deadline (24:00 of the last working day).
	 *
	 * @param accept deadline to accept
	 * @param dispatch deadline to dispatch
	 * @param handle deadline to handle
	 * @param revisit deadline to revisit
	 */
	public record Deadlines(Instant accept, Instant dispatch, Instant handle, Instant revisit) {

		public Deadlines {
			Objects.requireNonNull(accept, "accept");
			Objects.requireNonNull(dispatch, "dispatch");
			Objects.requireNonNull(handle, "handle");
			Objects.requireNonNull(revisit, "revisit");
		}

		/** The deadline of a step. */
		public Instant of(CaseStep step) {
			return switch (Objects.requireNonNull(step, "step")) {
				case ACCEPT -> this.accept;
				case DISPATCH -> this.dispatch;
				case HANDLE -> this.handle;
				case REVISIT -> this.revisit;
			};
		}

	}

}
