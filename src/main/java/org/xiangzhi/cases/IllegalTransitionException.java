package org.xiangzhi.cases;

/**
 * The action is not allowed in the case's current status. Pages show {@link #MESSAGE_KEY}
 * with the labels of {@link #current()} and {@link #action()}: "当前状态为「已受理」，不能执行「结案」".
 */
public class IllegalTransitionException extends RuntimeException {

	public static final String MESSAGE_KEY = "case.transition.illegal";

	private final CaseStatus current;

	private final CaseAction action;

	public IllegalTransitionException(CaseStatus current, CaseAction action) {
		super("current status is " + current + ", cannot " + action);
		this.current = current;
		this.action = action;
	}

	public CaseStatus current() {
		return current;
	}

	public CaseAction action() {
		return action;
	}

	public String messageKey() {
		return MESSAGE_KEY;
	}

	/** Message keys of the arguments {0} (status) and {1} (action). */
	public Object[] argumentKeys() {
		return new Object[] { current.messageKey(), action.messageKey() };
	}

}
