package org.xiangzhi.platform.account;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.OutOfScopeException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantPolicyTest {

	private static final Place NATION = new Place("000000", "全国", PlaceLevel.NATION, null, OrgPath.ROOT);

	private static final Place GANSU = place("62", "甘肃省", PlaceLevel.PROVINCE, NATION);

	private static final Place WUWEI = place("6206", "武威市", PlaceLevel.CITY, GANSU);

	private static final Place MINQIN = place("620621", "民勤县", PlaceLevel.COUNTY, WUWEI);

	private static final Place SUWU = place("620621110", "苏武镇", PlaceLevel.TOWN, MINQIN);

	private static final Place CHENGCAO = place("620621110212", "橙槽村委会", PlaceLevel.VILLAGE, SUWU);

	private static final Place CHENGCAO_GRID = place("620621110212G01", "橙槽村第一网格", PlaceLevel.GRID, CHENGCAO);

	private static final Place SHOUCHENG = place("620621116", "收成镇", PlaceLevel.TOWN, MINQIN);

	private static final Place ZHENBAO = place("620621116202", "珍宝村委会", PlaceLevel.VILLAGE, SHOUCHENG);

	private static final Place JIUQUAN = place("6209", "酒泉市", PlaceLevel.CITY, GANSU);

	private static final Place SUZHOU = place("620902", "肃州区", PlaceLevel.COUNTY, JIUQUAN);

	private static final Place QINGSHUI = place("620902101", "清水镇", PlaceLevel.TOWN, SUZHOU);

	private static final Place XIYI = place("620902101209", "西一村委会", PlaceLevel.VILLAGE, QINGSHUI);

	private static Place place(String code, String name, PlaceLevel level, Place parent) {
		return new Place(code, name, level, parent.code(), parent.path().child(code));
	}

	private static Actor actor(Role role, Place place) {
		return new Actor(1, "granter", List.of(new Actor.Assignment(role, place.code(), place.path())));
	}

	private static void assertRefused(Actor granter, Role role, Place place, String key) {
		assertThatThrownBy(() -> GrantPolicy.check(granter, role, place)).isInstanceOf(OutOfScopeException.class)
			.hasMessage(key)
			.extracting(e -> ((OutOfScopeException) e).messageKey())
			.isEqualTo(key);
	}

	private static void assertGranted(Actor granter, Role role, Place place) {
		assertThatCode(() -> GrantPolicy.check(granter, role, place)).doesNotThrowAnyException();
	}

	@Test
	void aCountyAdminGrantsAVillageCadreInTheirOwnCounty() {
		Actor countyAdmin = actor(Role.COUNTY_ADMIN, MINQIN);
		assertGranted(countyAdmin, Role.VILLAGE_CADRE, CHENGCAO);
		assertGranted(countyAdmin, Role.VILLAGE_CADRE, ZHENBAO);
		assertGranted(countyAdmin, Role.TOWN_ADMIN, SUWU);
		assertGranted(countyAdmin, Role.COUNTY_ADMIN, MINQIN);
		assertGranted(countyAdmin, Role.GRID_WORKER, CHENGCAO_GRID);
	}

	@Test
	void aCountyAdminCannotGrantInAnotherCounty() {
		Actor countyAdmin = actor(Role.COUNTY_ADMIN, MINQIN);
		assertRefused(countyAdmin, Role.VILLAGE_CADRE, XIYI, "account.error.placeOutOfScope");
		assertRefused(countyAdmin, Role.COUNTY_ADMIN, SUZHOU, "account.error.placeOutOfScope");
	}

	@Test
	void aCountyAdminCannotGrantAboveTheirCounty() {
		assertRefused(actor(Role.COUNTY_ADMIN, MINQIN), Role.AUDITOR, WUWEI, "account.error.placeOutOfScope");
	}

	@Test
	void aTownAdminCannotGrantACountyRole() {
		Actor townAdmin = actor(Role.TOWN_ADMIN, SUWU);
		// at their own town the level check comes first: COUNTY_ADMIN is not held at a
		// town
		assertRefused(townAdmin, Role.COUNTY_ADMIN, SUWU, "account.error.roleLevel");
		// at the county (the right level) the county lies outside the town admin's
		// subtree
		assertRefused(townAdmin, Role.COUNTY_ADMIN, MINQIN, "account.error.placeOutOfScope");
	}

	@Test
	void aTownAdminCannotGrantARoleRankedAboveTheirOwnInsideTheirTown() {
		Actor townAdmin = actor(Role.TOWN_ADMIN, SUWU);
		assertRefused(townAdmin, Role.SYSTEM_ADMIN, SUWU, "account.error.roleTooHigh");
		assertRefused(townAdmin, Role.SYSTEM_ADMIN, CHENGCAO, "account.error.roleTooHigh");
		assertGranted(townAdmin, Role.TOWN_ADMIN, SUWU);
		assertGranted(townAdmin, Role.AUDITOR, SUWU);
		assertGranted(townAdmin, Role.MEDIATOR, CHENGCAO);
	}

	@Test
	void theLevelRuleWinsOverTheScopeAndRankRules() {
		// wrong level, outside the scope and ranked too high all at once: the level is
		// named
		assertRefused(actor(Role.VILLAGE_CADRE, CHENGCAO), Role.COUNTY_ADMIN, QINGSHUI, "account.error.roleLevel");
	}

	@Test
	void nobodyButASystemAdminGrantsSystemAdmin() {
		assertRefused(actor(Role.COUNTY_ADMIN, MINQIN), Role.SYSTEM_ADMIN, MINQIN, "account.error.roleTooHigh");
		assertRefused(actor(Role.TOWN_ADMIN, SUWU), Role.SYSTEM_ADMIN, SUWU, "account.error.roleTooHigh");
		assertRefused(actor(Role.AUDITOR, GANSU), Role.SYSTEM_ADMIN, MINQIN, "account.error.placeOutOfScope");
		assertRefused(actor(Role.COUNTY_ADMIN, MINQIN), Role.SYSTEM_ADMIN, NATION, "account.error.placeOutOfScope");
		Actor systemAdmin = actor(Role.SYSTEM_ADMIN, NATION);
		assertGranted(systemAdmin, Role.SYSTEM_ADMIN, NATION);
		assertGranted(systemAdmin, Role.SYSTEM_ADMIN, MINQIN);
	}

	@ParameterizedTest
	@EnumSource(Role.class)
	void aSystemAdminAtTheRootGrantsEveryRoleAtALevelItAllows(Role role) {
		Actor systemAdmin = actor(Role.SYSTEM_ADMIN, NATION);
		for (Place place : List.of(NATION, GANSU, WUWEI, MINQIN, SUWU, CHENGCAO, CHENGCAO_GRID)) {
			if (role.allowedAt(place.level())) {
				assertGranted(systemAdmin, role, place);
			}
			else {
				assertRefused(systemAdmin, role, place, "account.error.roleLevel");
			}
		}
	}

	@Test
	void aRoleAtALevelItDoesNotAllowIsRefused() {
		Actor countyAdmin = actor(Role.COUNTY_ADMIN, MINQIN);
		assertRefused(countyAdmin, Role.VILLAGE_CADRE, SUWU, "account.error.roleLevel");
		assertRefused(countyAdmin, Role.TOWN_ADMIN, CHENGCAO, "account.error.roleLevel");
		assertRefused(countyAdmin, Role.TOWN_CADRE, MINQIN, "account.error.roleLevel");
		assertRefused(countyAdmin, Role.PARTY_MEMBER, SUWU, "account.error.roleLevel");
		assertRefused(countyAdmin, Role.AUDITOR, CHENGCAO, "account.error.roleLevel");
	}

	@Test
	void aVillageCadreCannotGrantAnything() {
		Actor villageCadre = actor(Role.VILLAGE_CADRE, CHENGCAO);
		assertRefused(villageCadre, Role.VILLAGE_CADRE, CHENGCAO, "account.error.placeOutOfScope");
		assertRefused(villageCadre, Role.PARTY_MEMBER, CHENGCAO, "account.error.placeOutOfScope");
		assertRefused(villageCadre, Role.GRID_WORKER, CHENGCAO_GRID, "account.error.placeOutOfScope");
	}

	@ParameterizedTest
	@EnumSource(value = Role.class,
			names = { "AUDITOR", "TOWN_CADRE", "VILLAGE_CADRE", "MEDIATOR", "GRID_WORKER", "PARTY_MEMBER" })
	void noNonAdminRoleGrantsEvenTheLowestRoleUnderItself(Role held) {
		Place home = held.allowedAt(PlaceLevel.TOWN) ? SUWU : CHENGCAO;
		assertRefused(actor(held, home), Role.PARTY_MEMBER, CHENGCAO, "account.error.placeOutOfScope");
	}

	@Test
	void anActorWithTwoAdminAssignmentsGrantsInBothSubtreesEachWithItsOwnRank() {
		Actor actor = new Actor(2, "two-hats",
				List.of(new Actor.Assignment(Role.COUNTY_ADMIN, MINQIN.code(), MINQIN.path()),
						new Actor.Assignment(Role.TOWN_ADMIN, QINGSHUI.code(), QINGSHUI.path())));
		assertGranted(actor, Role.TOWN_ADMIN, SHOUCHENG);
		assertGranted(actor, Role.COUNTY_ADMIN, MINQIN);
		assertGranted(actor, Role.VILLAGE_CADRE, XIYI);
		assertGranted(actor, Role.TOWN_ADMIN, QINGSHUI);
		// the county rank does not travel to the other subtree
		assertRefused(actor, Role.COUNTY_ADMIN, SUZHOU, "account.error.placeOutOfScope");
		// a place in neither subtree
		assertRefused(actor, Role.VILLAGE_CADRE,
				place("620902102201", "别村", PlaceLevel.VILLAGE, place("620902102", "别镇", PlaceLevel.TOWN, SUZHOU)),
				"account.error.placeOutOfScope");
	}

	@Test
	void aNonAdminAssignmentNeverLendsItsScopeToAnAdminAssignmentElsewhere() {
		Actor actor = new Actor(3, "auditor-and-town-admin",
				List.of(new Actor.Assignment(Role.AUDITOR, MINQIN.code(), MINQIN.path()),
						new Actor.Assignment(Role.TOWN_ADMIN, QINGSHUI.code(), QINGSHUI.path())));
		assertRefused(actor, Role.VILLAGE_CADRE, CHENGCAO, "account.error.placeOutOfScope");
		assertGranted(actor, Role.VILLAGE_CADRE, XIYI);
	}

	@Test
	void aSiblingWhoseCodeSharesThePrefixIsOutOfScope() {
		Place lookalike = new Place("6206211", "仿冒县", PlaceLevel.COUNTY, WUWEI.code(), WUWEI.path().child("6206211"));
		assertRefused(actor(Role.COUNTY_ADMIN, MINQIN), Role.COUNTY_ADMIN, lookalike, "account.error.placeOutOfScope");
	}

}
