package org.xiangzhi.platform;

/**
 * A submitted value would place a record or an account outside the caller's scope, or
 * grant more than the caller holds. Answered with 403 and a message in the user's
 * language; the message key names the rule that refused it.
 */
public class OutOfScopeException extends RuntimeException {

	private final String messageKey;

	public OutOfScopeException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
