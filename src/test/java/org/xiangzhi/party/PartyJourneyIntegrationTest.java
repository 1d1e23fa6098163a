package org.xiangzhi.party;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.HouseholdId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 5's journey across the sections, on 橙槽村's demo branch (52 members, every
 * household linked): a household falls out of the links, the secretary runs the
 * suggestion and saves it, coverage is back to 0 uncovered; a dispute reported for a
 * household linked to the demo member raises a 必访 for that member; the member logs the
 * visit on the phone page; the visit's points are proposed, the secretary approves them
 * and the ranking changes. And scope: the member cannot open another member's household,
 * 珍宝村's secretary cannot see 橙槽村's members.
 */
@IntegrationTest
class PartyJourneyIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final ObjectMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartyDirectory directory;

	@Autowired
	HouseholdLinks links;

	MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, Actor actor) throws Exception {
		return mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
	}

	static String hidden(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as("hidden field " + name).isTrue();
		return m.group(1).replace("&quot;", "\"").replace("&amp;", "&");
	}

	static int uncovered(String html) {
		Matcher m = Pattern.compile("id=\"uncovered-count\">(\\d+)<").matcher(html);
		assertThat(m.find()).isTrue();
		return Integer.parseInt(m.group(1));
	}

	@Test
	void linksCoverEveryHouseholdADisputeRaisesAVisitTheMemberLogsItAndThePointsCount() throws Exception {
		Actor secretary = TestActors.account(jdbc, "village-cadre");
		Actor memberAccount = TestActors.account(jdbc, "party-member");
		PartyDirectory.MemberRef member = directory.memberOfAccount(memberAccount.accountId()).orElseThrow();
		List<HouseholdId> mine = links.linkedHouseholds(member.id());
		assertThat(mine).as("the demo member looks after households").isNotEmpty();

		// other tests sharing the database may have registered households of their own
		int uncoveredBefore = uncovered(
				perform(get("/party/links/" + CHENGCAO + "/coverage"), secretary).getContentAsString());
		// a household of another member falls out of the links (its member moved away)
		long loose = jdbc
			.sql("select l.household_id from party_household_link l join household h on h.id = l.household_id "
					+ "where h.village_code = :v and l.until is null and l.member_id <> :m order by l.household_id "
					+ "limit 1")
			.param("v", CHENGCAO)
			.param("m", member.id().value())
			.query(Long.class)
			.single();
		jdbc.sql("update party_household_link set until = current_timestamp, ended_by = 'journey' "
				+ "where household_id = :h and until is null")
			.param("h", loose)
			.update();
		assertThat(uncovered(perform(get("/party/links/" + CHENGCAO + "/coverage"), secretary).getContentAsString()))
			.isEqualTo(uncoveredBefore + 1);

		// the secretary runs the suggestion and saves it: every household is covered
		// again
		String preview = perform(get("/party/links/" + CHENGCAO + "/suggestion"), secretary).getContentAsString();
		MockHttpServletResponse saved = perform(post("/party/links/" + CHENGCAO + "/suggestion").with(csrf())
			.param("submissionToken", hidden(preview, "submissionToken"))
			.param("proposals", hidden(preview, "proposals")), secretary);
		assertThat(saved.getStatus()).isEqualTo(302);
		assertThat(links.linkedMember(new HouseholdId(loose))).isPresent();
		assertThat(uncovered(perform(get("/party/links/" + CHENGCAO + "/coverage"), secretary).getContentAsString()))
			.isZero();

		// a dispute in one of the member's households, taken in on a visit through the
		// cases API
		HouseholdId household = mine.stream()
			.filter(h -> jdbc.sql("select count(*) from party_visit_task where household_id = :h and status = 'OPEN'")
				.param("h", h.value())
				.query(Long.class)
				.single() == 0)
			.findFirst()
			.orElseThrow();
		MockHttpServletResponse reported = perform(post("/api/v1/cases").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"placeCode\":\"" + CHENGCAO + "\",\"categoryCode\":\"dispute\","
					+ "\"description\":\"邻里因排水沟起纠纷\",\"channel\":\"VISIT\",\"householdId\":" + household.value() + "}"),
				secretary);
		assertThat(reported.getStatus()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("select count(*) from party_visit_task where household_id = :h and status = 'OPEN' "
						+ "and member_id = :m")
				.param("h", household.value())
				.param("m", member.id().value())
				.query(Long.class)
				.single() == 1);

		// the member sees the 必访 on the phone page and logs the visit there
		String page = perform(get("/party/me/visits"), memberAccount).getContentAsString();
		assertThat(page).contains("矛盾纠纷").contains("name=\"viewport\"");
		MockHttpServletResponse logged = perform(multipart("/party/me/visits").with(csrf())
			.param("householdId", "" + household.value())
			.param("kind", "MANDATORY")
			.param("notes", "已上门了解情况，约好周五调解")
			.param("submissionToken", hidden(page, "submissionToken")), memberAccount);
		assertThat(logged.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select status from party_visit_task where household_id = :h and member_id = :m")
			.param("h", household.value())
			.param("m", member.id().value())
			.query(String.class)
			.list()).containsOnly("DONE");
		long visit = jdbc.sql("select max(id) from party_visit where household_id = :h")
			.param("h", household.value())
			.query(Long.class)
			.single();

		// the visit's points are proposed after the commit
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from party_point_award where source_ref = :s")
				.param("s", "visit:" + visit)
				.query(Long.class)
				.single() == 1);
		long award = jdbc.sql("select id from party_point_award where source_ref = :s")
			.param("s", "visit:" + visit)
			.query(Long.class)
			.single();
		JsonNode before = JSON.readTree(
				perform(get("/api/v1/party/points/rankings").param("unit", CHENGCAO), secretary).getContentAsString());

		// the secretary approves them and the ranking changes
		JsonNode decision = JSON
			.readTree(perform(post("/api/v1/party/points/awards/{id}/approve", award).with(csrf()), secretary)
				.getContentAsString());
		assertThat(decision.get("pointsAfter").asInt()).isEqualTo(decision.get("pointsBefore").asInt() + 2);
		JsonNode after = JSON.readTree(
				perform(get("/api/v1/party/points/rankings").param("unit", CHENGCAO), secretary).getContentAsString());
		assertThat(standing(after, member.id()).get("points").asInt())
			.isEqualTo(standing(before, member.id()).get("points").asInt() + 2);
		assertThat(standing(after, member.id()).get("rank").asInt())
			.isLessThanOrEqualTo(standing(before, member.id()).get("rank").asInt());
		if (atOrAbove(before, member.id()) > 1) {
			// it shared its place with others: now it stands ahead of some of them
			assertThat(atOrAbove(after, member.id())).isLessThan(atOrAbove(before, member.id()));
		}
		assertThat(perform(get("/party/me/points"), memberAccount).getContentAsString()).contains("完成必访");

		// scope: another member's household is not found; 珍宝村 sees nothing of 橙槽村
		long othersHousehold = loose == household.value() ? mine.get(0).value() : loose;
		if (links.linkedMember(new HouseholdId(othersHousehold)).filter(member.id()::equals).isEmpty()) {
			assertThat(perform(get("/party/me/households/" + othersHousehold), memberAccount).getStatus())
				.isEqualTo(404);
		}
		Actor zhenbao = TestActors.account(jdbc, "village-cadre-2");
		assertThat(perform(get("/party/members/" + member.id().value()), zhenbao).getStatus()).isEqualTo(404);
		assertThat(perform(get("/api/v1/party/members/" + member.id().value()), zhenbao).getStatus()).isEqualTo(404);
	}

	static JsonNode standing(JsonNode ranking, MemberId member) {
		for (JsonNode standing : ranking.get("standings")) {
			if (standing.get("memberId").asLong() == member.value()) {
				return standing;
			}
		}
		throw new AssertionError("member " + member + " is not ranked");
	}

	/** How many members stand at or above the member's rank. */
	static long atOrAbove(JsonNode ranking, MemberId member) {
		int rank = 0;
		for (JsonNode standing : ranking.get("standings")) {
			if (standing.get("memberId").asLong() == member.value()) {
				rank = standing.get("rank").asInt();
			}
		}
		assertThat(rank).as("the member is ranked").isPositive();
		int of = rank;
		long count = 0;
		for (JsonNode standing : ranking.get("standings")) {
			if (standing.get("rank").asInt() <= of) {
				count++;
			}
		}
		return count;
	}

}
