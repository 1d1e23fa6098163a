package org.xiangzhi.platform.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.SecuritySettings;

/**
 * Counts failed passwords per account and locks the account after too many
 * ({@link SecuritySettings#lockoutFailures()} in a row lock it for
 * {@link SecuritySettings#lockoutDuration()}).
 */
@Service
@Transactional
public class LoginAttempts {

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final Clock clock;

	LoginAttempts(AccountRepository accounts, AuditLog audit, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** A wrong password for an existing account; unknown usernames are only audited. */
	public void failed(String username, String reason) {
		var account = accounts.findByUsername(username);
		String actorScope = account.map(a -> a.toActor().describeScope()).orElse(null);
		var orgPath = account.map(Account::home).orElse(null);
		audit.recordAs(username, actorScope, orgPath,
				AuditEntry
					.of(AuditActions.LOGIN_FAILED, AccountService.OBJECT_TYPE, account.map(Account::id).orElse(null),
							AuditOutcome.FAILURE)
					.withDetail(reason));
		account.ifPresent(a -> {
			Instant now = clock.instant();
			if (a.isLocked(now)) {
				return;
			}
			a.failedAttempts++;
			if (a.failedAttempts >= settings.lockoutFailures()) {
				a.failedAttempts = 0;
				a.lockedUntil = now.plus(settings.lockoutDuration());
				audit.recordAs(username, actorScope, orgPath, AuditEntry.of(AuditActions.ACCOUNT_LOCKED,
						AccountService.OBJECT_TYPE, a.id(), AuditOutcome.SUCCESS));
			}
			accounts.save(a);
		});
	}

	/** A successful password step: the failure count starts again. */
	public void succeeded(long accountId) {
		accounts.findById(accountId).ifPresent(a -> {
			a.failedAttempts = 0;
			a.lockedUntil = null;
			a.lastLoginAt = clock.instant();
			accounts.save(a);
			audit.recordAs(a.username, a.toActor().describeScope(), a.home(),
					AuditEntry.success(AuditActions.LOGIN_SUCCEEDED, AccountService.OBJECT_TYPE, a.id()));
		});
	}

}
