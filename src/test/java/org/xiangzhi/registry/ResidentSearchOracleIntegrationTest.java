package org.xiangzhi.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;
import org.xiangzhi.registry.household.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Security checklist 9 for residents: what the search returns, over all pages, equals an
 * independent SQL oracle of the caller's subtree, for several roles and filters.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentSearchOracleIntegrationTest {

	/** A name prefix only this test's residents carry. */
	static final String PREFIX = "谕";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryStore store;

	@BeforeAll
	void residentsInSeveralPlaces() {
		if (jdbc.sql("select count(*) from resident where name like :p")
			.param("p", PREFIX + "%")
			.query(Long.class)
			.single() > 0) {
			return; // a previous run on the shared database left them
		}
		String[][] places = { { "620621110212", null }, { "620621110212", "620621110212G01" },
				{ "620621110212", "620621110212G02" }, { "620621110200", null }, { "620621116202", null },
				{ "620902101209", null } };
		int n = 0;
		for (String[] place : places) {
			long household = store.insertHousehold(new RegistryStore.NewHousehold(place[0], null, place[1], null,
					"谕测试户 " + place[0], null, Set.of(n % 2 == 0 ? "DIBAO" : "MILITARY")), "oracle");
			for (int i = 0; i < 12; i++) {
				IdNumber id = new IdNumber(TestIdNumbers.fresh());
				store.insertResident(household,
						new RegistryStore.NewResident(PREFIX + (char) ('甲' + i) + n, id.gender(), id.birthDate(), id,
								null, i == 0 ? Relation.HEAD : Relation.OTHER, ResidentStatus.ACTIVE, Set.of()),
						"oracle");
			}
			n++;
		}
	}

	@ParameterizedTest
	@CsvSource({ "admin, /, ''", "county-admin, /62/6206/620621/, ''", "town-admin, /62/6206/620621/620621110/, ''",
			"village-cadre, /62/6206/620621/620621110/620621110212/, ''",
			"village-cadre, /62/6206/620621/620621110/620621110212/, DIBAO",
			"grid-worker, /62/6206/620621/620621110/620621110212/620621110212G01/, ''",
			"village-cadre-2, /62/6206/620621/620621116/620621116202/, ''",
			"qingshui-admin, /62/6209/620902/620902101/, MILITARY", "town-cadre, /62/6206/620621/620621116/, ''" })
	void theSearchReturnsExactlyTheResidentsOfTheCallersSubtree(String username, String subtree, String tag)
			throws Exception {
		Cookie session = WebSessions.login(mvc, username, "Xiangzhi@2026");
		Set<Integer> returned = new HashSet<>();
		int pages = 1;
		for (int page = 0; page < pages; page++) {
			String json = mvc
				.perform(get("/api/v1/residents").cookie(session)
					.param("name", PREFIX)
					.param("tag", tag)
					.param("page", String.valueOf(page)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Integer> ids = JsonPath.read(json, "$.items[*].id");
			returned.addAll(ids);
			long total = ((Number) JsonPath.read(json, "$.total")).longValue();
			int size = JsonPath.read(json, "$.pageSize");
			pages = (int) ((total + size - 1) / size);
		}
		Set<Integer> oracle = new HashSet<>(jdbc
			.sql("select r.id from resident r join household h on h.id = r.household_id "
					+ "where substring(r.org_path, 1, :n) = :subtree and r.name like :name "
					+ "and (:tag = '' or exists (select 1 from household_tag t where t.household_id = h.id "
					+ "and t.tag_code = :tag))")
			.param("n", subtree.length())
			.param("subtree", subtree)
			.param("name", PREFIX + "%")
			.param("tag", tag)
			.query(Integer.class)
			.list());
		assertThat(returned).isEqualTo(oracle).isNotEmpty();
	}

}
