package org.xiangzhi.platform.account;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.security.Totp;

/**
 * TOTP second factor (RFC 6238, any authenticator app). The secret is stored encrypted
 * like any personal identifier; each code is accepted once.
 */
@Service
@Transactional
public class SecondFactor {

	private final AccountRepository accounts;

	private final PersonalData personalData;

	private final AuditLog audit;

	private final Clock clock;

	private final LoginAttempts attempts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SecondFactor(AccountRepository accounts, PersonalData personalData, AuditLog audit, Clock clock,
			LoginAttempts attempts, JdbcClient jdbc, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.events = events;
		this.attempts = attempts;
		this.personalData = personalData;
		this.audit = audit;
		this.clock = clock;
	}

	/** Finishes enrolment when the code matches the secret the user's app was given. */
	public void enrol(long accountId, String secret, String code) {
		Account account = load(accountId);
		Optional<Long> step = Totp.verify(secret, code, clock.instant(), null);
		if (step.isEmpty()) {
			throw new InvalidInputException("code", "totp.error.code");
		}
		account.totpSecretEnc = personalData.encrypt(secret);
		account.totpEnabled = true;
		account.totpLastStep = step.get();
		accounts.save(account);
		audit.record(AuditEntry.success(AuditActions.SECOND_FACTOR_ENROLLED, AccountService.OBJECT_TYPE, accountId));
	}

	/**
	 * Checks a code at login; a code is never accepted twice. A refused code is a failed
	 * login step like a wrong password: it is announced as {@link CodeRefused} (the
	 * address throttle counts it) and then counted towards the account's lockout and
	 * audited by {@link LoginAttempts#failed}, so the six digits cannot be guessed. The
	 * accepted code completes the login: in the transaction that claims it the failure
	 * count starts again and the login is audited ({@link LoginAttempts#succeeded}),
	 * which the password step of an account with a second factor does not do.
	 */
	public boolean verify(long accountId, String code) {
		Account account = load(accountId);
		Instant now = clock.instant();
		if (account.isLocked(now)) {
			refused(account, "locked");
			return false;
		}
		Optional<Long> step = Totp.verify(personalData.decrypt(account.totpSecretEnc), code, now, account.totpLastStep);
		if (step.isEmpty()) {
			refused(account, "second_factor");
			return false;
		}
		// claimed by a compare-and-set rather than a save of the loaded account: of two
		// requests with the same code only one gets it, and a concurrent failed login
		// (which raises the version) does not make the right code fail. The loser knew a
		// valid code, so it is no guess and not counted.
		boolean claimed = jdbc.sql("""
				update account set totp_last_step = :step, version = version + 1
				where id = :id and (totp_last_step is null or totp_last_step < :step)
				  and (locked_until is null or locked_until <= :now)
				""")
			.param("step", step.get())
			.param("id", accountId)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update() == 1;
		if (claimed) {
			attempts.succeeded(accountId);
		}
		return claimed;
	}

	/**
	 * Publishes {@link CodeRefused} before the account's failure is counted, so that
	 * nothing after it keeps the refusal from counting towards the address limit.
	 */
	private void refused(Account account, String reason) {
		events.publishEvent(new CodeRefused(account.id()));
		attempts.failed(account.username(), reason);
	}

	private Account load(long accountId) {
		return accounts.findById(accountId)
			.orElseThrow(() -> new RecordNotFoundException(AccountService.OBJECT_TYPE, accountId));
	}

	/**
	 * A second-factor code was refused at login (wrong, replayed, or the account is
	 * locked); published in the request that sent it.
	 */
	public record CodeRefused(long accountId) {
	}

}
