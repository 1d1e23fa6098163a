package org.xiangzhi.platform.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPrincipalTest {

	private static final OrgPath SUWU = OrgPath.of("/62/6206/620621/620621110/");

	private static final OrgPath CHENGCAO = SUWU.child("620621110212");

	private static final Actor ACTOR = new Actor(5, "wang",
			List.of(new Actor.Assignment(Role.TOWN_ADMIN, SUWU.leafCode(), SUWU),
					new Actor.Assignment(Role.VILLAGE_CADRE, CHENGCAO.leafCode(), CHENGCAO),
					new Actor.Assignment(Role.VILLAGE_CADRE, "620621110200", SUWU.child("620621110200"))));

	private static AccountPrincipal principal(Set<PendingStep> pending) {
		return new AccountPrincipal(ACTOR, "{noop}hash", true, false, pending);
	}

	private static List<String> authorities(AccountPrincipal principal) {
		return principal.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(String::valueOf).toList();
	}

	@Test
	void withoutPendingStepsThePrincipalHoldsEachRoleAuthorityOnce() {
		AccountPrincipal principal = principal(Set.of());
		assertThat(authorities(principal)).containsExactlyInAnyOrder("ROLE_TOWN_ADMIN", "ROLE_VILLAGE_CADRE");
		assertThat(principal.nextStep()).isNull();
		assertThat(principal.pending()).isEmpty();
	}

	@Test
	void withAPendingStepThePrincipalHoldsOnlyThePendingAuthority() {
		for (PendingStep step : PendingStep.values()) {
			assertThat(authorities(principal(Set.of(step)))).containsExactly("PENDING_SECOND_STEP");
		}
		assertThat(authorities(principal(EnumSet.allOf(PendingStep.class)))).containsExactly("PENDING_SECOND_STEP")
			.noneMatch(a -> a.startsWith("ROLE_"));
	}

	@Test
	void nextStepIsSecondFactorThenEnrolmentThenPasswordChange() {
		AccountPrincipal principal = principal(EnumSet.of(PendingStep.PASSWORD_CHANGE,
				PendingStep.SECOND_FACTOR_ENROLMENT, PendingStep.SECOND_FACTOR));
		assertThat(principal.nextStep()).isEqualTo(PendingStep.SECOND_FACTOR);
		principal = principal.complete(PendingStep.SECOND_FACTOR);
		assertThat(principal.nextStep()).isEqualTo(PendingStep.SECOND_FACTOR_ENROLMENT);
		principal = principal.complete(PendingStep.SECOND_FACTOR_ENROLMENT);
		assertThat(principal.nextStep()).isEqualTo(PendingStep.PASSWORD_CHANGE);
		principal = principal.complete(PendingStep.PASSWORD_CHANGE);
		assertThat(principal.nextStep()).isNull();
	}

	@Test
	void passwordChangeComesAfterTheSecondFactor() {
		assertThat(principal(EnumSet.of(PendingStep.PASSWORD_CHANGE, PendingStep.SECOND_FACTOR)).nextStep())
			.isEqualTo(PendingStep.SECOND_FACTOR);
		assertThat(principal(EnumSet.of(PendingStep.PASSWORD_CHANGE)).nextStep())
			.isEqualTo(PendingStep.PASSWORD_CHANGE);
	}

	@Test
	void completingOneOfTwoStepsKeepsTheRoleAuthoritiesWithheld() {
		AccountPrincipal principal = principal(EnumSet.of(PendingStep.SECOND_FACTOR, PendingStep.PASSWORD_CHANGE))
			.complete(PendingStep.SECOND_FACTOR);
		assertThat(principal.pending()).containsExactly(PendingStep.PASSWORD_CHANGE);
		assertThat(authorities(principal)).containsExactly("PENDING_SECOND_STEP");
	}

	@Test
	void completingEveryStepRestoresTheRoleAuthorities() {
		AccountPrincipal principal = principal(EnumSet.of(PendingStep.SECOND_FACTOR, PendingStep.PASSWORD_CHANGE))
			.complete(PendingStep.SECOND_FACTOR)
			.complete(PendingStep.PASSWORD_CHANGE);
		assertThat(principal.pending()).isEmpty();
		assertThat(authorities(principal)).containsExactlyInAnyOrder("ROLE_TOWN_ADMIN", "ROLE_VILLAGE_CADRE");
		assertThat(principal.actor()).isEqualTo(ACTOR);
	}

	@Test
	void completingAStepThatIsNotPendingChangesNothing() {
		AccountPrincipal principal = principal(EnumSet.of(PendingStep.PASSWORD_CHANGE))
			.complete(PendingStep.SECOND_FACTOR);
		assertThat(principal.pending()).containsExactly(PendingStep.PASSWORD_CHANGE);
	}

	@Test
	void completeLeavesTheOriginalUntouchedAndDropsThePasswordHash() {
		AccountPrincipal original = principal(EnumSet.of(PendingStep.SECOND_FACTOR));
		AccountPrincipal done = original.complete(PendingStep.SECOND_FACTOR);
		assertThat(original.pending()).containsExactly(PendingStep.SECOND_FACTOR);
		assertThat(original.getPassword()).isEqualTo("{noop}hash");
		assertThat(done.getPassword()).isNull();
		assertThat(done.getUsername()).isEqualTo("wang");
		assertThat(done.isEnabled()).isTrue();
		assertThat(done.isAccountNonLocked()).isTrue();
	}

	@Test
	void thePendingSetCannotBeChangedFromOutside() {
		EnumSet<PendingStep> given = EnumSet.of(PendingStep.SECOND_FACTOR);
		AccountPrincipal principal = principal(given);
		given.clear();
		principal.pending().clear();
		assertThat(principal.pending()).containsExactly(PendingStep.SECOND_FACTOR);
		assertThat(authorities(principal)).containsExactly("PENDING_SECOND_STEP");
	}

	@Test
	void eraseCredentialsDropsThePasswordHash() {
		AccountPrincipal principal = principal(Set.of());
		principal.eraseCredentials();
		assertThat(principal.getPassword()).isNull();
	}

	@Test
	void lockedAndDisabledFlagsAreReported() {
		AccountPrincipal principal = new AccountPrincipal(ACTOR, "h", false, true, Set.of());
		assertThat(principal.isEnabled()).isFalse();
		assertThat(principal.isAccountNonLocked()).isFalse();
		assertThat(principal.complete(PendingStep.SECOND_FACTOR).isAccountNonLocked()).isFalse();
		assertThat(principal.complete(PendingStep.SECOND_FACTOR).isEnabled()).isFalse();
	}

}
