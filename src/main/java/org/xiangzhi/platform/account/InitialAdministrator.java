package org.xiangzhi.platform.account;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;

/**
 * Under {@code prod}, an empty database gets one system administrator {@code admin} whose
 * initial password comes from {@code XIANGZHI_INITIAL_ADMIN_PASSWORD} (never generated
 * into a log). The administrator must change it and enrol a second factor at the first
 * login.
 */
@Component
@Profile("prod")
class InitialAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final AccountRepository accounts;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	private final String initialPassword;

	InitialAdministrator(AccountRepository accounts, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
			Clock clock, @Value("${XIANGZHI_INITIAL_ADMIN_PASSWORD:}") String initialPassword) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
		this.initialPassword = initialPassword;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		List<String> violations = policy.violations(initialPassword, "admin");
		if (initialPassword.isBlank() || !violations.isEmpty()) {
			throw new IllegalStateException(
					"The database has no account yet: set XIANGZHI_INITIAL_ADMIN_PASSWORD to the "
							+ "first administrator's initial password (12+ characters, 3 of 4 character classes, not common)");
		}
		Account admin = new Account("admin", "系统管理员", encoder.encode(initialPassword), OrgPath.ROOT, clock.instant());
		admin.mustChangePassword = true;
		admin.assignments.add(new Account.RoleGrant(null, Role.SYSTEM_ADMIN, "000000", OrgPath.ROOT.value()));
		Account saved = accounts.save(admin);
		audit.recordAs("system", null, OrgPath.ROOT,
				AuditEntry
					.success(org.xiangzhi.platform.AuditActions.ACCOUNT_CREATED, AccountService.OBJECT_TYPE, saved.id())
					.withDetail("initial administrator"));
		log.warn(
				"Created the initial administrator 'admin'; it must change its password and enrol TOTP at first login");
	}

}
