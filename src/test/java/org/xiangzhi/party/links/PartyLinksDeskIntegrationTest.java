package org.xiangzhi.party.links;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.party.HouseholdLinks;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The links desk on a real database (H2, and PostgreSQL in CI's second pass), on a
 * village of its own ({@link LinksFixture}).
 */
@IntegrationTest
class PartyLinksDeskIntegrationTest {

	@Autowired
	LinkDesk desk;

	@Autowired
	HouseholdLinks links;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	LinksFixture f;

	Actor secretary;

	@BeforeEach
	void village() {
		f = new LinksFixture(jdbc, places);
		secretary = f.account("links-sec", Role.VILLAGE_CADRE);
	}

	Map<Long, LinkReason> reasons(LinkDesk.Suggestion s) {
		return s.proposals().stream().collect(Collectors.toMap(p -> p.household().id(), LinkDesk.ProposalView::reason));
	}

	@Test
	void theSuggestionFollowsKinNearFamiliarAndIsSavedOncePerToken() {
		LinkDesk.Suggestion s = desk.suggest(secretary, f.village.code());
		assertThat(reasons(s)).containsEntry(f.h(1), LinkReason.OWN)
			.containsEntry(f.h(2), LinkReason.KIN)
			.containsEntry(f.h(3), LinkReason.FAMILIAR)
			.containsEntry(f.h(4), LinkReason.OWN)
			.containsEntry(f.h(5), LinkReason.FAMILIAR)
			.containsEntry(f.h(6), LinkReason.FAMILIAR);
		List<LinkDesk.Accepted> accepted = s.proposals()
			.stream()
			.map(p -> new LinkDesk.Accepted(p.household().id(), p.member().id(), p.reason()))
			.toList();
		String token = desk.issueToken();
		LinkDesk.SaveResult first = desk.save(secretary, f.village.code(), accepted, token);
		LinkDesk.SaveResult again = desk.save(secretary, f.village.code(), accepted, token);
		assertThat(first).isEqualTo(new LinkDesk.SaveResult(6, 0, false));
		assertThat(again).isEqualTo(new LinkDesk.SaveResult(6, 0, true));
		assertThat(f.linkCount()).isEqualTo(6);
		assertThat(links.linkedMember(new HouseholdId(f.h(2)))).contains(f.a);
		assertThat(links.linkedHouseholds(f.b)).extracting(HouseholdId::value).containsExactly(f.h(4), f.h(5), f.h(6));
		// the same token for other proposals is refused
		assertThatThrownBy(() -> desk.save(secretary, f.village.code(), accepted.subList(0, 1), token))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("submission.conflict");
		// a fresh token after everything is linked saves nothing more
		assertThat(desk.save(secretary, f.village.code(), accepted, desk.issueToken()).saved()).isZero();
		assertThat(desk.suggest(secretary, f.village.code()).proposals()).isEmpty();
	}

	@Test
	void coverageCountsTheGapTheOverloadedAndTheIdle() {
		LinkDesk.Coverage before = desk.coverage(secretary, f.village.code());
		assertThat(before.households()).isEqualTo(6);
		assertThat(before.uncoveredCount()).isEqualTo(6);
		assertThat(before.withoutHousehold()).extracting(LinkStore.MemberRow::id)
			.containsExactlyInAnyOrder(f.a.value(), f.b.value());
		desk.save(secretary, f.village.code(), null, desk.issueToken());
		desk.setMaxLoad(secretary, f.village.code(), LinkDesk.LimitLevel.VILLAGE, 2);
		MemberId c = f.addMember("吴八");
		LinkDesk.Coverage after = desk.coverage(secretary, f.village.code());
		assertThat(after.covered()).isEqualTo(6);
		assertThat(after.uncoveredCount()).isZero();
		assertThat(after.maxLoad()).isEqualTo(2);
		assertThat(after.overloaded()).extracting(m -> m.member().id())
			.containsExactlyInAnyOrder(f.a.value(), f.b.value());
		assertThat(after.withoutHousehold()).extracting(LinkStore.MemberRow::id).containsExactly(c.value());
	}

	@Test
	void aChangeByHandEndsTheOldLinkAndKeepsTheHistory() {
		desk.save(secretary, f.village.code(), null, desk.issueToken());
		assertThat(desk.change(secretary, f.h(3), f.b.value())).isTrue();
		assertThat(desk.change(secretary, f.h(3), f.b.value())).isFalse();
		List<LinkStore.LinkRow> history = desk.householdHistory(secretary, f.h(3)).links();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).memberId()).isEqualTo(f.b.value());
		assertThat(history.get(0).source()).isEqualTo(LinkSource.MANUAL);
		assertThat(history.get(0).current()).isTrue();
		assertThat(history.get(1).memberId()).isEqualTo(f.a.value());
		assertThat(history.get(1).current()).isFalse();
		assertThat(history.get(1).endedBy()).isEqualTo(secretary.username());
		assertThat(desk.memberHistory(secretary, f.a.value()).links()).hasSize(3);
		assertThat(desk.memberHistory(secretary, f.a.value()).currentCount()).isEqualTo(2);
		assertThat(links.linkedMember(new HouseholdId(f.h(3)))).contains(f.b);
		// a member of another village cannot be linked
		assertThatThrownBy(() -> desk.change(secretary, f.h(3), 987654321L)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void choicesFromEitherSideAreHonouredFirstUnlessTheMemberLeft() {
		// h2 (kin of A) asked for B; B asked for h3
		desk.recordChoice(secretary, f.h(2), f.b.value(), ChoiceSide.HOUSEHOLD, "老邻居");
		desk.recordChoice(secretary, f.h(3), f.b.value(), ChoiceSide.MEMBER, null);
		Map<Long, LinkReason> r = reasons(desk.suggest(secretary, f.village.code()));
		assertThat(r).containsEntry(f.h(2), LinkReason.HOUSEHOLD_CHOICE)
			.containsEntry(f.h(3), LinkReason.MEMBER_CHOICE);
		desk.save(secretary, f.village.code(), null, desk.issueToken());
		assertThat(jdbc.sql("select source from party_household_link where household_id = :h")
			.param("h", f.h(2))
			.query(String.class)
			.single()).isEqualTo("HOUSEHOLD_CHOICE");
		assertThat(desk.coverage(secretary, f.village.code()).unmetChoices()).isEmpty();

		// a new household asks for B; then B leaves: B's households become uncovered and
		// go to A on the next save, the choice of B is not honoured
		long h7 = f.addHousehold("h7", "冯九");
		desk.recordChoice(secretary, h7, f.b.value(), ChoiceSide.HOUSEHOLD, null);
		jdbc.sql("update party_member set status = 'TRANSFERRED_OUT' where id = :m").param("m", f.b.value()).update();
		LinkDesk.Coverage gap = desk.coverage(secretary, f.village.code());
		assertThat(gap.uncoveredCount()).isEqualTo(6);
		assertThatThrownBy(() -> desk.recordChoice(secretary, f.h(5), f.b.value(), ChoiceSide.HOUSEHOLD, null))
			.isInstanceOf(InvalidInputException.class);
		LinkDesk.Suggestion s = desk.suggest(secretary, f.village.code());
		assertThat(s.proposals()).hasSize(6).allMatch(p -> p.member().id() == f.a.value());
		assertThat(desk.save(secretary, f.village.code(), null, desk.issueToken()).saved()).isEqualTo(6);
		assertThat(desk.coverage(secretary, f.village.code()).uncoveredCount()).isZero();
		assertThat(desk.householdHistory(secretary, f.h(4)).links()).hasSize(2);
	}

	@Test
	void aVillageOutOfScopeIsNotFound() {
		Actor zhenbao = TestActors.account(jdbc, "village-cadre-2");
		assertThatThrownBy(() -> desk.village(zhenbao, f.village.code())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> desk.village(zhenbao, "620621110212")).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> desk.householdHistory(zhenbao, f.h(1))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> desk.memberHistory(zhenbao, f.a.value())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> desk.save(zhenbao, f.village.code(), null, desk.issueToken()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThat(f.linkCount()).isZero();
		// the town organiser of the village's town sees it
		Actor town = TestActors.actor("links-town", Role.TOWN_CADRE, f.village.path().parent());
		assertThat(desk.village(town, f.village.code()).coverage().households()).isEqualTo(6);
	}

	@Test
	void aLimitForTheCountyAppliesWhereTheVillageHasNone() {
		Actor county = TestActors.account(jdbc, "county-admin");
		assertThatThrownBy(() -> desk.setMaxLoad(secretary, f.village.code(), LinkDesk.LimitLevel.COUNTY, 3))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> desk.setMaxLoad(secretary, f.village.code(), LinkDesk.LimitLevel.VILLAGE, 0))
			.isInstanceOf(InvalidInputException.class);
		int before = desk.coverage(secretary, f.village.code()).maxLoad();
		desk.setMaxLoad(secretary, f.village.code(), LinkDesk.LimitLevel.VILLAGE, 4);
		assertThat(desk.coverage(secretary, f.village.code()).maxLoad()).isEqualTo(4);
		// a county setting does not override the village's own
		jdbc.sql("delete from party_link_setting where place_code = '620621'").update();
		desk.setMaxLoad(county, f.village.code(), LinkDesk.LimitLevel.COUNTY, 7);
		try {
			assertThat(desk.coverage(secretary, f.village.code()).maxLoad()).isEqualTo(4);
			jdbc.sql("delete from party_link_setting where place_code = :v").param("v", f.village.code()).update();
			assertThat(desk.coverage(secretary, f.village.code()).maxLoad()).isEqualTo(7);
		}
		finally {
			jdbc.sql("delete from party_link_setting where place_code = '620621'").update();
		}
		assertThat(desk.coverage(secretary, f.village.code()).maxLoad()).isEqualTo(before);
	}

}
