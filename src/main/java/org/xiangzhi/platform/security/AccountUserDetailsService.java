package org.xiangzhi.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.xiangzhi.platform.SecuritySettings;
import org.xiangzhi.platform.account.Account;
import org.xiangzhi.platform.account.Accounts;

/** Loads an account for the password step and decides which steps must follow it. */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final Accounts accounts;

	private final SecuritySettings settings;

	private final Clock clock;

	AccountUserDetailsService(Accounts accounts, SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Account account = accounts.byUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return principalFor(account);
	}

	AccountPrincipal principalFor(Account account) {
		Instant now = clock.instant();
		EnumSet<PendingStep> pending = EnumSet.noneOf(PendingStep.class);
		if (account.totpEnabled()) {
			pending.add(PendingStep.SECOND_FACTOR);
		}
		else if (settings.requireAdminTotp() && account.holdsAdminRole() && !account.demo()) {
			pending.add(PendingStep.SECOND_FACTOR_ENROLMENT);
		}
		if (account.mustChangePassword(now, settings.passwordMaxAge())) {
			pending.add(PendingStep.PASSWORD_CHANGE);
		}
		boolean dormant = account.isDormant(now, settings.dormantAfter());
		return new AccountPrincipal(account.toActor(), account.passwordHash(), account.enabled() && !dormant,
				account.isLocked(now), pending);
	}

}
