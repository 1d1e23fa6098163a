package org.xiangzhi.registry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A village cadre of 橙槽村 registers a household over the pages and the API: identifiers
 * stay masked until revealed (audited), are encrypted at rest, and are invisible from
 * another village; counts follow.
 */
@IntegrationTest
class RegistryJourneyIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final String ZHENBAO = "620621116202";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

	MockHttpServletResponse api(Cookie session, String path, String... params) throws Exception {
		var request = get(path).cookie(session);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	long count(String path, Cookie session, String field) throws Exception {
		return ((Number) JsonPath.read(api(session, path).getContentAsString(), "$." + field)).longValue();
	}

	@Test
	void aVillageCadreRegistersAHouseholdSeesItMaskedRevealsItAuditedAndOnlyTheirVillageFindsIt() throws Exception {
		Cookie cadre = WebSessions.login(mvc, "village-cadre", "Xiangzhi@2026");
		Cookie otherCadre = WebSessions.login(mvc, "village-cadre-2", "Xiangzhi@2026");
		long households = count("/api/v1/places/" + CHENGCAO, cadre, "households");
		long residents = count("/api/v1/places/" + CHENGCAO, cadre, "residents");
		String headId = TestIdNumbers.fresh(Gender.MALE);
		String spouseId = TestIdNumbers.fresh(Gender.FEMALE);
		String address = unique("橙槽村三社 ");
		MockHttpServletResponse created = mvc
			.perform(post("/registry/households").cookie(cadre)
				.with(csrf())
				.param("villageCode", CHENGCAO)
				.param("gridCode", CHENGCAO + "G01")
				.param("address", address)
				.param("tags", "POVERTY_LIFTED")
				.param("head.name", "李建国")
				.param("head.idNumber", headId.substring(0, 6) + " " + headId.substring(6).toLowerCase())
				.param("head.phone", "13912345678")
				.param("head.relation", "HEAD"))
			.andReturn()
			.getResponse();
		assertThat(created.getStatus()).isEqualTo(302);
		long householdId = Long.parseLong(created.getRedirectedUrl().replace("/registry/households/", ""));
		MockHttpServletResponse member = mvc
			.perform(post("/registry/households/" + householdId + "/residents").cookie(cadre)
				.with(csrf())
				.param("name", "王秀英")
				.param("idNumber", spouseId)
				.param("relation", "SPOUSE")
				.param("tags", "LEFT_BEHIND_WOMAN"))
			.andReturn()
			.getResponse();
		assertThat(member.getStatus()).isEqualTo(302);

		String card = mvc.perform(get("/registry/households/" + householdId).cookie(cadre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card).contains("李建国", "王秀英", address, headId.substring(0, 6) + "**********" + headId.substring(14),
				"139****5678", "脱贫户", "留守妇女");
		assertThat(card).doesNotContain(headId, spouseId, "13912345678");

		long headResident = jdbc.sql("select head_resident_id from household where id = :id")
			.param("id", householdId)
			.query(Long.class)
			.single();
		String revealed = mvc
			.perform(post("/registry/residents/" + headResident + "/id-number").cookie(cadre).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(revealed).contains(headId, "审计");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'REVEAL' and actor = 'village-cadre' "
					+ "and object_type = 'resident' and object_id = :id and detail = 'id_number'")
			.param("id", String.valueOf(headResident))
			.query(Long.class)
			.single()).isEqualTo(1);
		String phone = mvc.perform(post("/registry/residents/" + headResident + "/phone").cookie(cadre).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(phone).contains("13912345678");

		String found = api(cadre, "/api/v1/residents", "idNumber", headId).getContentAsString();
		assertThat((Integer) JsonPath.read(found, "$.total")).isEqualTo(1);
		assertThat((String) JsonPath.read(found, "$.items[0].idNumber")).contains("**********").doesNotContain(headId);
		assertThat(found).doesNotContain(headId, "13912345678");
		assertThat((Integer) JsonPath.read(api(cadre, "/api/v1/residents", "phone", "13912345678").getContentAsString(),
				"$.total"))
			.isPositive();
		String foreign = api(otherCadre, "/api/v1/residents", "idNumber", headId).getContentAsString();
		assertThat((Integer) JsonPath.read(foreign, "$.total")).isZero();
		assertThat(api(otherCadre, "/api/v1/households/" + householdId).getStatus()).isEqualTo(404);

		assertThat(count("/api/v1/places/" + CHENGCAO, cadre, "households")).isEqualTo(households + 1);
		assertThat(count("/api/v1/places/" + CHENGCAO, cadre, "residents")).isEqualTo(residents + 2);
		String place = api(cadre, "/api/v1/places/" + CHENGCAO).getContentAsString();
		assertThat((String) JsonPath.read(place, "$.level")).isEqualTo("VILLAGE");
		assertThat((String) JsonPath.read(place, "$.parentCode")).isEqualTo("620621110");
		MockHttpServletResponse outside = api(cadre, "/api/v1/places/" + ZHENBAO);
		MockHttpServletResponse missing = api(cadre, "/api/v1/places/999999999999");
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(outside.getContentAsString()).isEqualTo(missing.getContentAsString());

		Map<String, Object> stored = jdbc
			.sql("select id_number_enc, id_number_bidx, phone_enc from resident where id = :id")
			.param("id", headResident)
			.query()
			.singleRow();
		assertThat(stored.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(headId)
			.doesNotContain(headId.substring(6, 14))
			.doesNotContain("13912345678")
			.doesNotContain("12345678"));

		String page = mvc.perform(get("/registry/places/" + CHENGCAO).cookie(cadre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(address, "橙槽村第一网格");
		assertThat(mvc.perform(get("/registry").cookie(cadre)).andReturn().getResponse().getContentAsString())
			.contains("橙槽村");
		// the live results (htmx) list the resident masked; only the search box holds
		// what was typed
		String results = mvc
			.perform(get("/registry/residents").cookie(cadre).header("HX-Request", "true").param("idNumber", headId))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(results).contains("李建国", headId.substring(0, 6) + "**********").doesNotContain(headId);
		assertThat(mvc.perform(get("/registry/residents").cookie(cadre).param("name", "李建"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("李建国", "<form");
	}

	@Test
	void badInputIsReportedFieldByFieldInChineseAndEnglishAndWritesNothing() throws Exception {
		Cookie cadre = WebSessions.login(mvc, "village-cadre", "Xiangzhi@2026");
		long household = createHousehold(cadre, List.of());
		String taken = TestIdNumbers.fresh(Gender.MALE);
		assertThat(addMember(cadre, household, "{\"name\":\"赵大\",\"idNumber\":\"" + taken + "\"}", "zh").getStatus())
			.isEqualTo(201);
		long residentsBefore = residentsOf(household);
		long auditBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
		String valid = TestIdNumbers.fresh(Gender.FEMALE);
		String otherBirth = valid.substring(6, 10).equals("1950") ? "1951-01-01" : "1950-01-01";
		assertProblem(cadre, household,
				"{\"name\":\"赵二\",\"idNumber\":\"" + TestIdNumbers.withWrongCheck(valid) + "\"}", "idNumber", "校验码",
				"check digit");
		assertProblem(cadre, household,
				"{\"name\":\"赵二\",\"idNumber\":\"" + valid + "\",\"birthDate\":\"" + otherBirth + "\"}", "birthDate",
				"出生日期与身份证号", "date of birth differs");
		assertProblem(cadre, household, "{\"name\":\"赵二\",\"idNumber\":\"" + valid + "\",\"gender\":\"MALE\"}",
				"gender", "性别与身份证号不符", "does not match the ID number");
		assertProblem(cadre, household, "{\"name\":\"赵二\",\"idNumber\":\"" + taken + "\"}", "idNumber", "已经登记过",
				"already registered");
		assertProblem(cadre, household, "{\"name\":\"\",\"idNumber\":\"" + valid + "\"}", "name", "请填写姓名",
				"Enter the name");
		String impossible = "46900019900230" + "123";
		assertProblem(cadre, household,
				"{\"name\":\"赵二\",\"idNumber\":\"" + impossible + IdNumber.checkCharacter(impossible) + "\"}",
				"idNumber", "出生日期不存在", "does not exist");
		assertThat(residentsOf(household)).isEqualTo(residentsBefore);

		// the page shows the messages next to the fields, in the user's language
		String zh = mvc
			.perform(post("/registry/households/" + household + "/residents").cookie(cadre)
				.with(csrf())
				.param("name", "")
				.param("idNumber", TestIdNumbers.withWrongCheck(valid)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(zh).contains("请填写姓名", "校验码", "is-invalid");
		String en = mvc
			.perform(post("/registry/households/" + household + "/residents").cookie(cadre)
				.cookie(new Cookie("XZLANG", "en"))
				.with(csrf())
				.param("name", "")
				.param("idNumber", TestIdNumbers.withWrongCheck(valid)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("Enter the name", "check digit");

		// a household whose member is wrong is not created either
		String address = unique("不应出现 ");
		MockHttpServletResponse refused = mvc
			.perform(post("/api/v1/households").cookie(cadre)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"villageCode\":\"" + CHENGCAO + "\",\"address\":\"" + address
						+ "\",\"members\":[{\"name\":\"甲\",\"idNumber\":\"" + taken + "\"}]}"))
			.andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(refused.getContentAsString(), "$.errors[0].field"))
			.isEqualTo("members[0].idNumber");
		assertThat(jdbc.sql("select count(*) from household where address = :a")
			.param("a", address)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(auditBefore);

		// a village outside the caller's area is refused
		MockHttpServletResponse foreign = mvc
			.perform(post("/api/v1/households").cookie(cadre)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"villageCode\":\"" + ZHENBAO + "\",\"address\":\"" + address + "\"}"))
			.andReturn()
			.getResponse();
		assertThat(foreign.getStatus()).isEqualTo(422);
		assertThat(foreign.getContentAsString()).contains("registry.household.place.outOfScope");
	}

	@Test
	void movesSplitsMergesAndStatusChangesKeepEveryoneAndTheirHistory() throws Exception {
		Cookie cadre = WebSessions.login(mvc, "village-cadre", "Xiangzhi@2026");
		long a = createHousehold(cadre,
				List.of(member("张一", "HEAD"), member("张二", "SPOUSE"), member("张三", "SON"), member("张四", "DAUGHTER")));
		long b = createHousehold(cadre, List.of(member("刘一", "HEAD")));
		List<Long> membersOfA = idsOf(a);
		long head = jdbc.sql("select head_resident_id from household where id = :id")
			.param("id", a)
			.query(Long.class)
			.single();
		long mover = membersOfA.stream().filter(id -> id != head).findFirst().orElseThrow();

		assertThat(mvc
			.perform(post("/registry/residents/" + mover + "/move").cookie(cadre)
				.with(csrf())
				.param("targetHouseholdId", String.valueOf(b))
				.param("relation", "SIBLING"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/registry/residents/" + mover);
		assertThat(householdOf(mover)).isEqualTo(b);
		assertThat(changes("HOUSEHOLD", a)).contains("RESIDENT_MOVED_OUT");
		assertThat(changes("HOUSEHOLD", b)).contains("RESIDENT_MOVED_IN");
		assertThat(changes("RESIDENT", mover)).contains("MOVED");

		List<Long> remaining = idsOf(a);
		long splitter = remaining.stream().filter(id -> id != head).findFirst().orElseThrow();
		MockHttpServletResponse split = mvc
			.perform(post("/registry/households/" + a + "/split").cookie(cadre)
				.with(csrf())
				.param("residentIds", String.valueOf(splitter))
				.param("address", unique("分户新址 ")))
			.andReturn()
			.getResponse();
		long c = Long.parseLong(split.getRedirectedUrl().replace("/registry/households/", ""));
		assertThat(c).isNotIn(a, b);
		assertThat(householdOf(splitter)).isEqualTo(c);
		assertThat(jdbc.sql("select head_resident_id from household where id = :id")
			.param("id", c)
			.query(Long.class)
			.single()).isEqualTo(splitter);
		assertThat(changes("HOUSEHOLD", a)).contains("SPLIT");
		assertThat(changes("HOUSEHOLD", c)).contains("SPLIT_FROM");

		mvc.perform(post("/registry/households/" + a + "/merge").cookie(cadre)
			.with(csrf())
			.param("sourceId", String.valueOf(b)));
		assertThat(jdbc.sql("select status from household where id = :id").param("id", b).query(String.class).single())
			.isEqualTo("MERGED");
		assertThat(householdOf(mover)).isEqualTo(a);
		assertThat(idsOf(b)).isEmpty();
		assertThat(changes("HOUSEHOLD", a)).contains("MERGED");
		assertThat(changes("HOUSEHOLD", b)).contains("MERGED_INTO");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'HOUSEHOLD_MERGED' and object_id = :id")
			.param("id", String.valueOf(a))
			.query(Long.class)
			.single()).isEqualTo(1);

		mvc.perform(post("/registry/residents/" + mover + "/status").cookie(cadre)
			.with(csrf())
			.param("status", "DECEASED"));
		assertThat(
				jdbc.sql("select status from resident where id = :id").param("id", mover).query(String.class).single())
			.isEqualTo("DECEASED");
		assertThat(changes("RESIDENT", mover)).contains("STATUS");
		mvc.perform(post("/registry/residents/" + head + "/status").cookie(cadre)
			.with(csrf())
			.param("status", "MOVED_OUT"));
		assertThat(jdbc.sql("select count(*) from resident where id in (:ids)")
			.param("ids", List.of(mover, head))
			.query(Long.class)
			.single()).as("nobody is deleted").isEqualTo(2);
		String card = mvc.perform(get("/registry/households/" + a).cookie(cadre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(card).contains("死亡", "迁出", "MERGED", "SPLIT");
	}

	@Test
	void aStaleEditFormIsRefusedWithAClearMessageInsteadOfOverwriting() throws Exception {
		Cookie cadre = WebSessions.login(mvc, "village-cadre", "Xiangzhi@2026");
		long household = createHousehold(cadre, List.of());
		int version = jdbc.sql("select version from household where id = :id")
			.param("id", household)
			.query(Integer.class)
			.single();
		String first = unique("第一次 ");
		assertThat(mvc
			.perform(post("/registry/households/" + household).cookie(cadre)
				.with(csrf())
				.param("villageCode", CHENGCAO)
				.param("address", first)
				.param("version", String.valueOf(version)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		String stale = mvc
			.perform(post("/registry/households/" + household).cookie(cadre)
				.with(csrf())
				.param("villageCode", CHENGCAO)
				.param("address", unique("第二次 "))
				.param("version", String.valueOf(version)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("已被他人修改");
		assertThat(jdbc.sql("select address from household where id = :id")
			.param("id", household)
			.query(String.class)
			.single()).isEqualTo(first);
		assertThat(changes("HOUSEHOLD", household)).contains("UPDATED");
	}

	@Test
	void aGridWorkerCannotRevealAndAMediatorCannotEdit() throws Exception {
		Cookie cadre = WebSessions.login(mvc, "village-cadre", "Xiangzhi@2026");
		long household = createHousehold(cadre, List.of(member("网格一", "HEAD")));
		long resident = idsOf(household).get(0);
		Cookie gridWorker = WebSessions.login(mvc, "grid-worker", "Xiangzhi@2026");
		assertThat(mvc.perform(get("/registry/households/" + household).cookie(gridWorker))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(mvc.perform(post("/registry/residents/" + resident + "/id-number").cookie(gridWorker).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		Cookie mediator = WebSessions.login(mvc, "mediator", "Xiangzhi@2026");
		assertThat(mvc
			.perform(post("/registry/residents/" + resident + "/status").cookie(mediator)
				.with(csrf())
				.param("status", "DECEASED"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	static String member(String name, String relation) {
		return "{\"name\":\"" + name + "\",\"idNumber\":\"" + TestIdNumbers.fresh() + "\",\"relation\":\"" + relation
				+ "\"}";
	}

	long createHousehold(Cookie session, List<String> members) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post("/api/v1/households").cookie(session)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"villageCode\":\"" + CHENGCAO + "\",\"gridCode\":\"" + CHENGCAO + "G01\",\"address\":\""
						+ unique("测试户 ") + "\",\"members\":[" + String.join(",", members) + "]}"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
	}

	MockHttpServletResponse addMember(Cookie session, long household, String json, String lang) throws Exception {
		return mvc
			.perform(post("/api/v1/households/" + household + "/residents").cookie(session)
				.param("lang", lang)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andReturn()
			.getResponse();
	}

	void assertProblem(Cookie session, long household, String json, String field, String chinese, String english)
			throws Exception {
		MockHttpServletResponse zh = addMember(session, household, json, "zh-CN");
		assertThat(zh.getStatus()).as(json).isEqualTo(422);
		List<String> fields = JsonPath.read(zh.getContentAsString(), "$.errors[*].field");
		assertThat(fields).as(json).contains(field);
		assertThat(zh.getContentAsString()).contains(chinese);
		MockHttpServletResponse en = addMember(session, household, json, "en");
		assertThat(en.getContentAsString()).contains(english);
	}

	long residentsOf(long household) {
		return jdbc.sql("select count(*) from resident where household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single();
	}

	List<Long> idsOf(long household) {
		return jdbc.sql("select id from resident where household_id = :h order by id")
			.param("h", household)
			.query(Long.class)
			.list();
	}

	long householdOf(long resident) {
		return jdbc.sql("select household_id from resident where id = :id")
			.param("id", resident)
			.query(Long.class)
			.single();
	}

	List<String> changes(String type, long id) {
		return jdbc.sql("select change from registry_history where object_type = :t and object_id = :id")
			.param("t", type)
			.param("id", id)
			.query(String.class)
			.list();
	}

}
