package org.xiangzhi.party.points;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.VisitLogged;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.platform.WebSessions;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The points part of the issue's journey over HTTP: a member logs a mandatory visit, the
 * points are proposed, 珍宝村's secretary approves them on the points screen, the ranking
 * changes, and the member sees them on their phone page. Scope: 珍宝村's secretary sees
 * nothing of an award of 橙槽村, a member sees only their own.
 */
@IntegrationTest
class PartyPointsJourneyIntegrationTest {

	static final String ZHENBAO = "620621116202";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Test
	void theSecretaryApprovesTheRankingChangesAndTheMemberSeesIt() throws Exception {
		String run = Long.toString(System.nanoTime(), 36);
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "积分旅程支部");
		List<Long> residents = PartyFixtures.residentsNotMembers(jdbc, ZHENBAO, 2);
		long account = MatrixFixtures.insertAccount(jdbc, "pp-member-" + run, places.find(ZHENBAO).orElseThrow(),
				Role.PARTY_MEMBER);
		MemberId me = PartyFixtures.member(jdbc, org, residents.get(0), account);
		MemberId other = PartyFixtures.member(jdbc, org, residents.get(1), null);
		Actor memberActor = TestActors.account(jdbc, "pp-member-" + run);

		// the member logged a mandatory visit: points are proposed after the commit
		long visit = ThreadLocalRandom.current().nextLong(1L << 20, 1L << 40);
		tx.executeWithoutResult(
				s -> events.publishEvent(new VisitLogged(visit, me, new HouseholdId(1), true, Instant.now())));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from party_point_award where source_ref = :s")
				.param("s", "visit:" + visit)
				.query(Long.class)
				.single() == 1);
		long award = jdbc.sql("select id from party_point_award where source_ref = :s")
			.param("s", "visit:" + visit)
			.query(Long.class)
			.single();

		// the member sees it waiting
		String mine = mvc.perform(get("/party/me/points").with(TestActors.as(memberActor)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains("完成必访").contains("data-status=\"PROPOSED\"").contains("id=\"my-total\">0<");

		// the secretary of 珍宝村 signs in and finds it in the queue
		Cookie secretary = WebSessions.login(mvc, "village-cadre-2", "Xiangzhi@2026");
		String page = mvc.perform(get("/party/points").param("unit", ZHENBAO).cookie(secretary))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"award-" + award + "\"").contains("走访记录 #" + visit);
		int rankBefore = rank(page, me);

		// and approves it; a double click approves once
		MockHttpServletResponse approved = mvc.perform(
				post("/party/points/awards/{id}/approve", award).param("unit", ZHENBAO).cookie(secretary).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(approved.getStatus()).isEqualTo(302);
		assertThat(approved.getRedirectedUrl()).startsWith("/party/points");
		String after = mvc
			.perform(get(approved.getRedirectedUrl()).cookie(secretary)
				.flashAttrs(mvc.perform(post("/party/points/awards/{id}/approve", award).cookie(secretary).with(csrf()))
					.andReturn()
					.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(after).contains("id=\"rank-change\"").doesNotContain("id=\"award-" + award + "\"");
		int rankAfter = rank(after, me);
		assertThat(rankAfter).isLessThanOrEqualTo(rankBefore);
		assertThat(rankAfter).isLessThan(rank(after, other) + 1);
		assertThat(jdbc.sql("select count(*) from party_point_award where source_ref = :s and status = 'APPROVED'")
			.param("s", "visit:" + visit)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the member sees the approved points, their balance and their rank
		mine = mvc.perform(get("/party/me/points").with(TestActors.as(memberActor)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mine).contains("data-status=\"APPROVED\"").contains("id=\"my-total\">2<").contains("本季度支部第");
		String json = mvc.perform(get("/api/v1/party/points/me").with(TestActors.as(memberActor)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json).contains("\"memberId\":" + me.value()).contains("\"total\":2").contains("APPROVED");
		String english = mvc.perform(get("/party/me/points").param("lang", "en").with(TestActors.as(memberActor)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("My points").contains("Mandatory visit done").contains("Approved");

		// a member reads no one else's: the cadres' screens and API are closed to them
		assertThat(mvc.perform(get("/api/v1/party/points/awards/{id}", award).with(TestActors.as(memberActor)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/party/points").with(TestActors.as(memberActor)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(mine).doesNotContain("data-member=\"" + other.value() + "\"");
	}

	@Test
	void zhenbaosSecretaryCannotSeeAnAwardOfChengcao() throws Exception {
		// an award whose scope is 橙槽村 (its member is one of 珍宝村's test members: no
		// member of 橙槽村's demo branch is touched)
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "积分范围支部");
		MemberId member = PartyFixtures.member(jdbc, org, PartyFixtures.residentsNotMembers(jdbc, ZHENBAO, 1).get(0),
				null);
		jdbc.sql("insert into party_point_award (member_id, org_path, county_code, rule_code, rule_name_zh, "
				+ "rule_name_en, kind, points_each, quantity, points, earned_on, evidence, status, proposed_by, "
				+ "proposed_at) values (:m, '/62/6206/620621/620621110/620621110212/', '620621', 'other', '其他表现', "
				+ "'Other', 'OTHER', 1, 1, 1, :on, '橙槽村的证明', 'PROPOSED', 'system', :now)")
			.param("m", member.value())
			.param("on", LocalDate.now())
			.param("now", Timestamp.from(Instant.now()))
			.update();
		long id = jdbc.sql("select max(id) from party_point_award where member_id = :m")
			.param("m", member.value())
			.query(Long.class)
			.single();
		Actor zhenbao = TestActors.account(jdbc, "village-cadre-2");
		Actor chengcao = TestActors.account(jdbc, "village-cadre");

		MockHttpServletResponse denied = mvc
			.perform(get("/api/v1/party/points/awards/{id}", id).with(TestActors.as(zhenbao)))
			.andReturn()
			.getResponse();
		MockHttpServletResponse missing = mvc
			.perform(get("/api/v1/party/points/awards/{id}", 987654321L).with(TestActors.as(zhenbao)))
			.andReturn()
			.getResponse();
		assertThat(denied.getStatus()).isEqualTo(404);
		assertThat(denied.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(mvc.perform(get("/api/v1/party/points/awards").with(TestActors.as(zhenbao)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("橙槽村的证明");
		assertThat(mvc
			.perform(post("/api/v1/party/points/awards/{id}/approve", id).with(TestActors.as(zhenbao)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc
			.perform(get("/api/v1/party/points/rankings").param("unit", "620621110212").with(TestActors.as(zhenbao)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		// 橙槽村's secretary sees it
		assertThat(mvc.perform(get("/api/v1/party/points/awards/{id}", id).with(TestActors.as(chengcao)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("橙槽村的证明");
	}

	/** The rank shown for the member in the page's ranking table. */
	static int rank(String html, MemberId member) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("data-member=\"" + member.value() + "\" data-rank=\"(\\d+)\"")
			.matcher(html);
		assertThat(m.find()).as("member " + member + " in the ranking").isTrue();
		return Integer.parseInt(m.group(1));
	}

}
