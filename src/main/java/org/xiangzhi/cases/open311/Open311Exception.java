package org.xiangzhi.cases.open311;

/**
 * A request the GeoReport v2 interface refuses, answered in the spec's error format: 400
 * for a missing or invalid argument, 403 for a missing or bad {@code api_key}, 404 for an
 * unknown id, 422 for an {@code Idempotency-Key} reused with other data.
 */
class Open311Exception extends RuntimeException {

	private final int status;

	private final String messageKey;

	private final Object[] arguments;

	Open311Exception(int status, String messageKey, Object... arguments) {
		super(status + " " + messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	static Open311Exception badRequest(String messageKey, Object... arguments) {
		return new Open311Exception(400, messageKey, arguments);
	}

	static Open311Exception forbidden(String messageKey) {
		return new Open311Exception(403, messageKey);
	}

	static Open311Exception notFound(String messageKey, Object... arguments) {
		return new Open311Exception(404, messageKey, arguments);
	}

	int status() {
		return status;
	}

	String messageKey() {
		return messageKey;
	}

	Object[] arguments() {
		return arguments;
	}

}
