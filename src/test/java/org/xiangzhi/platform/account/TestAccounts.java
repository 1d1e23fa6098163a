package org.xiangzhi.platform.account;

import java.time.Instant;

import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;

/**
 * Builds {@link Account}s in memory for unit tests outside this package, through the
 * package-private constructor and fields (no repository, no Spring).
 */
public final class TestAccounts {

	private final Account account;

	private TestAccounts(Account account) {
		this.account = account;
	}

	/**
	 * An enabled account created at {@code now}, holding {@code role} at {@code path}.
	 */
	public static TestAccounts account(long id, String username, Role role, OrgPath path, Instant now) {
		Account account = new Account(username, username, "{noop}secret", path, now);
		account.id = id;
		account.assignments.add(new Account.RoleGrant(null, role, path.leafCode(), path.value()));
		return new TestAccounts(account);
	}

	public TestAccounts totpEnabled() {
		account.totpEnabled = true;
		return this;
	}

	public TestAccounts demo() {
		account.demo = true;
		return this;
	}

	public TestAccounts mustChangePassword() {
		account.mustChangePassword = true;
		return this;
	}

	public TestAccounts passwordChangedAt(Instant when) {
		account.passwordChangedAt = when;
		return this;
	}

	public TestAccounts lastLoginAt(Instant when) {
		account.lastLoginAt = when;
		return this;
	}

	public TestAccounts reactivatedAt(Instant when) {
		account.reactivatedAt = when;
		return this;
	}

	public TestAccounts lockedUntil(Instant when) {
		account.lockedUntil = when;
		return this;
	}

	public TestAccounts disabled() {
		account.enabled = false;
		return this;
	}

	public Account build() {
		return account;
	}

}
