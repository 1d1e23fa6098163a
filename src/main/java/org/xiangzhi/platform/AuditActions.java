package org.xiangzhi.platform;

/** Audit actions of the platform module. Other modules define their own. */
public final class AuditActions {

	public static final String LOGIN_SUCCEEDED = "LOGIN_SUCCEEDED";

	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";

	public static final String LOGOUT = "LOGOUT";

	public static final String SECOND_FACTOR_ENROLLED = "SECOND_FACTOR_ENROLLED";

	public static final String ACCOUNT_CREATED = "ACCOUNT_CREATED";

	public static final String ACCOUNT_UPDATED = "ACCOUNT_UPDATED";

	public static final String ACCOUNT_LOCKED = "ACCOUNT_LOCKED";

	public static final String ACCOUNT_UNLOCKED = "ACCOUNT_UNLOCKED";

	public static final String ROLE_GRANTED = "ROLE_GRANTED";

	public static final String ROLE_REVOKED = "ROLE_REVOKED";

	public static final String PASSWORD_RESET = "PASSWORD_RESET";

	public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";

	public static final String REVEAL = "REVEAL";

	public static final String EXPORT = "EXPORT";

	/** A record exists but lies outside the caller's scope; answered as "not found". */
	public static final String SCOPE_DENIED = "SCOPE_DENIED";

	public static final String TOKEN_CREATED = "TOKEN_CREATED";

	public static final String TOKEN_REVOKED = "TOKEN_REVOKED";

	private AuditActions() {
	}

}
