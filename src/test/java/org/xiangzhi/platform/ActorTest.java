package org.xiangzhi.platform;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActorTest {

	private static final OrgPath MINQIN = OrgPath.of("/62/6206/620621/");

	private static final OrgPath SUWU = MINQIN.child("620621110");

	private static final OrgPath CHENGCAO = SUWU.child("620621110212");

	private static final OrgPath SHOUCHENG = MINQIN.child("620621116");

	private static final OrgPath QINGSHUI = OrgPath.of("/62/6209/620902/620902101/");

	/**
	 * A town admin in 苏武镇 who is also village cadre in 橙槽村, mediator in 收成镇 and in 清水镇.
	 */
	private static final Actor MANY_HATS = new Actor(7, "wang",
			List.of(assignment(Role.TOWN_ADMIN, SUWU), assignment(Role.VILLAGE_CADRE, CHENGCAO),
					assignment(Role.MEDIATOR, SHOUCHENG), assignment(Role.MEDIATOR, QINGSHUI)));

	private static Actor.Assignment assignment(Role role, OrgPath path) {
		return new Actor.Assignment(role, path.leafCode(), path);
	}

	@Test
	void scopeForOneRoleHoldsOnlyThatRolesNodes() {
		assertThat(MANY_HATS.scopeFor(Set.of(Role.MEDIATOR)).roots()).containsExactlyInAnyOrder(SHOUCHENG, QINGSHUI);
		assertThat(MANY_HATS.scopeFor(Set.of(Role.VILLAGE_CADRE)).roots()).containsExactly(CHENGCAO);
	}

	@Test
	void scopeForSeveralRolesJoinsTheirNodesAndCollapsesNestedOnes() {
		DataScope scope = MANY_HATS.scopeFor(EnumSet.of(Role.TOWN_ADMIN, Role.VILLAGE_CADRE));
		assertThat(scope.roots()).containsExactly(SUWU);
		assertThat(scope.contains(CHENGCAO)).isTrue();
		assertThat(scope.contains(SHOUCHENG)).isFalse();
	}

	@Test
	void scopeForARoleNotHeldIsEmpty() {
		assertThat(MANY_HATS.scopeFor(Set.of(Role.COUNTY_ADMIN)).isEmpty()).isTrue();
		assertThat(MANY_HATS.scopeFor(Set.of()).isEmpty()).isTrue();
	}

	@Test
	void scopeWhereFiltersByAnyRuleOnTheRole() {
		DataScope adminScope = MANY_HATS.scopeWhere(Role::isAdmin);
		assertThat(adminScope.roots()).containsExactly(SUWU);
		DataScope lowRanks = MANY_HATS.scopeWhere(role -> role.rank() < Role.VILLAGE_CADRE.rank());
		assertThat(lowRanks.roots()).containsExactlyInAnyOrder(SHOUCHENG, QINGSHUI);
		assertThat(MANY_HATS.scopeWhere(role -> false).isEmpty()).isTrue();
	}

	@Test
	void scopeJoinsEveryAssignment() {
		assertThat(MANY_HATS.scope().roots()).containsExactlyInAnyOrder(SUWU, SHOUCHENG, QINGSHUI);
		assertThat(MANY_HATS.scope().contains(MINQIN)).isFalse();
	}

	@Test
	void describeScopeListsEveryAssignmentAsRoleAtPathInOrder() {
		assertThat(MANY_HATS.describeScope()).isEqualTo(
				"TOWN_ADMIN@/62/6206/620621/620621110/," + "VILLAGE_CADRE@/62/6206/620621/620621110/620621110212/,"
						+ "MEDIATOR@/62/6206/620621/620621116/," + "MEDIATOR@/62/6209/620902/620902101/");
	}

	@Test
	void anActorWithoutAssignmentsHasAnEmptyScopeAndDescription() {
		Actor nobody = new Actor(8, "nobody", List.of());
		assertThat(nobody.scope().isEmpty()).isTrue();
		assertThat(nobody.describeScope()).isEmpty();
		assertThat(nobody.has(Role.PARTY_MEMBER)).isFalse();
	}

	@Test
	void hasAndHasAnyLookAtEveryAssignment() {
		assertThat(MANY_HATS.has(Role.MEDIATOR)).isTrue();
		assertThat(MANY_HATS.has(Role.COUNTY_ADMIN)).isFalse();
		assertThat(MANY_HATS.hasAny(Set.of(Role.COUNTY_ADMIN, Role.VILLAGE_CADRE))).isTrue();
		assertThat(MANY_HATS.hasAny(Set.of(Role.COUNTY_ADMIN, Role.SYSTEM_ADMIN))).isFalse();
	}

	@Test
	void theAssignmentsCannotBeChangedThroughTheListTheActorWasBuiltFrom() {
		List<Actor.Assignment> assignments = new ArrayList<>(List.of(assignment(Role.PARTY_MEMBER, CHENGCAO)));
		Actor actor = new Actor(9, "li", assignments);
		assignments.add(assignment(Role.SYSTEM_ADMIN, OrgPath.ROOT));
		assertThat(actor.has(Role.SYSTEM_ADMIN)).isFalse();
		assertThat(actor.assignments()).isUnmodifiable();
	}

}
