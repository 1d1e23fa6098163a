package org.xiangzhi.cases;

/**
 * The action is allowed in the current status but one of its guards refused the request
 * (no reason given, no after-photo, wrong level...). {@link #messageKey()} names the
 * rule.
 */
public class TransitionRefusedException extends RuntimeException {

	private final String messageKey;

	private final CaseStatus current;

	private final CaseAction action;

	public TransitionRefusedException(String messageKey, CaseStatus current, CaseAction action) {
		super(action + " refused in " + current + ": " + messageKey);
		this.messageKey = messageKey;
		this.current = current;
		this.action = action;
	}

	public String messageKey() {
		return messageKey;
	}

	public CaseStatus current() {
		return current;
	}

	public CaseAction action() {
		return action;
	}

}
