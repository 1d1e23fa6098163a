package org.xiangzhi.platform.security;

/** Steps a signed-in account must finish before it may use anything else. */
public enum PendingStep {

	/** Enter the code of the enrolled authenticator app. */
	SECOND_FACTOR("/login/totp"),
	/** Enrol an authenticator app (administrators under prod). */
	SECOND_FACTOR_ENROLMENT("/account/totp"),
	/** Change an initial, reset or expired password. */
	PASSWORD_CHANGE("/account/password");

	private final String path;

	PendingStep(String path) {
		this.path = path;
	}

	/** The page that completes this step. */
	public String path() {
		return path;
	}

}
