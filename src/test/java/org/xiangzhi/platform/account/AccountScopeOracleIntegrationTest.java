package org.xiangzhi.platform.account;

import java.util.HashSet;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Security checklist 9: what the account search returns, over all pages and with a
 * filter, equals an independent SQL oracle of the caller's subtree.
 */
@IntegrationTest
class AccountScopeOracleIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@CsvSource({ "admin, /, ''", "county-admin, /62/6206/620621/, ''", "town-admin, /62/6206/620621/620621110/, ''",
			"village-cadre, /62/6206/620621/620621110/620621110212/, ''",
			"qingshui-admin, /62/6209/620902/620902101/, ''", "county-admin, /62/6206/620621/, cadre",
			"town-cadre, /62/6206/620621/620621116/, ''" })
	void theSearchReturnsExactlyTheAccountsOfTheCallersSubtree(String username, String subtree, String query)
			throws Exception {
		Cookie session = WebSessions.login(mvc, username, "Xiangzhi@2026");
		Set<String> returned = new HashSet<>();
		int pages = 1;
		for (int page = 0; page < pages; page++) {
			String json = mvc
				.perform(get("/api/v1/accounts").cookie(session).param("q", query).param("page", String.valueOf(page)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			returned.addAll(JsonPath.read(json, "$.items[*].username"));
			long total = ((Number) JsonPath.read(json, "$.total")).longValue();
			int size = JsonPath.read(json, "$.pageSize");
			pages = (int) ((total + size - 1) / size);
		}
		Set<String> oracle = new HashSet<>(jdbc
			.sql("select username from account where substring(org_path, 1, :n) = :subtree "
					+ "and (:q = '' or lower(username) like :like or lower(display_name) like :like)")
			.param("n", subtree.length())
			.param("subtree", subtree)
			.param("q", query)
			.param("like", "%" + query + "%")
			.query(String.class)
			.list());
		assertThat(returned).isEqualTo(oracle).isNotEmpty();
	}

}
