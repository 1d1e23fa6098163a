package org.xiangzhi.authz;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The authorization matrix (security checklist 6–8): every HTTP endpoint of every handler
 * mapping must be declared by some {@link MatrixContribution}, and each declared
 * expectation is checked with real requests against the real database, for the anonymous
 * caller and for every role at its node with records in scope, below, above and beside
 * that node. A record outside the caller's scope must answer byte for byte like a record
 * that does not exist.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest {

	/** An id no record has. */
	static final String MISSING_ID = "987654321";

	/** Where each role is held in the matrix, and the nodes in each relation to it. */
	static final Map<Role, String> ROLE_NODE = new EnumMap<>(
			Map.of(Role.SYSTEM_ADMIN, "000000", Role.COUNTY_ADMIN, "620621", Role.TOWN_ADMIN, "620621110", Role.AUDITOR,
					"620621", Role.TOWN_CADRE, "620621110", Role.VILLAGE_CADRE, "620621110212", Role.MEDIATOR,
					"620621110", Role.GRID_WORKER, "620621110212G01", Role.PARTY_MEMBER, "620621110212"));

	static final Map<String, Map<Relation, String>> RELATED = Map.of(
			"000000", Map.of(Relation.IN_SCOPE, "000000", Relation.CHILD, "62"), "620621", Map.of(Relation.IN_SCOPE,
					"620621", Relation.CHILD, "620621110", Relation.PARENT, "6206", Relation.SIBLING, "620602"),
			"620621110",
			Map.of(Relation.IN_SCOPE, "620621110", Relation.CHILD, "620621110212", Relation.PARENT, "620621",
					Relation.SIBLING, "620621116"),
			"620621110212",
			Map.of(Relation.IN_SCOPE, "620621110212", Relation.CHILD, "620621110212G01", Relation.PARENT, "620621110",
					Relation.SIBLING, "620621110200"),
			"620621110212G01", Map.of(Relation.IN_SCOPE, "620621110212G01", Relation.PARENT, "620621110212",
					Relation.SIBLING, "620621110212G02"));

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	final List<MatrixContribution> contributions = findContributions();

	final Map<Role, Actor> actors = new EnumMap<>(Role.class);

	/** A signed-in account that holds no role at all. */
	Actor withoutRole;

	/** kind → place code → record id */
	final Map<String, Map<String, String>> records = new HashMap<>();

	@BeforeAll
	void createActorsAndRecords() {
		places.addIfAbsent("620602", "凉州区", PlaceLevel.COUNTY, "6206");
		String run = Long.toString(System.nanoTime(), 36);
		for (Role role : Role.values()) {
			Place place = places.find(ROLE_NODE.get(role)).orElseThrow();
			long id = MatrixFixtures.insertAccount(jdbc, "mx-" + role.name().toLowerCase() + "-" + run, place, role);
			actors.put(role, new Actor(id, "mx-" + role.name().toLowerCase() + "-" + run,
					List.of(new Actor.Assignment(role, place.code(), place.path()))));
		}
		Place village = places.find("620621110212").orElseThrow();
		String noRole = "mx-norole-" + run;
		withoutRole = new Actor(MatrixFixtures.insertAccount(jdbc, noRole, village, null), noRole, List.of());
		Set<String> codes = new TreeSet<>();
		RELATED.values().forEach(m -> codes.addAll(m.values()));
		for (MatrixContribution contribution : contributions) {
			contribution.recordFactories().forEach((kind, factory) -> {
				Map<String, String> byPlace = records.computeIfAbsent(kind, k -> new HashMap<>());
				for (String code : codes) {
					byPlace.put(code, factory.create(places.find(code).orElseThrow(), context));
				}
			});
		}
	}

	@Test
	void everyEndpointOfEveryHandlerMappingIsInTheMatrix() {
		Set<String> actual = new TreeSet<>();
		for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
			.values()) {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				Set<String> methods = new TreeSet<>();
				info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
				if (methods.isEmpty()) {
					methods.add("ANY");
				}
				for (String pattern : info.getPatternValues()) {
					methods.forEach(m -> actual.add(m + " " + pattern));
				}
			}
		}
		Set<String> declared = new TreeSet<>();
		List<String> incomplete = new ArrayList<>();
		for (MatrixContribution contribution : contributions) {
			for (Endpoint endpoint : contribution.endpoints()) {
				declared.add(endpoint.key());
				if (!endpoint.complete()) {
					incomplete.add(endpoint.key());
				}
			}
		}
		Set<String> missing = new TreeSet<>(actual);
		missing.removeAll(declared);
		Set<String> stale = new TreeSet<>(declared);
		stale.removeAll(actual);
		assertThat(missing).as("endpoints without a row in the authorization matrix").isEmpty();
		assertThat(stale).as("matrix rows for endpoints that no longer exist").isEmpty();
		assertThat(incomplete).as("matrix rows without expectations for anonymous and every role").isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> everyRoleGetsTheDeclaredAnswerInEveryRelation() {
		List<DynamicTest> tests = new ArrayList<>();
		for (MatrixContribution contribution : contributions) {
			for (Endpoint endpoint : contribution.endpoints()) {
				tests.add(DynamicTest.dynamicTest(endpoint.key() + " as anonymous", () -> {
					String id = endpoint.recordKind == null ? null
							: records.get(endpoint.recordKind).get(ROLE_NODE.get(Role.COUNTY_ADMIN));
					MockHttpServletResponse response = perform(endpoint, id, null);
					assertThat(response.getStatus()).as(endpoint.key() + " anonymous")
						.isEqualTo(endpoint.anonymousStatus);
				}));
				tests.add(DynamicTest.dynamicTest(endpoint.key() + " as an account without a role", () -> {
					String id = endpoint.recordKind == null ? null
							: records.get(endpoint.recordKind).get(ROLE_NODE.get(Role.VILLAGE_CADRE));
					MockHttpServletResponse response = perform(endpoint, id, withoutRole);
					assertThat(response.getStatus()).as(endpoint.key() + " without a role")
						.isEqualTo(endpoint.expectedWithoutRole());
				}));
				for (Role role : Role.values()) {
					Map<Relation, String> related = RELATED.get(ROLE_NODE.get(role));
					for (Relation relation : Relation.values()) {
						if (endpoint.recordKind == null && relation != Relation.IN_SCOPE) {
							continue;
						}
						String node = related.get(relation);
						if (node == null) {
							continue; // e.g. the root has no parent
						}
						tests.add(DynamicTest.dynamicTest(endpoint.key() + " as " + role + " on " + relation,
								() -> check(endpoint, role, relation, node)));
					}
				}
			}
		}
		return tests.stream();
	}

	private void check(Endpoint endpoint, Role role, Relation relation, String node) throws Exception {
		Actor actor = actors.get(role);
		String id = endpoint.recordKind == null ? null : records.get(endpoint.recordKind).get(node);
		MockHttpServletResponse response = perform(endpoint, id, actor);
		int expected = endpoint.expected(role, relation);
		assertThat(response.getStatus()).as("%s as %s on a %s record", endpoint.key(), role, relation)
			.isEqualTo(expected);
		if (expected == 404 && endpoint.recordKind != null && endpoint.publicStatus == null) {
			MockHttpServletResponse missing = perform(endpoint, MISSING_ID, actor);
			assertThat(missing.getStatus()).isEqualTo(404);
			assertThat(response.getContentAsString())
				.as("%s: an out-of-scope record must look exactly like a missing one", endpoint.key())
				.isEqualTo(missing.getContentAsString());
			assertThat(response.getContentType()).isEqualTo(missing.getContentType());
			assertThat(jdbc
				.sql("select count(*) from audit_event where action = 'SCOPE_DENIED' and actor = :actor "
						+ "and object_type = :type and object_id = :id")
				.param("actor", actor.username())
				.param("type", endpoint.recordKind)
				.param("id", id)
				.query(Long.class)
				.single()).as("%s: the refused access is audited", endpoint.key()).isPositive();
		}
	}

	private MockHttpServletResponse perform(Endpoint endpoint, String id, Actor actor) throws Exception {
		// the one path variable ({id}, {code}, ...) addresses the record of the
		// endpoint's kind
		String path = endpoint.pattern.replaceAll("\\{[^}*]+}", id == null ? "" : id).replace("/**", "/liveness");
		String method = endpoint.method.equals("ANY") ? "GET" : endpoint.method;
		MockHttpServletRequestBuilder request = MockMvcRequestBuilders
			.request(org.springframework.http.HttpMethod.valueOf(method), path);
		endpoint.params.forEach(request::param);
		if (method.equals("POST")) {
			request.with(csrf());
		}
		if (actor != null) {
			request.with(TestActors.as(actor));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private static List<MatrixContribution> findContributions() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(MatrixContribution.class));
		List<MatrixContribution> found = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("org.xiangzhi")) {
			try {
				found.add((MatrixContribution) Class.forName(candidate.getBeanClassName())
					.getDeclaredConstructor()
					.newInstance());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot create " + candidate.getBeanClassName(), ex);
			}
		}
		return found;
	}

}
