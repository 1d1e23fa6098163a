package org.xiangzhi.cases.api;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.platform.api.ApiTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The cases JSON API with real integration tokens: scope by the token's role and place (a
 * 珍宝村 token cannot see 橙槽村's cases, not even that they exist), keyset pages, idempotent
 * reports, actions with 409 and 422.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final String ZHENBAO = "620621116202";

	/** A village of 苏武镇 only this test reports to, for exact page counts. */
	static final String PAGED_VILLAGE = "620621110933";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	CaseDesk desk;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	String chengcao;

	String zhenbao;

	String town;

	@BeforeAll
	void tokens() {
		places.addIfAbsent(PAGED_VILLAGE, "分页测试村委会", PlaceLevel.VILLAGE, "620621110");
		String run = Long.toString(System.nanoTime(), 36);
		chengcao = tokens.create(TestActors.systemAdmin(), "橙槽村 " + run, Role.VILLAGE_CADRE, CHENGCAO, 30).secret();
		zhenbao = tokens.create(TestActors.systemAdmin(), "珍宝村 " + run, Role.VILLAGE_CADRE, ZHENBAO, 30).secret();
		town = tokens.create(TestActors.systemAdmin(), "苏武镇 " + run, Role.TOWN_ADMIN, "620621110", 30).secret();
	}

	MockHttpServletResponse call(MockHttpServletRequestBuilder request, String secret) throws Exception {
		return mvc.perform(request.header("Authorization", "Bearer " + secret)).andReturn().getResponse();
	}

	static JsonNode json(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	long reportAt(String place, String text) {
		return desk
			.report(new NewCase(place, "infrastructure.road", text, null, null, null, Channel.QR, null, null,
					List.of()), null, null, null)
			.id()
			.value();
	}

	@Test
	void aZhenbaoTokenCannotSeeAChengcaoCase() throws Exception {
		long id = reportAt(CHENGCAO, "橙槽村的路坏了");
		MockHttpServletResponse own = call(get("/api/v1/cases/" + id), chengcao);
		assertThat(own.getStatus()).isEqualTo(200);
		assertThat(json(own).get("villageCode").asString()).isEqualTo(CHENGCAO);
		assertThat(json(own).has("reporterNameEnc")).isFalse();

		MockHttpServletResponse foreign = call(get("/api/v1/cases/" + id), zhenbao);
		MockHttpServletResponse missing = call(get("/api/v1/cases/987654321"), zhenbao);
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(foreign.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(call(get("/api/v1/cases/" + id + "/timeline"), zhenbao).getStatus()).isEqualTo(404);
		assertThat(call(post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"ACCEPT\",\"expectedVersion\":0}"), zhenbao).getStatus()).isEqualTo(404);
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'SCOPE_DENIED' and object_type = 'case' "
					+ "and object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isPositive();

		JsonNode list = json(call(get("/api/v1/cases").param("limit", "100"), zhenbao));
		assertThat(list.get("items").valueStream().map(c -> c.get("id").asLong()).toList()).doesNotContain(id);
		assertThat(list.get("items").valueStream().map(c -> c.get("orgPath").asString()))
			.allMatch(path -> path.contains("/" + ZHENBAO + "/"));
		JsonNode ownList = json(call(get("/api/v1/cases").param("limit", "100"), chengcao));
		assertThat(ownList.get("items").valueStream().map(c -> c.get("id").asLong()).toList()).contains(id);
	}

	@Test
	void listsArePagedByCursorAndFiltered() throws Exception {
		long first = reportAt(PAGED_VILLAGE, "一");
		long second = reportAt(PAGED_VILLAGE, "二");
		long third = reportAt(PAGED_VILLAGE, "三");
		JsonNode page1 = json(call(get("/api/v1/cases").param("limit", "2").param("unit", PAGED_VILLAGE), town));
		assertThat(page1.get("items").valueStream().map(c -> c.get("id").asLong()).toList()).containsExactly(third,
				second);
		String next = page1.get("next").asString();
		JsonNode page2 = json(call(
				get("/api/v1/cases").param("limit", "2").param("unit", PAGED_VILLAGE).param("cursor", next), town));
		assertThat(page2.get("items").valueStream().map(c -> c.get("id").asLong()).toList()).containsExactly(first);
		assertThat(page2.get("next").isNull()).isTrue();
		JsonNode accepted = json(
				call(get("/api/v1/cases").param("unit", PAGED_VILLAGE).param("status", "ACCEPTED"), town));
		assertThat(accepted.get("items").size()).isZero();
		assertThat(call(get("/api/v1/cases").param("status", "LOST"), town).getStatus()).isEqualTo(422);
		assertThat(call(get("/api/v1/cases").param("cursor", "x"), town).getStatus()).isEqualTo(422);
		assertThat(call(get("/api/v1/cases").param("limit", "1000"), town).getStatus()).isEqualTo(422);
	}

	@Test
	void aReportWithAnIdempotencyKeyCreatesOneCase() throws Exception {
		String key = "visit-" + System.nanoTime();
		String body = "{\"placeCode\":\"" + CHENGCAO
				+ "\",\"categoryCode\":\"environment\",\"description\":\"走访听到：垃圾站满了\"," + "\"channel\":\"VISIT\"}";
		MockHttpServletResponse created = call(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.content(body), chengcao);
		assertThat(created.getStatus()).isEqualTo(201);
		MockHttpServletResponse retried = call(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.content(body), chengcao);
		assertThat(retried.getStatus()).isEqualTo(200);
		assertThat(json(retried).get("id").asLong()).isEqualTo(json(created).get("id").asLong());
		assertThat(json(retried).get("replay").asBoolean()).isTrue();
		MockHttpServletResponse conflict = call(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", key)
			.content(body.replace("满了", "空了")), chengcao);
		assertThat(conflict.getStatus()).isEqualTo(422);
		JsonNode c = json(call(get("/api/v1/cases/" + json(created).get("id").asLong()), chengcao));
		assertThat(c.get("channel").asString()).isEqualTo("VISIT");
		// a place outside the token's area is not a place it can report for
		assertThat(call(
				post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body.replace(CHENGCAO, ZHENBAO)),
				chengcao)
			.getStatus()).isEqualTo(422);
		assertThat(call(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("VISIT", "API").replace(CHENGCAO, ZHENBAO)), chengcao).getStatus()).isEqualTo(422);
		MockHttpServletResponse forwarded = call(
				post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(body.replace("VISIT", "API")),
				chengcao);
		assertThat(forwarded.getStatus()).isEqualTo(201);
		JsonNode invalid = json(
				call(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content("{}"), chengcao));
		assertThat(invalid.get("status").asInt()).isEqualTo(422);
		assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("placeCode");
	}

	@Test
	void actionsMoveTheCaseOrAreRefusedWith409And422() throws Exception {
		long id = reportAt(CHENGCAO, "桥断了");
		MockHttpServletResponse accepted = call(
				post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"action\":\"ACCEPT\",\"expectedVersion\":0}"),
				chengcao);
		assertThat(accepted.getStatus()).isEqualTo(200);
		assertThat(json(accepted).get("status").asString()).isEqualTo("ACCEPTED");
		long version = json(accepted).get("version").asLong();

		MockHttpServletResponse again = call(
				post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"action\":\"ACCEPT\",\"expectedVersion\":" + version + "}"),
				chengcao);
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(json(again).get("error").asString()).isEqualTo("illegal_transition");
		assertThat(json(again).get("currentStatus").asString()).isEqualTo("ACCEPTED");
		assertThat(json(again).get("message").asString()).contains("已受理");

		MockHttpServletResponse stale = call(
				post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"action\":\"START\",\"expectedVersion\":0}"),
				chengcao);
		assertThat(stale.getStatus()).as(stale.getContentAsString()).isIn(409, 422);

		MockHttpServletResponse noReason = call(
				post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"action\":\"ESCALATE\",\"expectedVersion\":" + version + "}"),
				chengcao);
		assertThat(noReason.getStatus()).isEqualTo(422);

		assertThat(call(post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"FLY\",\"expectedVersion\":1}"), chengcao).getStatus()).isEqualTo(422);
		assertThat(call(post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"action\":\"START\"}"), chengcao).getStatus()).isEqualTo(422);

		JsonNode timeline = json(call(get("/api/v1/cases/" + id + "/timeline"), chengcao));
		assertThat(timeline.valueStream().map(e -> e.get("action").asString()).toList()).containsExactly("SUBMIT",
				"ACCEPT");
	}

	@Test
	void theConcurrentLoserGets409() throws Exception {
		long id = reportAt(CHENGCAO, "井盖丢了");
		String accept = "{\"action\":\"ACCEPT\",\"expectedVersion\":0}";
		assertThat(
				call(post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON).content(accept),
						chengcao)
					.getStatus())
			.isEqualTo(200);
		// the second saw version 0 too and asks for something legal now: too late
		MockHttpServletResponse loser = call(
				post("/api/v1/cases/" + id + "/actions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"action\":\"ESCALATE\",\"expectedVersion\":0,\"reason\":\"需要镇里协调\"}"),
				chengcao);
		assertThat(loser.getStatus()).isEqualTo(409);
		assertThat(json(loser).get("error").asString()).isEqualTo("concurrent_change");
	}

	@Test
	void theOpenApiDocumentDescribesTheCasesApi() throws Exception {
		String doc = mvc.perform(get("/api/v1/openapi")).andReturn().getResponse().getContentAsString();
		assertThat(doc).contains("/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/timeline",
				"/api/v1/cases/{id}/actions", "/api/v1/cases/statistics");
	}

}
