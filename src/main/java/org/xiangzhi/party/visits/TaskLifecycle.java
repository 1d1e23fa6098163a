package org.xiangzhi.party.visits;

import java.util.Map;
import java.util.Set;

/**
 * The state machine of a mandatory visit: OPEN → DONE (a 必访 visit was logged), OPEN →
 * CANCELLED (a cadre gave a reason). Both ends are final: a new trigger makes a new task.
 */
public final class TaskLifecycle {

	/** What can happen to a task. */
	public enum Action {

		FULFIL, CANCEL

	}

	private static final Map<TaskStatus, Map<Action, TaskStatus>> MOVES = Map.of(TaskStatus.OPEN,
			Map.of(Action.FULFIL, TaskStatus.DONE, Action.CANCEL, TaskStatus.CANCELLED), TaskStatus.DONE, Map.of(),
			TaskStatus.CANCELLED, Map.of());

	private TaskLifecycle() {
	}

	/**
	 * The state after {@code action}.
	 * @throws IllegalTaskTransitionException when the action is impossible in
	 * {@code from}
	 */
	public static TaskStatus next(TaskStatus from, Action action) {
		TaskStatus to = MOVES.get(from).get(action);
		if (to == null) {
			throw new IllegalTaskTransitionException(from, action);
		}
		return to;
	}

	/** The actions possible in {@code status}. */
	public static Set<Action> actionsIn(TaskStatus status) {
		return MOVES.get(status).keySet();
	}

	/** A cancellation needs a reason of at most 500 characters. */
	public static String requireReason(String reason) {
		String r = reason == null ? "" : reason.strip();
		if (r.isEmpty()) {
			throw new org.xiangzhi.platform.InvalidInputException("reason", "party.visits.cancel.reasonRequired");
		}
		if (r.length() > 500) {
			throw new org.xiangzhi.platform.InvalidInputException("reason", "party.visits.cancel.reasonTooLong");
		}
		return r;
	}

	/** An action the task's state does not allow (answered 409 by the API). */
	public static class IllegalTaskTransitionException extends RuntimeException {

		private final TaskStatus current;

		IllegalTaskTransitionException(TaskStatus current, Action action) {
			super("cannot " + action + " a " + current + " mandatory visit");
			this.current = current;
		}

		public TaskStatus current() {
			return current;
		}

		public String messageKey() {
			return "party.visits.transition.illegal";
		}

	}

}
