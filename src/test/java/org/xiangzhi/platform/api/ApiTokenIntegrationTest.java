package org.xiangzhi.platform.api;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Integration tokens: created by an administrator inside their scope and never above
 * their role, shown once, stored only as a hash, scoped like accounts, revocable,
 * audited.
 */
@IntegrationTest
class ApiTokenIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** Creates a token through the page and returns the secret shown once. */
	private String issue(Cookie admin, String name, String role, String placeCode) throws Exception {
		var created = mvc
			.perform(post("/api-tokens").cookie(admin)
				.with(csrf())
				.param("submissionToken", WebSessions.formToken(mvc, admin, "/api-tokens"))
				.param("name", name)
				.param("role", role)
				.param("placeCode", placeCode)
				.param("validDays", "30"))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/api-tokens");
		String secret = (String) created.getFlashMap().get("issuedSecret");
		assertThat(secret).startsWith("xzt_");
		String shownOnce = mvc.perform(get("/api-tokens").cookie(admin)).andReturn().getResponse().getContentAsString();
		assertThat(shownOnce).contains(name).contains(secret);
		String later = mvc.perform(get("/api-tokens").cookie(admin)).andReturn().getResponse().getContentAsString();
		assertThat(later).contains(name).doesNotContain(secret);
		return secret;
	}

	private MockHttpServletResponse call(String path, String secret) throws Exception {
		return mvc.perform(get(path).header("Authorization", "Bearer " + secret)).andReturn().getResponse();
	}

	private long idOf(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	@Test
	void aTokenActsWithItsRoleAndScopeAndIsStoredOnlyAsAHash() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		String name = "village-sync-" + System.nanoTime();
		String secret = issue(admin, name, "VILLAGE_CADRE", "620621110212");

		assertThat(jdbc.sql("select count(*) from api_token where token_hash = :s or token_prefix = :s")
			.param("s", secret)
			.query(Long.class)
			.single()).isZero();

		MockHttpServletResponse me = call("/api/v1/me", secret);
		assertThat(me.getStatus()).isEqualTo(200);
		assertThat(me.getContentAsString()).contains("token:" + name)
			.contains("VILLAGE_CADRE")
			.contains("620621110212");

		assertThat(call("/api/v1/accounts/" + idOf("party-member"), secret).getStatus()).isEqualTo(200);
		MockHttpServletResponse otherVillage = call("/api/v1/accounts/" + idOf("village-cadre-2"), secret);
		MockHttpServletResponse missing = call("/api/v1/accounts/99999999", secret);
		assertThat(otherVillage.getStatus()).isEqualTo(404);
		assertThat(otherVillage.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(call("/actuator/prometheus", secret).getStatus()).isEqualTo(403);

		// no session is created for a token request, and no CSRF token is needed
		assertThat(me.getCookie(WebSessions.COOKIE)).isNull();
	}

	@Test
	void aRevokedOrExpiredOrUnknownTokenGets401() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		String name = "revoked-" + System.nanoTime();
		String secret = issue(admin, name, "COUNTY_ADMIN", "620621");
		assertThat(call("/actuator/prometheus", secret).getStatus()).isEqualTo(200);
		long id = jdbc.sql("select id from api_token where name = :n").param("n", name).query(Long.class).single();
		mvc.perform(post("/api-tokens/" + id + "/revoke").cookie(admin).with(csrf()));
		assertThat(call("/api/v1/me", secret).getStatus()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOKEN_REVOKED' and object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);

		String expiring = issue(admin, "expired-" + System.nanoTime(), "COUNTY_ADMIN", "620621");
		jdbc.sql("update api_token set expires_at = :past where revoked_at is null and token_prefix = :p")
			.param("past", Timestamp.from(Instant.now().minusSeconds(1)))
			.param("p", expiring.substring(0, 10))
			.update();
		assertThat(call("/api/v1/me", expiring).getStatus()).isEqualTo(401);
		assertThat(call("/api/v1/me", "xzt_unknown-token").getStatus()).isEqualTo(401);
	}

	@Test
	void aTokenCannotBeGrantedMoreThanItsCreatorHolds() throws Exception {
		Cookie townAdmin = WebSessions.login(mvc, "town-admin", "Xiangzhi@2026");
		String name = "too-wide-" + System.nanoTime();
		mvc.perform(post("/api-tokens").cookie(townAdmin)
			.with(csrf())
			.param("submissionToken", WebSessions.formToken(mvc, townAdmin, "/api-tokens"))
			.param("name", name)
			.param("role", "COUNTY_ADMIN")
			.param("placeCode", "620621")
			.param("validDays", "30"));
		mvc.perform(post("/api-tokens").cookie(townAdmin)
			.with(csrf())
			.param("submissionToken", WebSessions.formToken(mvc, townAdmin, "/api-tokens"))
			.param("name", name)
			.param("role", "SYSTEM_ADMIN")
			.param("placeCode", "620621110")
			.param("validDays", "30"));
		assertThat(
				jdbc.sql("select count(*) from api_token where name = :n").param("n", name).query(Long.class).single())
			.isZero();
	}

	@Test
	void aRetriedCreationMakesOneTokenAndShowsNoSecondSecret() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		String form = WebSessions.formToken(mvc, admin, "/api-tokens");
		String name = "retried-" + System.nanoTime();
		for (int i = 0; i < 2; i++) {
			var result = mvc
				.perform(post("/api-tokens").cookie(admin)
					.with(csrf())
					.param("submissionToken", form)
					.param("name", name)
					.param("role", "AUDITOR")
					.param("placeCode", "620621")
					.param("validDays", "30"))
				.andReturn();
			assertThat(result.getFlashMap().get("issuedSecret") != null).isEqualTo(i == 0);
		}
		assertThat(
				jdbc.sql("select count(*) from api_token where name = :n").param("n", name).query(Long.class).single())
			.isEqualTo(1);
	}

}
