package org.xiangzhi.platform.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.SecuritySettings;

/**
 * Counts failed login steps (wrong passwords and second-factor codes) per account and
 * locks the account after too many ({@link SecuritySettings#lockoutFailures()} in a row
 * lock it for {@link SecuritySettings#lockoutDuration()}).
 * <p>
 * The count and the lock change in one UPDATE each, computed by the database from the row
 * as it is, never by saving a loaded {@link Account}: concurrent logins of one account
 * are all counted and none fails on the entity's version. The updates raise the version,
 * so an administrator's edit loaded before them fails instead of writing back stale
 * counts. The account row is written before the audit row, the order of every audited
 * account write, so that a login never waits for {@code audit_head} while holding the
 * account row that another writer holding {@code audit_head} waits for.
 */
@Service
@Transactional
public class LoginAttempts {

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final Clock clock;

	LoginAttempts(AccountRepository accounts, JdbcClient jdbc, AuditLog audit, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A failed login step for an existing account; unknown usernames are only audited.
	 * The username is matched as at login (trimmed, any case), so that spelling it
	 * differently does not escape the count. Failures while the account is locked are
	 * audited but not counted.
	 */
	public void failed(String username, String reason) {
		Optional<Account> account = accounts
			.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
		if (account.isEmpty()) {
			audit.recordAs(username, null, null,
					AuditEntry.of(AuditActions.LOGIN_FAILED, AccountService.OBJECT_TYPE, null, AuditOutcome.FAILURE)
						.withDetail(reason));
			return;
		}
		Account a = account.get();
		boolean lockedNow = countFailure(a.id(), clock.instant());
		String actorScope = a.toActor().describeScope();
		audit.recordAs(a.username(), actorScope, a.home(),
				AuditEntry.of(AuditActions.LOGIN_FAILED, AccountService.OBJECT_TYPE, a.id(), AuditOutcome.FAILURE)
					.withDetail(reason));
		if (lockedNow) {
			audit.recordAs(a.username(), actorScope, a.home(), AuditEntry.of(AuditActions.ACCOUNT_LOCKED,
					AccountService.OBJECT_TYPE, a.id(), AuditOutcome.SUCCESS));
		}
	}

	/**
	 * Adds one failure unless the account is locked; the failure that reaches the limit
	 * locks it and starts the count again.
	 * @return whether this failure locked the account
	 */
	private boolean countFailure(long accountId, Instant now) {
		int counted = jdbc.sql("""
				update account
				set failed_attempts = case when failed_attempts + 1 >= :limit then 0 else failed_attempts + 1 end,
				    locked_until = case when failed_attempts + 1 >= :limit then :until else locked_until end,
				    version = version + 1
				where id = :id and (locked_until is null or locked_until <= :now)
				""")
			.param("limit", settings.lockoutFailures())
			.param("until", utc(now.plus(settings.lockoutDuration())))
			.param("now", utc(now))
			.param("id", accountId)
			.update();
		if (counted == 0) {
			return false;
		}
		// the row stays locked by the update until commit: this reads what it wrote
		int failures = jdbc.sql("select failed_attempts from account where id = :id")
			.param("id", accountId)
			.query(Integer.class)
			.single();
		return failures == 0;
	}

	/**
	 * A completed login: the failure count starts again. That is the password step of an
	 * account without a second factor, and the accepted code of one with it (the password
	 * alone must not undo the failures of wrong codes). A lock that a concurrent failure
	 * set after this login's checks stays: only an expired lock is cleared.
	 */
	public void succeeded(long accountId) {
		accounts.findById(accountId).ifPresent(a -> {
			Instant now = clock.instant();
			jdbc.sql("""
					update account
					set failed_attempts = case when locked_until is null or locked_until <= :now then 0
					                           else failed_attempts end,
					    locked_until = case when locked_until is null or locked_until <= :now then null
					                        else locked_until end,
					    last_login_at = :now, version = version + 1
					where id = :id
					""").param("now", utc(now)).param("id", accountId).update();
			audit.recordAs(a.username, a.toActor().describeScope(), a.home(),
					AuditEntry.success(AuditActions.LOGIN_SUCCEEDED, AccountService.OBJECT_TYPE, a.id()));
		});
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
