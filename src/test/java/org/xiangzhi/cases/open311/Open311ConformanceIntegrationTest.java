package org.xiangzhi.cases.open311;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Document;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.platform.TestActors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Open311 GeoReport v2 conformance, endpoint by endpoint and in both formats, with every
 * refusal of ../shared/open311.md: no or wrong api_key, a revoked key, no service_code,
 * an unknown one, a missing required attribute, a value outside a single-value list, a
 * bad or unplaceable location, an unknown id, a request of another county.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Open311ConformanceIntegrationTest {

	/** A village of 苏武镇 with one grid that has a boundary, created for this test. */
	static final String VILLAGE = "620621110931";

	static final String GRID = VILLAGE + "G01";

	/** Inside the grid's square; nothing else in the county has a boundary around it. */
	static final String LAT = "38.6050";

	static final String LNG = "103.0050";

	/** 西一村, 肃州区: another county. */
	static final String OTHER_COUNTY_VILLAGE = "620902101209";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Open311Clients clients;

	@Autowired
	Submissions submissions;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseDesk desk;

	String apiKey;

	String revokedKey;

	Actor countyAdmin;

	@BeforeAll
	void createVillageGridAndClients() {
		Place village = places.addIfAbsent(VILLAGE, "开放测试村委会", PlaceLevel.VILLAGE, "620621110");
		Place grid = places.addIfAbsent(GRID, "开放测试村第一网格", PlaceLevel.GRID, village.code());
		jdbc.sql("delete from grid_detail where place_code = :c").param("c", GRID).update();
		jdbc.sql("insert into grid_detail (place_code, org_path, boundary_geojson, centre_lat, centre_lng) "
				+ "values (:c, :p, :b, 38.605, 103.005)")
			.param("c", GRID)
			.param("p", grid.path().value())
			.param("b",
					"{\"type\":\"Polygon\",\"coordinates\":[[[103.0,38.6],[103.01,38.6],[103.01,38.61],"
							+ "[103.0,38.61],[103.0,38.6]]]}")
			.update();
		Place county = places.find("620621").orElseThrow();
		countyAdmin = TestActors.actor("open311-admin", Role.COUNTY_ADMIN, county.path());
		apiKey = clients.createOnce(countyAdmin, "12345 热线", "620621", submissions.issue(Open311Clients.CREATE_FORM))
			.apiKey();
		Open311Clients.Issued revoked = clients.createOnce(countyAdmin, "已停用的 App", "620621",
				submissions.issue(Open311Clients.CREATE_FORM));
		revokedKey = revoked.apiKey();
		clients.revoke(countyAdmin, revoked.id());
	}

	// ---------------------------------------------------------------- helpers

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static JsonNode json(MockHttpServletResponse response) throws Exception {
		return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	static Document xml(MockHttpServletResponse response) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		return DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
	}

	static String xpath(Document document, String expression) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(expression, document);
	}

	/**
	 * A valid report of a street light in the test village, by attribute; pairs of
	 * {@code name, value} replace or add fields.
	 */
	MockHttpServletRequestBuilder streetLight(String format, String... overrides) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("api_key", apiKey);
		fields.put("service_code", "infrastructure.street_light");
		fields.put("attribute[village]", VILLAGE);
		fields.put("address_string", "村委会门口");
		fields.put("description", "路灯坏了三天");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/open311/v2/requests." + format);
		fields.forEach(request::param);
		return request;
	}

	/** Asserts the spec's error format with this code, in JSON. */
	static void assertJsonError(MockHttpServletResponse response, int code) throws Exception {
		assertThat(response.getStatus()).isEqualTo(code);
		assertThat(response.getContentType()).startsWith("application/json");
		JsonNode errors = json(response);
		assertThat(errors.isArray()).isTrue();
		assertThat(errors.get(0).get("code").asInt()).isEqualTo(code);
		assertThat(errors.get(0).get("description").asString()).isNotBlank();
	}

	/** Asserts the spec's error format with this code, in XML. */
	static void assertXmlError(MockHttpServletResponse response, int code) throws Exception {
		assertThat(response.getStatus()).isEqualTo(code);
		assertThat(response.getContentType()).startsWith("text/xml");
		Document document = xml(response);
		assertThat(xpath(document, "/errors/error/code")).isEqualTo(String.valueOf(code));
		assertThat(xpath(document, "/errors/error/description")).isNotBlank();
	}

	String postJson(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = perform(request);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.isArray()).isTrue();
		assertThat(body.size()).isEqualTo(1);
		return body.get(0).get("service_request_id").asString();
	}

	// ---------------------------------------------------------------- discovery

	@Test
	void discoveryListsTheEndpointWithXmlAndJsonInBothFormats() throws Exception {
		MockHttpServletResponse json = perform(get("/open311/v2/discovery.json"));
		assertThat(json.getStatus()).isEqualTo(200);
		JsonNode discovery = json(json);
		assertThat(discovery.get("changeset").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00");
		assertThat(discovery.get("contact").asString()).isNotBlank();
		assertThat(discovery.get("key_service").asString()).isNotBlank();
		JsonNode endpoint = discovery.get("endpoints").get(0);
		assertThat(endpoint.get("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.get("url").asString()).endsWith("/open311/v2/");
		assertThat(endpoint.get("type").asString()).isEqualTo("production");
		assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");

		Document xml = xml(perform(get("/open311/v2/discovery.xml")));
		assertThat(xpath(xml, "/discovery/endpoints/endpoint/specification"))
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(xpath(xml, "/discovery/endpoints/endpoint/formats/format[1]")).isEqualTo("text/xml");
	}

	// ---------------------------------------------------------------- services

	@Test
	void servicesAreTheCategoriesOfTheClientsCountyInBothFormats() throws Exception {
		JsonNode services = json(perform(get("/open311/v2/services.json").param("api_key", apiKey)));
		assertThat(services.isArray()).isTrue();
		List<String> codes = services.valueStream().map(s -> s.get("service_code").asString()).toList();
		assertThat(codes).contains("dispute", "environment", "infrastructure.road", "infrastructure.street_light");
		JsonNode road = services.valueStream()
			.filter(s -> s.get("service_code").asString().equals("infrastructure.road"))
			.findFirst()
			.orElseThrow();
		assertThat(road.get("service_name").asString()).isEqualTo("道路");
		assertThat(road.get("group").asString()).isEqualTo("基础设施");
		assertThat(road.get("metadata").asBoolean()).isTrue();
		assertThat(road.get("type").asString()).isEqualTo("realtime");
		assertThat(road.get("keywords").asString()).contains("Roads");
		assertThat(road.get("description").asString()).isNotBlank();

		Document xml = xml(perform(get("/open311/v2/services.xml").param("api_key", apiKey).param("lang", "en")));
		assertThat(xpath(xml, "/services/service[service_code='infrastructure.road']/service_name")).isEqualTo("Roads");
		assertThat(xpath(xml, "/services/service[service_code='dispute']/metadata")).isEqualTo("true");
	}

	@Test
	void withoutAnApiKeyTheJurisdictionPicksTheCounty() throws Exception {
		MockHttpServletResponse byJurisdiction = perform(
				get("/open311/v2/services.json").param("jurisdiction_id", "620621"));
		assertThat(byJurisdiction.getStatus()).isEqualTo(200);
		assertThat(json(byJurisdiction).size()).isPositive();
		// several counties are served: which one must be said
		assertJsonError(perform(get("/open311/v2/services.json")), 400);
		assertXmlError(perform(get("/open311/v2/services.xml")), 400);
		assertJsonError(perform(get("/open311/v2/services.json").param("jurisdiction_id", "999999")), 404);
		// a key of one county cannot ask for another
		assertJsonError(
				perform(get("/open311/v2/services.json").param("api_key", apiKey).param("jurisdiction_id", "620902")),
				400);
		assertXmlError(perform(get("/open311/v2/services.xml").param("api_key", "o311_wrong")), 403);
	}

	@Test
	void aDisputeAsksForItsKindTheOtherPartyAndTheHouseholds() throws Exception {
		JsonNode definition = json(perform(get("/open311/v2/services/dispute.json").param("api_key", apiKey)));
		assertThat(definition.get("service_code").asString()).isEqualTo("dispute");
		JsonNode attributes = definition.get("attributes");
		assertThat(attributes.valueStream().map(a -> a.get("code").asString()).toList()).containsExactly("village",
				"dispute_kind", "other_party", "households");
		JsonNode village = attributes.get(0);
		assertThat(village.get("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(village.get("required").asBoolean()).isFalse();
		assertThat(village.get("variable").asBoolean()).isTrue();
		assertThat(village.get("order").asInt()).isEqualTo(1);
		assertThat(village.get("values").valueStream().map(v -> v.get("key").asString()).toList())
			.contains(VILLAGE, "620621110212", "620621116202")
			.doesNotContain(OTHER_COUNTY_VILLAGE);
		JsonNode kind = attributes.get(1);
		assertThat(kind.get("required").asBoolean()).isTrue();
		assertThat(kind.get("values").get(0).get("name").asString()).isNotBlank();
		assertThat(attributes.get(3).get("datatype").asString()).isEqualTo("number");

		Document xml = xml(perform(get("/open311/v2/services/infrastructure.road.xml").param("api_key", apiKey)));
		assertThat(xpath(xml, "/service_definition/service_code")).isEqualTo("infrastructure.road");
		assertThat(xpath(xml, "count(/service_definition/attributes/attribute)")).isEqualTo("1");
		assertThat(xpath(xml, "/service_definition/attributes/attribute/code")).isEqualTo("village");
		assertThat(xpath(xml, "/service_definition/attributes/attribute/values/value[key='" + VILLAGE + "']/name"))
			.contains("开放测试村");
	}

	@Test
	void anUnknownServiceDefinitionIsNotFoundInBothFormats() throws Exception {
		assertJsonError(perform(get("/open311/v2/services/no_such.json").param("api_key", apiKey)), 404);
		assertXmlError(perform(get("/open311/v2/services/no_such.xml").param("api_key", apiKey)), 404);
	}

	// ---------------------------------------------------------------- POST requests

	@Test
	void aPostedRequestReadsBackAsPostedInJson() throws Exception {
		String id = postJson(streetLight("json", "media_url", "https://example.org/photo/1.jpg", "first_name", "桂兰",
				"last_name", "王", "email", "wang@example.org"));
		assertThat(id).matches("[0-9A-Z]{12}");
		JsonNode requests = json(perform(get("/open311/v2/requests/" + id + ".json").param("api_key", apiKey)));
		assertThat(requests.isArray()).isTrue();
		JsonNode request = requests.get(0);
		assertThat(request.get("service_request_id").asString()).isEqualTo(id);
		assertThat(request.get("service_code").asString()).isEqualTo("infrastructure.street_light");
		assertThat(request.get("service_name").asString()).isEqualTo("路灯");
		assertThat(request.get("description").asString()).isEqualTo("路灯坏了三天");
		assertThat(request.get("address").asString()).isEqualTo("村委会门口");
		assertThat(request.get("media_url").asString()).isEqualTo("https://example.org/photo/1.jpg");
		assertThat(request.get("status").asString()).isEqualTo("open");
		assertThat(request.get("status_notes").asString()).isEqualTo("已提交");
		assertThat(request.get("agency_responsible").asString()).isEqualTo("开放测试村委会");
		assertThat(request.get("requested_datetime").asString()).endsWith("+08:00");
		assertThat(request.get("expected_datetime").asString()).endsWith("+08:00");
		assertThat(request.has("lat")).isTrue();
		// the case itself: channel OPEN311, the client, the cadres' text with the
		// address;
		// the name is kept encrypted, the e-mail address not at all
		var c = desk.tracked(id).orElseThrow();
		assertThat(c.channel()).isEqualTo(Channel.OPEN311);
		assertThat(c.open311ClientId()).isNotNull();
		assertThat(c.description()).contains("路灯坏了三天", "村委会门口");
		assertThat(c.reporterNameEnc()).isNotNull().doesNotContain("王");
		assertThat(jdbc
			.sql("select count(*) from open311_request where attributes like '%example.org%' "
					+ "or description like '%wang@%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPostedRequestAnswersInXml() throws Exception {
		MockHttpServletResponse response = perform(streetLight("xml"));
		assertThat(response.getStatus()).isEqualTo(200);
		Document document = xml(response);
		String id = xpath(document, "/service_requests/request/service_request_id");
		assertThat(id).matches("[0-9A-Z]{12}");
		assertThat(xpath(document, "/service_requests/request/service_notice")).contains(id.substring(0, 4));
		Document read = xml(perform(get("/open311/v2/requests/" + id + ".xml").param("api_key", apiKey)));
		assertThat(xpath(read, "/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(xpath(read, "/service_requests/request/status")).isEqualTo("open");
		assertThat(xpath(read, "/service_requests/request/description")).isEqualTo("路灯坏了三天");
	}

	@Test
	void aFormEncodedDisputeWithAttributesIsAccepted() throws Exception {
		String body = "api_key=" + apiKey + "&service_code=dispute&lat=" + LAT + "&long=" + LNG
				+ "&attribute%5Bdispute_kind%5D=land&attribute%5Bother_party%5D=%E9%82%BB%E5%B1%85"
				+ "&attribute%5Bhouseholds%5D=2&attribute%5Bvillage%5D=&description=%E5%9C%B0%E7%95%8C%E4%BA%89%E8%AE%AE";
		String id = postJson(
				post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body));
		var c = desk.tracked(id).orElseThrow();
		// the point decided the place: the grid whose boundary holds it
		assertThat(c.path().value()).endsWith("/" + GRID + "/");
		assertThat(c.dispute()).isTrue();
		assertThat(c.description()).contains("地界争议", "土地山林纠纷", "邻居", "2");
		JsonNode read = json(perform(get("/open311/v2/requests/" + id + ".json").param("api_key", apiKey))).get(0);
		assertThat(read.get("lat").asDouble()).isEqualTo(38.605);
		assertThat(read.get("long").asDouble()).isEqualTo(103.005);
		assertThat(read.get("description").asString()).isEqualTo("地界争议");
	}

	@Test
	void noOrAWrongOrARevokedApiKeyIsForbidden() throws Exception {
		assertJsonError(perform(post("/open311/v2/requests.json").param("service_code", "environment")
			.param("attribute[village]", VILLAGE)
			.param("description", "x")), 403);
		assertXmlError(perform(post("/open311/v2/requests.xml").param("service_code", "environment")), 403);
		assertJsonError(perform(streetLight("json", "api_key", "o311_not-a-key")), 403);
		assertXmlError(perform(streetLight("xml", "api_key", "garbage")), 403);
		assertJsonError(perform(streetLight("json", "api_key", revokedKey)), 403);
		assertXmlError(perform(streetLight("xml", "api_key", revokedKey)), 403);
	}

	@Test
	void aMissingOrUnknownServiceCodeIsRefused() throws Exception {
		assertJsonError(perform(streetLight("json", "service_code", "")), 400);
		assertXmlError(perform(post("/open311/v2/requests.xml").param("api_key", apiKey)
			.param("attribute[village]", VILLAGE)
			.param("description", "x")), 400);
		assertJsonError(perform(streetLight("json", "service_code", "potholes")), 400);
		assertXmlError(perform(streetLight("xml", "service_code", "potholes")), 400);
	}

	@Test
	void aMissingRequiredAttributeOrAValueOutsideTheListIsRefused() throws Exception {
		MockHttpServletRequestBuilder dispute = post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "dispute")
			.param("attribute[village]", VILLAGE)
			.param("description", "吵架");
		assertJsonError(perform(dispute), 400);
		assertJsonError(perform(dispute.param("attribute[dispute_kind]", "")), 400);
		assertXmlError(perform(post("/open311/v2/requests.xml").param("api_key", apiKey)
			.param("service_code", "dispute")
			.param("attribute[village]", VILLAGE)
			.param("attribute[dispute_kind]", "war")), 400);
		// a village of another county is outside the list too
		assertJsonError(perform(streetLight("json", "attribute[village]", OTHER_COUNTY_VILLAGE)), 400);
		assertJsonError(perform(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "dispute")
			.param("attribute[village]", VILLAGE)
			.param("attribute[dispute_kind]", "land")
			.param("attribute[households]", "many")), 400);
		// the same request with what is missing is accepted
		postJson(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "dispute")
			.param("attribute[village]", VILLAGE)
			.param("attribute[dispute_kind]", "neighbour")
			.param("description", "吵架"));
	}

	@Test
	void anEmptyOptionalSingleValueListIsAccepted() throws Exception {
		String id = postJson(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("lat", LAT)
			.param("long", LNG)
			.param("attribute[village]", "")
			.param("description", "垃圾没人清"));
		assertThat(desk.tracked(id).orElseThrow().gridCode()).isEqualTo(GRID);
	}

	@Test
	void aMissingBadOrUnplaceableLocationIsRefused() throws Exception {
		MockHttpServletRequestBuilder noLocation = post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("description", "x");
		assertJsonError(perform(noLocation), 400);
		assertJsonError(perform(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("lat", "north")
			.param("long", LNG)), 400);
		assertXmlError(perform(post("/open311/v2/requests.xml").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("lat", "91")
			.param("long", LNG)), 400);
		assertJsonError(perform(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("lat", LAT)), 400);
		// a point outside every grid of the county, and no village
		assertJsonError(perform(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("lat", "39.9")
			.param("long", "116.4")
			.param("description", "x")), 400);
		// an address alone cannot be placed
		assertXmlError(perform(post("/open311/v2/requests.xml").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("address_string", "镇东头")
			.param("description", "x")), 400);
		assertJsonError(perform(streetLight("json", "media_url", "javascript:alert(1)")), 400);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyCreatesOneCase() throws Exception {
		String key = "retry-" + System.nanoTime();
		String first = postJson(streetLight("json").header("Idempotency-Key", key));
		String again = postJson(streetLight("json").header("Idempotency-Key", key));
		assertThat(again).isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from open311_request where token_hash = :h")
			.param("h", Open311Clients.sha256(key))
			.query(Long.class)
			.single()).isOne();
		// other data under the same key is refused
		assertJsonError(perform(streetLight("json", "description", "别的事").header("Idempotency-Key", key)), 422);
		// the key is the token of GET tokens/{token}
		JsonNode token = json(perform(get("/open311/v2/tokens/" + key + ".json").param("api_key", apiKey))).get(0);
		assertThat(token.get("service_request_id").asString()).isEqualTo(first);
		assertThat(token.get("token").asString()).isEqualTo(key);
		Document xml = xml(perform(get("/open311/v2/tokens/" + key + ".xml").param("api_key", apiKey)));
		assertThat(xpath(xml, "/service_requests/request/service_request_id")).isEqualTo(first);
		assertJsonError(perform(get("/open311/v2/tokens/unknown-token.json").param("api_key", apiKey)), 404);
		assertXmlError(perform(get("/open311/v2/tokens/" + key + ".xml")), 403);
	}

	// ---------------------------------------------------------------- GET requests

	@Test
	void requestsAreFilteredByIdsServiceStatusAndDates() throws Exception {
		String light = postJson(streetLight("json"));
		String trash = postJson(post("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "environment")
			.param("attribute[village]", VILLAGE)
			.param("description", "垃圾"));
		String foreign = desk
			.report(new NewCase(OTHER_COUNTY_VILLAGE, "environment", "别县的垃圾", null, null, null, Channel.QR, null, null,
					List.of()), null, null, null)
			.trackingCode();

		JsonNode byIds = json(perform(get("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_request_id", light + "," + trash.substring(0, 4) + "-" + trash.substring(4, 8) + "-"
					+ trash.substring(8) + "," + foreign)));
		assertThat(byIds.valueStream().map(r -> r.get("service_request_id").asString()).toList())
			.containsExactlyInAnyOrder(light, trash);

		JsonNode byService = json(perform(get("/open311/v2/requests.json").param("api_key", apiKey)
			.param("service_code", "infrastructure.street_light")));
		assertThat(byService.valueStream().map(r -> r.get("service_code").asString()).distinct().toList())
			.containsExactly("infrastructure.street_light");
		assertThat(byService.valueStream().map(r -> r.get("service_request_id").asString()).toList()).contains(light)
			.doesNotContain(trash, foreign);

		JsonNode open = json(
				perform(get("/open311/v2/requests.json").param("api_key", apiKey).param("status", "open")));
		assertThat(open.valueStream().map(r -> r.get("status").asString()).distinct().toList()).containsExactly("open");
		JsonNode closed = json(
				perform(get("/open311/v2/requests.json").param("api_key", apiKey).param("status", "closed")));
		assertThat(closed.valueStream().map(r -> r.get("service_request_id").asString()).toList())
			.doesNotContain(light);

		JsonNode future = json(perform(get("/open311/v2/requests.json").param("api_key", apiKey)
			.param("start_date", "2099-01-01T00:00:00+08:00")));
		assertThat(future.size()).isZero();
		JsonNode window = json(perform(get("/open311/v2/requests.json").param("api_key", apiKey)
			.param("start_date", "2020-01-01T00:00:00Z")
			.param("end_date", "2099-01-01T00:00:00+08:00")));
		assertThat(window.valueStream().map(r -> r.get("service_request_id").asString()).toList()).contains(light,
				trash);
		// no other county's request in any list
		JsonNode all = json(perform(get("/open311/v2/requests.json").param("api_key", apiKey)));
		assertThat(all.valueStream().map(r -> r.get("service_request_id").asString()).toList()).contains(light)
			.doesNotContain(foreign);

		Document xml = xml(
				perform(get("/open311/v2/requests.xml").param("api_key", apiKey).param("service_request_id", light)));
		assertThat(xpath(xml, "count(/service_requests/request)")).isEqualTo("1");

		assertJsonError(
				perform(get("/open311/v2/requests.json").param("api_key", apiKey).param("start_date", "yesterday")),
				400);
		assertXmlError(perform(get("/open311/v2/requests.xml").param("api_key", apiKey).param("status", "pending")),
				400);
		assertJsonError(perform(get("/open311/v2/requests.json")), 403);
		assertXmlError(perform(get("/open311/v2/requests.xml").param("api_key", revokedKey)), 403);
	}

	@Test
	void anUnknownIdAndAnotherCountysRequestAreNotFoundAlike() throws Exception {
		String foreign = desk
			.report(new NewCase(OTHER_COUNTY_VILLAGE, "environment", "别县的垃圾", null, null, null, Channel.QR, null, null,
					List.of()), null, null, null)
			.trackingCode();
		MockHttpServletResponse missing = perform(
				get("/open311/v2/requests/ZZZZZZZZZZZZ.json").param("api_key", apiKey));
		MockHttpServletResponse outside = perform(
				get("/open311/v2/requests/" + foreign + ".json").param("api_key", apiKey));
		assertJsonError(missing, 404);
		assertJsonError(outside, 404);
		assertThat(outside.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertXmlError(perform(get("/open311/v2/requests/" + foreign + ".xml").param("api_key", apiKey)), 404);
		assertXmlError(perform(get("/open311/v2/requests/not-a-code.xml").param("api_key", apiKey)), 404);
		assertJsonError(perform(get("/open311/v2/requests/" + foreign + ".json")), 403);
	}

	@Test
	void aRequestMovesToClosedWithItsResultInTheNotes() throws Exception {
		String id = postJson(streetLight("json"));
		var c = desk.tracked(id).orElseThrow();
		Actor town = TestActors.actor("open311-town", Role.TOWN_ADMIN, places.find("620621110").orElseThrow().path());
		desk.act(town, c.id(), org.xiangzhi.cases.core.CaseCommand.of(org.xiangzhi.cases.CaseAction.REJECT, c.version())
			.withReason("重复反映，已在处理"));
		JsonNode read = json(perform(get("/open311/v2/requests/" + id + ".json").param("api_key", apiKey))).get(0);
		assertThat(read.get("status").asString()).isEqualTo("closed");
		assertThat(read.get("status_notes").asString()).contains("不予受理", "重复反映");
		assertThat(read.get("expected_datetime").isNull()).isTrue();
	}

}
