package org.xiangzhi.party.points;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.StudyAttended;
import org.xiangzhi.party.TestPassed;
import org.xiangzhi.party.VisitLogged;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Points against the real database: automatic proposals from committed events (once per
 * source), approval changing balance and rank, the state machine and four eyes, scope,
 * rules per county, and the appraisal. Members are made in 珍宝村 by each test.
 */
@IntegrationTest
class PartyPointsIntegrationTest {

	static final String ZHENBAO = "620621116202";

	static final OrgPath ZHENBAO_PATH = OrgPath.of("/62/6206/620621/620621116/620621116202/");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Awards awards;

	@Autowired
	Appraisals appraisals;

	@Autowired
	RuleCatalog catalog;

	List<MemberId> members;

	@BeforeEach
	void members() {
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "积分测试支部");
		members = PartyFixtures.residentsNotMembers(jdbc, ZHENBAO, 2)
			.stream()
			.map(r -> PartyFixtures.member(jdbc, org, r, null))
			.toList();
	}

	long count(String sourceRef) {
		return jdbc.sql("select count(*) from party_point_award where source_ref = :s")
			.param("s", sourceRef)
			.query(Long.class)
			.single();
	}

	static long someId() {
		return ThreadLocalRandom.current().nextLong(1L << 20, 1L << 40);
	}

	@Test
	void aCommittedVisitProposesItsAwardOnceHoweverOftenItIsPublished() {
		long visit = someId();
		VisitLogged logged = new VisitLogged(visit, members.get(0), new HouseholdId(1), true, Instant.now());
		tx.executeWithoutResult(s -> events.publishEvent(logged));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("visit:" + visit) == 1);
		Award award = awards
			.list(org.xiangzhi.platform.DataScope.of(ZHENBAO_PATH),
					new Awards.Filter(AwardStatus.PROPOSED, null, members.get(0)))
			.get(0);
		assertThat(award.ruleCode()).isEqualTo(RuleDefaults.MANDATORY_VISIT);
		assertThat(award.points()).isEqualTo(2);
		assertThat(award.proposedBy()).isEqualTo(Awards.SYSTEM);

		// the same event again, then a marker event: when the marker is there, the
		// republished visit has been handled too
		long marker = someId();
		tx.executeWithoutResult(s -> {
			events.publishEvent(logged);
			events.publishEvent(new StudyAttended(marker, members.get(0), Instant.now()));
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> count("study:" + marker + ":" + members.get(0)) == 1);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> count("visit:" + visit) == 1);
		assertThat(awards.proposeAutomatically(members.get(0), RuleDefaults.VISIT, Instant.now(), "visit:" + visit))
			.isEmpty();
	}

	@Test
	void aPassedTestAndAnUncommittedVisit() {
		long session = someId();
		tx.executeWithoutResult(
				s -> events.publishEvent(new TestPassed(someId(), session, members.get(1), 90, Instant.now())));
		await().atMost(Duration.ofSeconds(10)).until(() -> count("test:" + session + ":" + members.get(1)) == 1);

		// a visit whose transaction rolls back proposes nothing
		long visit = someId();
		tx.executeWithoutResult(s -> {
			events.publishEvent(new VisitLogged(visit, members.get(1), new HouseholdId(1), false, Instant.now()));
			s.setRollbackOnly();
		});
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> count("visit:" + visit) == 0);
	}

	@Test
	void approvalCountsChangesTheRankingAndIsDecidedOnce() {
		Actor secretary = TestActors.account(jdbc, "village-cadre-2");
		Actor organiser = TestActors.account(jdbc, "town-cadre");
		MemberId member = members.get(0);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Period quarter = Period.quarterOf(today);
		int before = awards.balance(member, null);

		long id = awards.propose(secretary,
				new Awards.NewAward(member.value(), "volunteer.hour", today, 100, "防汛值守 100 小时", "/party/visits"), null)
			.id();
		assertThat(awards.balance(member, null)).as("a proposal does not count").isEqualTo(before);

		// four eyes: the secretary proposed it, the town organiser approves
		assertThatThrownBy(() -> awards.approve(secretary, id)).isInstanceOf(AwardRefusedException.class);
		Awards.Decision decision = awards.approve(organiser, id);
		assertThat(decision.replay()).isFalse();
		assertThat(decision.award().status()).isEqualTo(AwardStatus.APPROVED);
		assertThat(decision.award().decidedBy()).isEqualTo("town-cadre");
		assertThat(decision.period()).isEqualTo(quarter);
		assertThat(decision.pointsAfter()).isEqualTo(decision.pointsBefore() + 100);
		assertThat(decision.rankAfter()).isEqualTo(1);
		assertThat(decision.rankBefore()).isGreaterThanOrEqualTo(decision.rankAfter());
		assertThat(awards.balance(member, null)).isEqualTo(before + 100);
		assertThat(Standings.of(awards.standings(ZHENBAO_PATH, quarter), member).orElseThrow().rank()).isEqualTo(1);
		assertThat(Standings.of(awards.standings(ZHENBAO_PATH.parent(), quarter.wholeYear()), member)).isPresent();

		// a retried approval changes nothing; a rejection after it is refused
		Awards.Decision again = awards.approve(organiser, id);
		assertThat(again.replay()).isTrue();
		assertThat(awards.balance(member, null)).isEqualTo(before + 100);
		assertThatThrownBy(() -> awards.reject(organiser, id, "重复申报"))
			.isInstanceOf(IllegalAwardTransitionException.class);

		// a rejected proposal never counts
		long other = awards
			.propose(organiser, new Awards.NewAward(members.get(1).value(), "other", today, 1, "协助调解", null), null)
			.id();
		assertThatThrownBy(() -> awards.reject(secretary, other, " "))
			.isInstanceOf(org.xiangzhi.platform.InvalidInputException.class);
		assertThat(awards.reject(secretary, other, "证据不足").award().rejectReason()).isEqualTo("证据不足");
		assertThat(awards.balance(members.get(1), null)).isZero();
	}

	@Test
	void aBranchOutsideTheScopeSeesNothingOfTheAward() {
		Actor secretary = TestActors.account(jdbc, "village-cadre-2");
		long id = awards
			.propose(secretary,
					new Awards.NewAward(members.get(0).value(), "pioneer.duty",
							LocalDate.now(ZoneId.of("Asia/Shanghai")), 1, "先锋岗值守", null),
					null)
			.id();
		Actor chengcao = TestActors.account(jdbc, "village-cadre");
		assertThatThrownBy(() -> awards.approve(chengcao, id)).isInstanceOf(RecordNotFoundException.class);
		assertThat(awards.list(org.xiangzhi.party.PartyAccess.readScope(chengcao), Awards.Filter.all()))
			.noneMatch(a -> a.id() == id);
		assertThatThrownBy(
				() -> awards
					.propose(chengcao,
							new Awards.NewAward(members.get(0).value(), "other",
									LocalDate.now(ZoneId.of("Asia/Shanghai")), 1, "越权", null),
							null))
			.isInstanceOf(org.xiangzhi.platform.InvalidInputException.class);
	}

	@Test
	void aCountyCustomisesItsCatalogueAndSwitchingARuleOffStopsItsProposals() {
		// 清丰县 (seed 003) has its own catalogue after the first change
		String county = "410922";
		assertThat(catalog.allOfCounty(county)).isEqualTo(RuleDefaults.all());
		catalog.save(county, PointRule.checked("visit", "走访联系户", "Visit", PointKind.VISIT, 3, true));
		catalog.save(county,
				PointRule.checked("volunteer.clean", "环境整治", "Clean-up", PointKind.VOLUNTEER_HOUR, 1, true));
		catalog.save(county, PointRule.checked("study.attended", "参加学习", "Study attended", PointKind.STUDY, 2, false));
		List<PointRule> rules = catalog.allOfCounty(county);
		assertThat(rules).hasSize(RuleDefaults.all().size() + 1);
		assertThat(catalog.active(county, "visit").orElseThrow().points()).isEqualTo(3);
		assertThat(catalog.active(county, "study.attended")).isEmpty();
		assertThat(catalog.active(county, "volunteer.clean")).isPresent();
		// 民勤县 still has the defaults
		assertThat(catalog.active("620621", "study.attended")).isPresent();
	}

	@Test
	void oneAppraisalPerMemberAndYearCorrectedNotDuplicated() {
		Actor secretary = TestActors.account(jdbc, "village-cadre-2");
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		MemberId member = members.get(0);
		appraisals.record(secretary, member.value(), year - 1, AppraisalGrade.QUALIFIED,
				LocalDate.of(year, 1, 1).isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai"))) ? null
						: LocalDate.of(year, 1, 1),
				"年度评议");
		appraisals.record(secretary, member.value(), year, AppraisalGrade.QUALIFIED, null, null);
		appraisals.record(secretary, member.value(), year, AppraisalGrade.EXCELLENT, null, "更正");
		List<Appraisals.Result> history = appraisals.history(member);
		assertThat(history).extracting(Appraisals.Result::year).containsExactly(year, year - 1);
		assertThat(history.get(0).grade()).isEqualTo(AppraisalGrade.EXCELLENT);
		Appraisals.Row row = appraisals.rows(ZHENBAO_PATH, year)
			.stream()
			.filter(r -> r.member().equals(member))
			.findFirst()
			.orElseThrow();
		assertThat(row.result().grade()).isEqualTo(AppraisalGrade.EXCELLENT);
		assertThat(row.history()).hasSize(1);
		assertThat(appraisals.counts(ZHENBAO_PATH, year).of(AppraisalGrade.EXCELLENT)).isPositive();
		assertThatThrownBy(() -> appraisals.record(TestActors.account(jdbc, "village-cadre"), member.value(), year,
				AppraisalGrade.UNQUALIFIED, null, null))
			.isInstanceOf(org.xiangzhi.platform.InvalidInputException.class);
		assertThatThrownBy(
				() -> appraisals.record(secretary, member.value(), year + 1, AppraisalGrade.QUALIFIED, null, null))
			.isInstanceOf(org.xiangzhi.platform.InvalidInputException.class);
	}

}
