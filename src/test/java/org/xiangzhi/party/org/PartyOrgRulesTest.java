package org.xiangzhi.party.org;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain rules of the organisation section: placement in the tree, temporary branch
 * terms, one secretary, and the member state machine.
 */
class PartyOrgRulesTest {

	static final Place TOWN = place("620621110", PlaceLevel.TOWN, "620621", "/62/6206/620621/620621110/");

	static final Place VILLAGE = place("620621110212", PlaceLevel.VILLAGE, "620621110",
			"/62/6206/620621/620621110/620621110212/");

	static final Place GRID = place("620621110212G01", PlaceLevel.GRID, "620621110212",
			"/62/6206/620621/620621110/620621110212/620621110212G01/");

	static final Place OTHER_VILLAGE = place("620621110200", PlaceLevel.VILLAGE, "620621110",
			"/62/6206/620621/620621110/620621110200/");

	static final Place OTHER_GRID = place("620621110200G01", PlaceLevel.GRID, "620621110200",
			"/62/6206/620621/620621110/620621110200/620621110200G01/");

	static final Place OTHER_TOWN = place("620621116", PlaceLevel.TOWN, "620621", "/62/6206/620621/620621116/");

	static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	static Place place(String code, PlaceLevel level, String parent, String path) {
		return new Place(code, code, level, parent, OrgPath.of(path));
	}

	static String refusal(Runnable rule) {
		try {
			rule.run();
		}
		catch (InvalidInputException ex) {
			return ex.messageKeys().get(0);
		}
		return null;
	}

	@Test
	void aTownCommitteeSitsAtATownWithoutParent() {
		assertThatCode(() -> OrgRules.checkPlacement(OrgKind.TOWN_COMMITTEE, TOWN, null)).doesNotThrowAnyException();
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.TOWN_COMMITTEE, VILLAGE, null)))
			.isEqualTo("party.org.place.town");
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.TOWN_COMMITTEE, TOWN,
				new OrgRules.Parent(OrgKind.TOWN_COMMITTEE, TOWN, true))))
			.isEqualTo("party.org.parent.none");
	}

	@Test
	void aBranchSitsAtAVillageOfItsCommitteesTown() {
		OrgRules.Parent committee = new OrgRules.Parent(OrgKind.TOWN_COMMITTEE, TOWN, true);
		assertThatCode(() -> OrgRules.checkPlacement(OrgKind.BRANCH, VILLAGE, committee)).doesNotThrowAnyException();
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.BRANCH, VILLAGE,
				new OrgRules.Parent(OrgKind.TOWN_COMMITTEE, OTHER_TOWN, true))))
			.isEqualTo("party.org.parent.branch");
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.BRANCH, GRID, committee)))
			.isEqualTo("party.org.place.village");
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.BRANCH, VILLAGE, null)))
			.isEqualTo("party.org.parent.required");
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.BRANCH, VILLAGE,
				new OrgRules.Parent(OrgKind.TOWN_COMMITTEE, TOWN, false))))
			.isEqualTo("party.org.parent.inactive");
		// a branch under the general branch of its own village
		assertThatCode(() -> OrgRules.checkPlacement(OrgKind.BRANCH, VILLAGE,
				new OrgRules.Parent(OrgKind.GENERAL_BRANCH, VILLAGE, true)))
			.doesNotThrowAnyException();
	}

	@Test
	void aGridGroupSitsAtAGridOfItsBranchesVillage() {
		OrgRules.Parent branch = new OrgRules.Parent(OrgKind.BRANCH, VILLAGE, true);
		assertThatCode(() -> OrgRules.checkPlacement(OrgKind.GRID_GROUP, GRID, branch)).doesNotThrowAnyException();
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.GRID_GROUP, OTHER_GRID, branch)))
			.isEqualTo("party.org.place.grid");
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.GRID_GROUP, VILLAGE, branch)))
			.isEqualTo("party.org.place.grid");
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.GRID_GROUP, GRID,
				new OrgRules.Parent(OrgKind.TOWN_COMMITTEE, TOWN, true))))
			.isEqualTo("party.org.parent.group");
	}

	@Test
	void aTemporaryBranchSitsInsideItsParentsAreaAndNeedsPurposeAndDates() {
		OrgRules.Parent committee = new OrgRules.Parent(OrgKind.TOWN_COMMITTEE, TOWN, true);
		assertThatCode(() -> OrgRules.checkPlacement(OrgKind.TEMPORARY_BRANCH, TOWN, committee))
			.doesNotThrowAnyException();
		assertThat(refusal(() -> OrgRules.checkPlacement(OrgKind.TEMPORARY_BRANCH, OTHER_TOWN, committee)))
			.isEqualTo("party.org.place.underParent");
		assertThat(refusal(() -> OrgRules.checkTerm(OrgKind.TEMPORARY_BRANCH, " ", TODAY, TODAY)))
			.isEqualTo("party.org.purpose.required");
		assertThat(refusal(() -> OrgRules.checkTerm(OrgKind.TEMPORARY_BRANCH, "卡口", TODAY, null)))
			.isEqualTo("party.org.term.required");
		assertThat(refusal(() -> OrgRules.checkTerm(OrgKind.TEMPORARY_BRANCH, "卡口", TODAY, TODAY.minusDays(1))))
			.isEqualTo("party.org.term.order");
		assertThat(refusal(() -> OrgRules.checkTerm(OrgKind.BRANCH, null, TODAY, TODAY)))
			.isEqualTo("party.org.term.onlyTemporary");
		assertThatCode(() -> OrgRules.checkTerm(OrgKind.TEMPORARY_BRANCH, "卡口", TODAY, TODAY))
			.doesNotThrowAnyException();
	}

	@Test
	void aTemporaryBranchEndsAfterItsLastDay() {
		assertThat(OrgRules.ended(OrgKind.TEMPORARY_BRANCH, TODAY, TODAY)).isFalse();
		assertThat(OrgRules.ended(OrgKind.TEMPORARY_BRANCH, TODAY.minusDays(1), TODAY)).isTrue();
		assertThat(OrgRules.ended(OrgKind.BRANCH, TODAY.minusDays(1), TODAY)).isFalse();
	}

	@Test
	void anOrganisationHasAtMostOneCurrentSecretary() {
		List<PositionRules.Held> current = List
			.of(new PositionRules.Held(1, 10, 5, Position.SECRETARY, TODAY.minusYears(1), null));
		assertThat(refusal(
				() -> PositionRules.checkNew(11, Position.SECRETARY, OrgKind.BRANCH, true, TODAY, TODAY, current)))
			.isEqualTo("party.position.secretary.one");
		assertThatCode(() -> PositionRules.checkNew(11, Position.COMMITTEE_MEMBER, OrgKind.BRANCH, true, TODAY, TODAY,
				current))
			.doesNotThrowAnyException();
		// an ended secretary does not count
		List<PositionRules.Held> ended = List
			.of(new PositionRules.Held(1, 10, 5, Position.SECRETARY, TODAY.minusYears(1), TODAY.minusDays(1)));
		assertThatCode(() -> PositionRules.checkNew(11, Position.SECRETARY, OrgKind.BRANCH, true, TODAY, TODAY, ended))
			.doesNotThrowAnyException();
		assertThat(refusal(
				() -> PositionRules.checkNew(10, Position.SECRETARY, OrgKind.BRANCH, true, TODAY, TODAY, current)))
			.isEqualTo("party.position.held");
	}

	@Test
	void groupLeadersLeadGridGroupsAndPositionsStayInTheMembersLine() {
		assertThat(refusal(
				() -> PositionRules.checkNew(1, Position.GROUP_LEADER, OrgKind.BRANCH, true, TODAY, TODAY, List.of())))
			.isEqualTo("party.position.kind");
		assertThat(refusal(
				() -> PositionRules.checkNew(1, Position.SECRETARY, OrgKind.GRID_GROUP, true, TODAY, TODAY, List.of())))
			.isEqualTo("party.position.kind");
		assertThat(refusal(
				() -> PositionRules.checkNew(1, Position.SECRETARY, OrgKind.BRANCH, false, TODAY, TODAY, List.of())))
			.isEqualTo("party.position.org.line");
		assertThat(refusal(() -> PositionRules.checkNew(1, Position.SECRETARY, OrgKind.BRANCH, true, TODAY.plusDays(1),
				TODAY, List.of())))
			.isEqualTo("party.position.since.future");
		PositionRules.Held held = new PositionRules.Held(1, 1, 1, Position.SECRETARY, TODAY.minusDays(10), null);
		assertThat(refusal(() -> PositionRules.checkEnd(held, TODAY.minusDays(11))))
			.isEqualTo("party.position.until.invalid");
		assertThatCode(() -> PositionRules.checkEnd(held, TODAY)).doesNotThrowAnyException();
	}

	@Test
	void onlyAnActiveMemberIsTransferredOrDiesAndNothingComesBack() {
		assertThat(MemberLifecycle.canMove(MemberStatus.ACTIVE, MemberStatus.TRANSFERRED_OUT)).isTrue();
		assertThat(MemberLifecycle.canMove(MemberStatus.ACTIVE, MemberStatus.DECEASED)).isTrue();
		assertThat(MemberLifecycle.canMove(MemberStatus.ACTIVE, MemberStatus.ACTIVE)).isFalse();
		assertThat(MemberLifecycle.canMove(MemberStatus.TRANSFERRED_OUT, MemberStatus.ACTIVE)).isFalse();
		assertThat(MemberLifecycle.canMove(MemberStatus.DECEASED, MemberStatus.TRANSFERRED_OUT)).isFalse();
		LocalDate joined = LocalDate.of(2000, 7, 1);
		assertThat(refusal(() -> MemberLifecycle.checkStatusChange(MemberStatus.ACTIVE, MemberStatus.DECEASED,
				joined.minusDays(1), joined, TODAY)))
			.isEqualTo("party.member.date.range");
		assertThat(refusal(() -> MemberLifecycle.checkStatusChange(MemberStatus.ACTIVE, MemberStatus.DECEASED,
				TODAY.plusDays(1), joined, TODAY)))
			.isEqualTo("party.member.date.range");
	}

	@Test
	void onlyAnActiveProbationaryMemberIsConfirmed() {
		LocalDate joined = TODAY.minusYears(1);
		assertThatCode(() -> MemberLifecycle.checkConfirmFull(MemberStatus.ACTIVE, MemberCategory.PROBATIONARY, TODAY,
				joined, TODAY))
			.doesNotThrowAnyException();
		assertThat(refusal(
				() -> MemberLifecycle.checkConfirmFull(MemberStatus.ACTIVE, MemberCategory.FULL, TODAY, joined, TODAY)))
			.isEqualTo("party.member.full.notProbationary");
		assertThat(refusal(() -> MemberLifecycle.checkConfirmFull(MemberStatus.DECEASED, MemberCategory.PROBATIONARY,
				TODAY, joined, TODAY)))
			.isEqualTo("party.member.full.notProbationary");
	}

	@Test
	void aMemberJoinsAtEighteenOrOlderAndNotInTheFuture() {
		assertThat(refusal(() -> MemberLifecycle.checkJoin(TODAY, TODAY.minusYears(17), TODAY)))
			.isEqualTo("party.member.age");
		assertThat(refusal(() -> MemberLifecycle.checkJoin(TODAY.plusDays(1), TODAY.minusYears(30), TODAY)))
			.isEqualTo("party.member.joinedOn.future");
		assertThatCode(() -> MemberLifecycle.checkJoin(TODAY, TODAY.minusYears(18), TODAY)).doesNotThrowAnyException();
	}

	@Test
	void theTreeListsParentsBeforeChildrenAndRollsCountsUp() {
		PartyOrgs.OrgView town = view(1, null, OrgKind.TOWN_COMMITTEE, "镇党委");
		PartyOrgs.OrgView branch = view(2, 1L, OrgKind.BRANCH, "村党支部");
		PartyOrgs.OrgView group = view(3, 2L, OrgKind.GRID_GROUP, "第一网格党小组");
		PartyOrgs.OrgView orphan = view(4, 99L, OrgKind.BRANCH, "别村党支部");
		var nodes = PartyOrgs.arrange(List.of(group, orphan, branch, town),
				java.util.Map.of(2L, new long[] { 1, 0 }, 3L, new long[] { 5, 2 }));
		assertThat(nodes).extracting(n -> n.org().id()).containsExactly(1L, 2L, 3L, 4L);
		assertThat(nodes).extracting(PartyOrgs.OrgNode::depth).containsExactly(0, 1, 2, 0);
		assertThat(nodes.get(0).members()).isEqualTo(6);
		assertThat(nodes.get(0).women()).isEqualTo(2);
		assertThat(nodes.get(1).directMembers()).isEqualTo(1);
	}

	static PartyOrgs.OrgView view(long id, Long parent, OrgKind kind, String name) {
		return new PartyOrgs.OrgView(id, parent, kind, name, "x", "x", OrgPath.ROOT, null, null, null, true, false, 0);
	}

	@Test
	void aBadKindIsRefusedBeforeAnythingElse() {
		assertThatThrownBy(() -> OrgRules.checkPlacement(null, TOWN, null)).isInstanceOf(InvalidInputException.class);
	}

}
