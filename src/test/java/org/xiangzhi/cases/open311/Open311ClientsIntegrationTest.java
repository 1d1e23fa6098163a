package org.xiangzhi.cases.open311;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The Open311 clients screen with a real login: the api_key is shown once and stored only
 * as a hash, a resubmitted form creates nothing more, revoking stops the key at once,
 * every change is audited, and another county's administrator cannot touch the client.
 */
@IntegrationTest
class Open311ClientsIntegrationTest {

	static final String PASSWORD = "Xiangzhi@2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCountyAdministratorCreatesAClientSeesTheKeyOnceAndRevokesIt() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", PASSWORD);
		String formToken = WebSessions.formToken(mvc, admin, "/cases/open311-clients");
		String name = "热线 " + System.nanoTime();
		MvcResult created = mvc
			.perform(post("/cases/open311-clients").cookie(admin)
				.with(csrf())
				.param("submissionToken", formToken)
				.param("name", name)
				.param("countyCode", "620621"))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/cases/open311-clients");
		String key = (String) created.getFlashMap().get("issuedKey");
		assertThat(key).startsWith("o311_");

		// the same form again: no second client, no key
		MvcResult replay = mvc
			.perform(post("/cases/open311-clients").cookie(admin)
				.with(csrf())
				.param("submissionToken", formToken)
				.param("name", name)
				.param("countyCode", "620621"))
			.andReturn();
		assertThat(replay.getFlashMap().get("issuedKey")).isNull();
		assertThat(jdbc.sql("select count(*) from open311_client where name = :n")
			.param("n", name)
			.query(Long.class)
			.single()).isOne();

		// only the hash and a prefix are stored; the list shows the prefix, never the key
		var row = jdbc.sql("select id, key_hash, key_prefix from open311_client where name = :n")
			.param("n", name)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.single();
		long id = (Long) row[0];
		assertThat(row[1]).isEqualTo(Open311Clients.sha256(key)).isNotEqualTo(key);
		assertThat(key).startsWith((String) row[2]);
		String list = mvc.perform(get("/cases/open311-clients").cookie(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(name, (String) row[2]).doesNotContain(key);

		assertThat(mvc.perform(get("/open311/v2/requests.json").param("api_key", key))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);

		// the administrator of another county cannot see or revoke it
		Cookie other = WebSessions.login(mvc, "qingshui-admin", PASSWORD);
		assertThat(mvc.perform(get("/cases/open311-clients").cookie(other)).andReturn().getResponse().getStatus())
			.isEqualTo(403);

		mvc.perform(post("/cases/open311-clients/" + id + "/revoke").cookie(admin).with(csrf()));
		assertThat(mvc.perform(get("/open311/v2/requests.json").param("api_key", key))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(jdbc
			.sql("select action from audit_event where object_type = 'open311-client' and object_id = :id "
					+ "order by seq")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("OPEN311_CLIENT_CREATED", "OPEN311_CLIENT_REVOKED");
	}

	@Test
	void aCountyOutsideTheScopeIsRefused() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", PASSWORD);
		MvcResult refused = mvc
			.perform(post("/cases/open311-clients").cookie(admin)
				.with(csrf())
				.param("submissionToken", WebSessions.formToken(mvc, admin, "/cases/open311-clients"))
				.param("name", "越权")
				.param("countyCode", "620902"))
			.andReturn();
		assertThat(refused.getFlashMap().get("errorKey")).isEqualTo("open311.client.county.invalid");
		assertThat(jdbc.sql("select count(*) from open311_client where name = '越权'").query(Long.class).single())
			.isZero();
	}

}
