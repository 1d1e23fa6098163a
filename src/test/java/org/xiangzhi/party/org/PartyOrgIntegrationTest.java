package org.xiangzhi.party.org;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The organisation section's services on the real database, in 收成镇 and 珍宝村 (the demo's
 * 橙槽村 stays untouched): the tree with its placement rules, temporary branches, members,
 * one secretary, status changes, one-time tokens, the account link and the scope.
 */
@IntegrationTest
class PartyOrgIntegrationTest {

	static final String SHOUCHENG = "620621116";

	static final String ZHENBAO = "620621116202";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartyOrgs orgs;

	@Autowired
	PartyMembers members;

	@Autowired
	PioneerPosts posts;

	@Autowired
	PartyDirectory directory;

	@Autowired
	Submissions submissions;

	@Autowired
	Places places;

	Actor townCadre;

	Actor zhenbao;

	String run;

	@BeforeEach
	void setUp() {
		townCadre = TestActors.account(jdbc, "town-cadre");
		zhenbao = TestActors.account(jdbc, "village-cadre-2");
		run = Long.toString(System.nanoTime(), 36);
		// a test village with a grid of its own, so that 珍宝村's places stay as they are
		places.addIfAbsent(SHOUCHENG + "PX1", "党建测试村", PlaceLevel.VILLAGE, SHOUCHENG);
		places.addIfAbsent(SHOUCHENG + "PX1G01", "党建测试村网格", PlaceLevel.GRID, SHOUCHENG + "PX1");
	}

	<T> T as(Actor actor, java.util.function.Supplier<T> work) {
		var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
		var auth = new org.springframework.security.authentication.TestingAuthenticationToken(new Principal(actor),
				null, "ROLE_X");
		context.setAuthentication(auth);
		org.springframework.security.core.context.SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

	record Principal(Actor actor) implements org.xiangzhi.platform.CurrentActor.ActorPrincipal {
	}

	String token(Actor actor, String purpose) {
		return as(actor, () -> submissions.issue(purpose));
	}

	long create(Actor actor, PartyOrgs.NewOrg org) {
		return as(actor, () -> orgs.create(actor, org, null));
	}

	String refusal(Runnable work) {
		try {
			work.run();
		}
		catch (InvalidInputException ex) {
			return ex.messageKeys().get(0);
		}
		return null;
	}

	@Test
	void theTreeIsBuiltUnderItsRulesAndListedWithCounts() {
		long committee = create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.TOWN_COMMITTEE, null, SHOUCHENG, "收成镇党委" + run, null, null, null));
		long branch = create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.BRANCH, committee, SHOUCHENG + "PX1", "测试村党支部" + run, null, null, null));
		long group = create(townCadre, new PartyOrgs.NewOrg(OrgKind.GRID_GROUP, branch, SHOUCHENG + "PX1G01",
				"第一网格党小组" + run, null, null, null));
		// a grid group at a grid of another village is refused
		assertThat(refusal(() -> create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.GRID_GROUP, branch, "620621110212G01", "错误党小组", null, null, null))))
			.isIn("party.org.place.unknown", "party.org.place.grid");
		assertThat(refusal(() -> create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.GRID_GROUP, committee, SHOUCHENG + "PX1G01", "错误党小组", null, null, null))))
			.isEqualTo("party.org.parent.group");
		// a village cadre cannot hang a branch under the town's committee (outside their
		// area)
		assertThat(refusal(() -> create(zhenbao,
				new PartyOrgs.NewOrg(OrgKind.BRANCH, committee, ZHENBAO, "珍宝村党支部" + run, null, null, null))))
			.isEqualTo("party.org.parent.unknown");

		List<PartyOrgs.OrgNode> tree = orgs.tree(townCadre);
		List<Long> ids = tree.stream().map(n -> n.org().id()).toList();
		assertThat(ids.indexOf(committee)).isLessThan(ids.indexOf(branch));
		assertThat(ids.indexOf(branch)).isLessThan(ids.indexOf(group));
		assertThat(orgs.tree(zhenbao).stream().map(n -> n.org().id())).doesNotContain(committee, branch, group);
		assertThatThrownBy(() -> orgs.require(TestActors.account(jdbc, "village-cadre"), branch))
			.isInstanceOf(RecordNotFoundException.class);
		// deactivating: not while an organisation below is open
		assertThat(refusal(() -> as(townCadre, () -> {
			orgs.deactivate(townCadre, branch, null);
			return null;
		}))).isEqualTo("party.org.deactivate.notEmpty");
		as(townCadre, () -> {
			orgs.deactivate(townCadre, group, null);
			orgs.deactivate(townCadre, branch, null);
			return null;
		});
		assertThat(orgs.find(branch).orElseThrow().active()).isFalse();
	}

	@Test
	void aTemporaryBranchNeedsPurposeAndDatesAndEndsAfterItsEndDate() {
		long committee = create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.TOWN_COMMITTEE, null, SHOUCHENG, "收成镇党委" + run, null, null, null));
		LocalDate today = orgs.today();
		assertThat(refusal(() -> create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.TEMPORARY_BRANCH, committee, SHOUCHENG, "卡口临时党支部", "防疫卡口", today, null))))
			.isEqualTo("party.org.term.required");
		assertThat(refusal(() -> create(townCadre,
				new PartyOrgs.NewOrg(OrgKind.TEMPORARY_BRANCH, committee, SHOUCHENG, "卡口临时党支部", null, today, today))))
			.isEqualTo("party.org.purpose.required");
		long open = create(townCadre, new PartyOrgs.NewOrg(OrgKind.TEMPORARY_BRANCH, committee, SHOUCHENG,
				"卡口临时党支部" + run, "防疫卡口", today.minusDays(10), today));
		long past = create(townCadre, new PartyOrgs.NewOrg(OrgKind.TEMPORARY_BRANCH, committee, SHOUCHENG,
				"旧卡口临时党支部" + run, "防疫卡口", today.minusDays(10), today.minusDays(1)));
		assertThat(orgs.find(open).orElseThrow().open()).isTrue();
		assertThat(orgs.find(past).orElseThrow().ended()).isTrue();
		assertThat(orgs.find(past).orElseThrow().active()).isFalse();
		// backdate the open one's end: the job closes it
		jdbc.sql("update party_org set ends_on = :d where id = :id")
			.param("d", java.sql.Date.valueOf(today.minusDays(1)))
			.param("id", open)
			.update();
		assertThat(orgs.closeEndedTemporaryBranches()).isPositive();
		assertThat(orgs.find(open).orElseThrow().active()).isFalse();
	}

	@Test
	void membersHoldOneSecretaryChangeStatusAndLinkTheirAccount() {
		var branch = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "珍宝村党支部" + run);
		List<Long> residents = PartyFixtures.residentsNotMembers(jdbc, ZHENBAO, 3);
		String token = token(zhenbao, PartyMembers.ADD_FORM);
		LocalDate joined = LocalDate.of(2015, 7, 1);
		long first = as(zhenbao,
				() -> members.add(zhenbao, branch.value(), residents.get(0), joined, MemberCategory.FULL, token));
		// the same form sent twice adds one member
		assertThat(as(zhenbao,
				() -> members.add(zhenbao, branch.value(), residents.get(0), joined, MemberCategory.FULL, token)))
			.isEqualTo(first);
		assertThat(refusal(() -> as(zhenbao,
				() -> members.add(zhenbao, branch.value(), residents.get(0), joined, MemberCategory.FULL, null))))
			.isEqualTo("party.member.resident.already");
		long second = as(zhenbao, () -> members.add(zhenbao, branch.value(), residents.get(1), joined,
				MemberCategory.PROBATIONARY, null));

		as(zhenbao, () -> members.addPosition(zhenbao, first, null, Position.SECRETARY, joined, null));
		assertThat(refusal(
				() -> as(zhenbao, () -> members.addPosition(zhenbao, second, null, Position.SECRETARY, joined, null))))
			.isEqualTo("party.position.secretary.one");
		assertThat(refusal(() -> as(zhenbao,
				() -> members.addPosition(zhenbao, second, null, Position.GROUP_LEADER, joined, null))))
			.isEqualTo("party.position.kind");

		as(zhenbao, () -> {
			members.confirmFull(zhenbao, second, joined.plusYears(1), null);
			return null;
		});
		assertThat(members.find(second).orElseThrow().category()).isEqualTo(MemberCategory.FULL);

		// the secretary transfers out: the position ends that day, a new secretary may
		// follow
		LocalDate out = orgs.today().minusDays(1);
		as(zhenbao, () -> {
			members.changeStatus(zhenbao, first, MemberStatus.TRANSFERRED_OUT, out, "转往民勤县城", null);
			return null;
		});
		PartyMembers.MemberView gone = members.find(first).orElseThrow();
		assertThat(gone.status()).isEqualTo(MemberStatus.TRANSFERRED_OUT);
		assertThat(gone.statusOn()).isEqualTo(out);
		assertThat(members.positionsOf(List.of(first), true)).isEmpty();
		assertThat(refusal(() -> as(zhenbao, () -> {
			members.changeStatus(zhenbao, first, MemberStatus.DECEASED, out, null, null);
			return null;
		}))).isEqualTo("party.member.status.transition");
		as(zhenbao, () -> members.addPosition(zhenbao, second, null, Position.SECRETARY, out, null));

		// 流动党员 with where they are
		assertThat(refusal(() -> as(zhenbao, () -> {
			members.setMobile(zhenbao, second, true, " ", null);
			return null;
		}))).isEqualTo("party.member.mobile.where");
		as(zhenbao, () -> {
			members.setMobile(zhenbao, second, true, "新疆昌吉务工", null);
			return null;
		});
		assertThat(members.find(second).orElseThrow().mobileNote()).isEqualTo("新疆昌吉务工");

		// the account link makes the directory find the member
		var village = places.find(ZHENBAO).orElseThrow();
		long account = MatrixFixtures.insertAccount(jdbc, "pm-" + run, village, Role.PARTY_MEMBER);
		as(zhenbao, () -> {
			members.linkAccount(zhenbao, second, "pm-" + run, null);
			return null;
		});
		assertThat(directory.memberOfAccount(account)).map(m -> m.id().value()).contains(second);
		Actor member = TestActors.account(jdbc, "pm-" + run);
		assertThat(members.mine(member)).map(d -> d.member().id()).contains(second);
		assertThat(members.mine(member).orElseThrow().currentPositions())
			.extracting(PartyMembers.PositionView::position)
			.containsExactly(Position.SECRETARY);

		// scope: 橙槽村's cadre sees none of it
		Actor chengcao = TestActors.account(jdbc, "village-cadre");
		assertThatThrownBy(() -> members.require(chengcao, second)).isInstanceOf(RecordNotFoundException.class);
		assertThat(members.search(chengcao, null, null, 200)).extracting(l -> l.member().id())
			.doesNotContain(first, second);
	}

	@Test
	void aResidentUnderEighteenOrOfAnotherPlaceIsNotAdded() {
		var branch = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "珍宝村党支部" + run);
		Long young = jdbc
			.sql("select r.id from resident r where r.org_path like :p and r.birth_date > :d and not exists "
					+ "(select 1 from party_member m where m.resident_id = r.id) order by r.id limit 1")
			.param("p", "%/" + ZHENBAO + "/%")
			.param("d", java.sql.Date.valueOf(orgs.today().minusYears(17)))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (young != null) {
			assertThat(refusal(() -> as(zhenbao, () -> members.add(zhenbao, branch.value(), young, orgs.today(),
					MemberCategory.PROBATIONARY, null))))
				.isEqualTo("party.member.age");
		}
		Long chengcao = jdbc.sql("select id from resident where org_path like :p order by id limit 1")
			.param("p", "%/620621110212/%")
			.query(Long.class)
			.single();
		assertThat(refusal(() -> as(zhenbao, () -> members.add(zhenbao, branch.value(), chengcao,
				LocalDate.of(2015, 7, 1), MemberCategory.FULL, null))))
			.isEqualTo("party.member.resident.unknown");
	}

	@Test
	void postsAndPlaquesStayInTheirArea() {
		var branch = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "珍宝村党支部" + run);
		long resident = PartyFixtures.residentsNotMembers(jdbc, ZHENBAO, 1).get(0);
		var member = PartyFixtures.member(jdbc, branch, resident, null);
		long post = as(zhenbao, () -> posts.create(zhenbao,
				new PioneerPosts.NewPost("村口卡口先锋岗" + run, ZHENBAO, branch.value(), "值守"), null));
		as(zhenbao, () -> {
			posts.duty(zhenbao, post, member.value(), true, null);
			return null;
		});
		assertThat(posts.require(zhenbao, post).onDuty()).extracting(PioneerPosts.OnDuty::memberId)
			.containsExactly(member.value());
		long plaque = as(zhenbao, () -> posts.award(zhenbao, member.value(), LocalDate.of(2021, 7, 1), null));
		assertThat(
				refusal(() -> as(zhenbao, () -> posts.award(zhenbao, member.value(), LocalDate.of(2022, 7, 1), null))))
			.isEqualTo("party.plaque.already");
		assertThat(posts.plaques(zhenbao)).extracting(PioneerPosts.PlaqueView::id).contains(plaque);
		Actor chengcao = TestActors.account(jdbc, "village-cadre");
		assertThat(posts.plaques(chengcao)).extracting(PioneerPosts.PlaqueView::id).doesNotContain(plaque);
		assertThatThrownBy(() -> posts.require(chengcao, post)).isInstanceOf(RecordNotFoundException.class);
	}

}
