package org.xiangzhi.platform;

import java.util.List;

/**
 * Submitted input broke a rule the form could not check by itself (a taken username, a
 * weak password). Carries message keys, so the page can show them in the user's language
 * next to the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	private final List<String> messageKeys;

	public InvalidInputException(String field, List<String> messageKeys) {
		super(field + ": " + messageKeys);
		this.field = field;
		this.messageKeys = List.copyOf(messageKeys);
	}

	public InvalidInputException(String field, String messageKey) {
		this(field, List.of(messageKey));
	}

	public String field() {
		return field;
	}

	public List<String> messageKeys() {
		return messageKeys;
	}

}
