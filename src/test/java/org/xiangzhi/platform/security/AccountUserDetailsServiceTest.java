package org.xiangzhi.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.SecuritySettings;
import org.xiangzhi.platform.account.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps and flags {@code principalFor} derives from an account; no database. */
class AccountUserDetailsServiceTest {

	private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

	private static final OrgPath SUWU = OrgPath.of("/62/6206/620621/620621110/");

	private static final OrgPath CHENGCAO = SUWU.child("620621110212");

	private static SecuritySettings settings(boolean requireAdminTotp) {
		return new SecuritySettings(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(10), requireAdminTotp,
				Duration.ofDays(180), Duration.ofDays(90));
	}

	private static AccountPrincipal principal(TestAccounts account, boolean requireAdminTotp) {
		var service = new AccountUserDetailsService(null, settings(requireAdminTotp), Clock.fixed(NOW, ZoneOffset.UTC));
		return service.principalFor(account.build());
	}

	private static TestAccounts admin() {
		return TestAccounts.account(1, "town-admin", Role.TOWN_ADMIN, SUWU, NOW.minus(Duration.ofDays(1)));
	}

	private static TestAccounts cadre() {
		return TestAccounts.account(2, "village-cadre", Role.VILLAGE_CADRE, CHENGCAO, NOW.minus(Duration.ofDays(1)));
	}

	@Test
	void anAccountWithNothingPendingGetsItsRoleAuthorities() {
		AccountPrincipal principal = principal(cadre(), true);
		assertThat(principal.pending()).isEmpty();
		assertThat(principal.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_VILLAGE_CADRE");
		assertThat(principal.isEnabled()).isTrue();
		assertThat(principal.isAccountNonLocked()).isTrue();
		assertThat(principal.actor().accountId()).isEqualTo(2);
	}

	@Test
	void anEnrolledAuthenticatorAsksForTheSecondFactorNotForEnrolment() {
		assertThat(principal(admin().totpEnabled(), true).pending()).containsExactly(PendingStep.SECOND_FACTOR);
		assertThat(principal(cadre().totpEnabled(), false).pending()).containsExactly(PendingStep.SECOND_FACTOR);
	}

	@Test
	void anAdminWithoutAnAuthenticatorMustEnrolWhenRequired() {
		AccountPrincipal principal = principal(admin(), true);
		assertThat(principal.pending()).containsExactly(PendingStep.SECOND_FACTOR_ENROLMENT);
		assertThat(principal.getAuthorities()).extracting(a -> a.getAuthority())
			.containsExactly(AccountPrincipal.PENDING_AUTHORITY);
	}

	@Test
	void enrolmentIsNotAskedWhenNotRequiredOfANonAdminOrOfADemoAdmin() {
		assertThat(principal(admin(), false).pending()).isEmpty();
		assertThat(principal(cadre(), true).pending()).isEmpty();
		assertThat(principal(admin().demo(), true).pending()).isEmpty();
	}

	@Test
	void aFlaggedPasswordMustBeChanged() {
		assertThat(principal(cadre().mustChangePassword(), false).pending())
			.containsExactly(PendingStep.PASSWORD_CHANGE);
		assertThat(principal(cadre().demo().mustChangePassword(), false).pending())
			.containsExactly(PendingStep.PASSWORD_CHANGE);
	}

	@Test
	void aPasswordOlderThanTheMaximumAgeMustBeChangedExceptByDemoAccounts() {
		Instant old = NOW.minus(Duration.ofDays(181));
		assertThat(principal(cadre().passwordChangedAt(old), false).pending())
			.containsExactly(PendingStep.PASSWORD_CHANGE);
		assertThat(principal(cadre().passwordChangedAt(NOW.minus(Duration.ofDays(179))), false).pending()).isEmpty();
		assertThat(principal(cadre().demo().passwordChangedAt(old), false).pending()).isEmpty();
	}

	@Test
	void allStepsArePendingTogetherInOrder() {
		AccountPrincipal principal = principal(admin().mustChangePassword().totpEnabled(), true);
		assertThat(principal.pending()).containsExactly(PendingStep.SECOND_FACTOR, PendingStep.PASSWORD_CHANGE);
		assertThat(principal.nextStep()).isEqualTo(PendingStep.SECOND_FACTOR);
		AccountPrincipal enrol = principal(admin().mustChangePassword(), true);
		assertThat(enrol.pending()).containsExactly(PendingStep.SECOND_FACTOR_ENROLMENT, PendingStep.PASSWORD_CHANGE);
	}

	@Test
	void aDormantAccountIsDisabledExceptADemoAccount() {
		Instant longAgo = NOW.minus(Duration.ofDays(91));
		assertThat(principal(oldCadre().lastLoginAt(longAgo), false).isEnabled()).isFalse();
		assertThat(principal(oldCadre().lastLoginAt(NOW.minus(Duration.ofDays(89))), false).isEnabled()).isTrue();
		assertThat(principal(oldCadre().demo().lastLoginAt(longAgo), false).isEnabled()).isTrue();
	}

	@Test
	void anAdministratorsReactivationRestartsTheDormancyClock() {
		Instant longAgo = NOW.minus(Duration.ofDays(91));
		assertThat(principal(oldCadre().lastLoginAt(longAgo).reactivatedAt(NOW.minus(Duration.ofDays(1))), false)
			.isEnabled()).isTrue();
		assertThat(principal(oldCadre().lastLoginAt(longAgo).reactivatedAt(NOW.minus(Duration.ofDays(95))), false)
			.isEnabled()).isFalse();
	}

	/** A cadre whose account was created a year ago. */
	private static TestAccounts oldCadre() {
		return TestAccounts.account(2, "village-cadre", Role.VILLAGE_CADRE, CHENGCAO, NOW.minus(Duration.ofDays(365)));
	}

	@Test
	void anAccountNeverSignedInIsDormantCountedFromItsCreation() {
		TestAccounts neverUsed = TestAccounts.account(3, "new", Role.PARTY_MEMBER, CHENGCAO,
				NOW.minus(Duration.ofDays(91)));
		neverUsed.passwordChangedAt(NOW);
		assertThat(principal(neverUsed, false).isEnabled()).isFalse();
	}

	@Test
	void aDisabledAccountStaysDisabled() {
		assertThat(principal(cadre().disabled(), false).isEnabled()).isFalse();
	}

	@Test
	void aLockIsReportedUntilItEnds() {
		assertThat(principal(cadre().lockedUntil(NOW.plusSeconds(60)), false).isAccountNonLocked()).isFalse();
		assertThat(principal(cadre().lockedUntil(NOW.minusSeconds(1)), false).isAccountNonLocked()).isTrue();
		assertThat(principal(cadre().lockedUntil(NOW), false).isAccountNonLocked()).isTrue();
	}

}
