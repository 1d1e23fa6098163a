package org.xiangzhi.platform.account;

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
 * The foundation's journey over HTTP: a county administrator creates a village cadre, and
 * the cadre sees the accounts of their own village but nothing of another village;
 * submitted places and roles beyond the administrator's own are refused.
 */
@IntegrationTest
class AccountAdministrationIntegrationTest {

	static final String DEMO_PASSWORD = "Xiangzhi@2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.xiangzhi.platform.Places places;

	private long idOf(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private long count(String username) {
		return jdbc.sql("select count(*) from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse createAccount(Cookie admin, String username, String role, String placeCode,
			String password) throws Exception {
		return mvc
			.perform(post("/accounts").cookie(admin)
				.with(csrf())
				.param("submissionToken", WebSessions.formToken(mvc, admin, "/accounts/new"))
				.param("username", username)
				.param("displayName", "新村干部")
				.param("phone", "13812345678")
				.param("password", password)
				.param("role", role)
				.param("placeCode", placeCode))
			.andReturn()
			.getResponse();
	}

	@Test
	void aCountyAdminCreatesAVillageCadreWhoSeesOnlyTheirOwnVillage() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", DEMO_PASSWORD);
		String username = "cadre-" + Long.toString(System.nanoTime(), 36);
		MockHttpServletResponse created = createAccount(admin, username, "VILLAGE_CADRE", "620621110212",
				"Chengcao-Cadre-2026");
		assertThat(created.getRedirectedUrl()).isEqualTo("/accounts/" + idOf(username));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'ACCOUNT_CREATED' and object_id = :id")
			.param("id", String.valueOf(idOf(username)))
			.query(Long.class)
			.single()).isEqualTo(1);

		Cookie cadre = WebSessions.login(mvc, username, "Chengcao-Cadre-2026");
		MockHttpServletResponse changed = mvc
			.perform(post("/account/password").cookie(cadre)
				.with(csrf())
				.param("currentPassword", "Chengcao-Cadre-2026")
				.param("newPassword", "Chengcao-Changed-2026")
				.param("confirmPassword", "Chengcao-Changed-2026"))
			.andReturn()
			.getResponse();
		Cookie session = changed.getCookie(WebSessions.COOKIE) != null ? changed.getCookie(WebSessions.COOKIE) : cadre;

		// own village: the party member of 橙槽村 is visible, read-only
		String ownVillage = mvc.perform(get("/accounts/" + idOf("party-member")).cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(ownVillage).contains("party-member").doesNotContain("/roles/revoke");

		// another village (珍宝村): exactly like a record that does not exist
		MockHttpServletResponse otherVillage = mvc.perform(get("/accounts/" + idOf("village-cadre-2")).cookie(session))
			.andReturn()
			.getResponse();
		MockHttpServletResponse missing = mvc.perform(get("/accounts/99999999").cookie(session))
			.andReturn()
			.getResponse();
		assertThat(otherVillage.getStatus()).isEqualTo(404);
		assertThat(otherVillage.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(mvc.perform(get("/api/v1/accounts/" + idOf("village-cadre-2")).cookie(session))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		// the list holds the own village only
		String list = mvc.perform(get("/accounts").cookie(session)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("party-member").doesNotContain("village-cadre-2").doesNotContain("county-admin");

		// and nothing can be changed, in or out of the village
		for (String target : new String[] { "party-member", "village-cadre-2" }) {
			assertThat(mvc.perform(post("/accounts/" + idOf(target) + "/unlock").cookie(session).with(csrf()))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(403);
		}
	}

	@Test
	void aPlaceOutsideTheAdministratorsScopeIsRefusedAndNothingIsCreated() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", DEMO_PASSWORD);
		String username = "outside-" + Long.toString(System.nanoTime(), 36);
		// 西一村 lies in 肃州区, another county
		MockHttpServletResponse refused = createAccount(admin, username, "VILLAGE_CADRE", "620902101209",
				"Xiyi-Village-Cadre-26");
		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(count(username)).isZero();
	}

	@Test
	void nobodyGrantsARoleAboveTheirOwn() throws Exception {
		Cookie townAdmin = WebSessions.login(mvc, "town-admin", DEMO_PASSWORD);
		String username = "too-high-" + Long.toString(System.nanoTime(), 36);
		MockHttpServletResponse refused = createAccount(townAdmin, username, "COUNTY_ADMIN", "620621110",
				"Suwu-Town-Admin-2026");
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString()).contains("该角色不能设在这一级地点");
		assertThat(count(username)).isZero();

		MockHttpServletResponse system = createAccount(townAdmin, username, "SYSTEM_ADMIN", "620621110",
				"Suwu-Town-Admin-2026");
		assertThat(system.getContentAsString()).contains("不能授予高于您自身的角色");
		assertThat(count(username)).isZero();

		// granting on an existing account in scope is refused the same way
		long partyMember = idOf("party-member");
		mvc.perform(post("/accounts/" + partyMember + "/roles").cookie(townAdmin)
			.with(csrf())
			.param("role", "COUNTY_ADMIN")
			.param("placeCode", "620621"));
		assertThat(jdbc.sql("select count(*) from role_assignment where account_id = :id and role = 'COUNTY_ADMIN'")
			.param("id", partyMember)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void validationMessagesComeInTheUsersLanguageAndKeepTheFormEntries() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", DEMO_PASSWORD);
		String username = "invalid-" + Long.toString(System.nanoTime(), 36);
		String chinese = createAccount(admin, username, "VILLAGE_CADRE", "620621110212", "short").getContentAsString();
		assertThat(chinese).contains("密码至少需要 12 个字符").contains("value=\"" + username + "\"");
		String english = mvc
			.perform(post("/accounts").cookie(admin)
				.cookie(new Cookie("XZLANG", "en"))
				.with(csrf())
				.param("submissionToken", WebSessions.formToken(mvc, admin, "/accounts/new"))
				.param("username", username)
				.param("displayName", "")
				.param("phone", "12345")
				.param("password", "short")
				.param("role", "VILLAGE_CADRE")
				.param("placeCode", "620621110212"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("Please enter an 11-digit mobile number")
			.contains("Please enter a name")
			.contains("at least 12 characters");
		assertThat(count(username)).isZero();
	}

	@Test
	void aDoubleSubmitOrRetryCreatesOneAccountAndAReusedFormIsRefused() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", DEMO_PASSWORD);
		String token = WebSessions.formToken(mvc, admin, "/accounts/new");
		String username = "twice-" + Long.toString(System.nanoTime(), 36);
		MockHttpServletResponse first = submit(admin, token, username);
		MockHttpServletResponse retry = submit(admin, token, username);
		assertThat(first.getRedirectedUrl()).isEqualTo("/accounts/" + idOf(username));
		assertThat(retry.getRedirectedUrl()).isEqualTo(first.getRedirectedUrl());
		assertThat(count(username)).isEqualTo(1);

		String other = "other-" + Long.toString(System.nanoTime(), 36);
		MockHttpServletResponse reused = submit(admin, token, other);
		assertThat(reused.getStatus()).isEqualTo(200);
		assertThat(reused.getContentAsString()).contains("此表单已用于提交其他内容");
		assertThat(count(other)).isZero();
	}

	@Test
	void concurrentDuplicatesCreateOneAccount() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", DEMO_PASSWORD);
		String token = WebSessions.formToken(mvc, admin, "/accounts/new");
		String username = "race-" + Long.toString(System.nanoTime(), 36);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			var results = new java.util.ArrayList<java.util.concurrent.Future<MockHttpServletResponse>>();
			for (int i = 0; i < 4; i++) {
				results.add(pool.submit(() -> submit(admin, token, username)));
			}
			for (var result : results) {
				assertThat(result.get().getRedirectedUrl()).isEqualTo("/accounts/" + idOf(username));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count(username)).isEqualTo(1);
	}

	private MockHttpServletResponse submit(Cookie admin, String token, String username) throws Exception {
		return mvc
			.perform(post("/accounts").cookie(admin)
				.with(csrf())
				.param("submissionToken", token)
				.param("username", username)
				.param("displayName", "重复提交")
				.param("phone", "")
				.param("password", "Retry-Safe-Account-26")
				.param("role", "PARTY_MEMBER")
				.param("placeCode", "620621110212"))
			.andReturn()
			.getResponse();
	}

	@Test
	void longListsArePagedWithButtonsThatResubmitTheSearchForm() throws Exception {
		var village = places.find("620621110201").orElseThrow();
		String prefix = "pg" + Long.toString(System.nanoTime(), 36);
		for (int i = 0; i < 21; i++) {
			org.xiangzhi.authz.MatrixFixtures.insertAccount(jdbc, prefix + "-" + i, village,
					org.xiangzhi.platform.Role.PARTY_MEMBER);
		}
		Cookie admin = WebSessions.login(mvc, "county-admin", DEMO_PASSWORD);
		String first = mvc.perform(get("/accounts").cookie(admin).param("q", prefix))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("form=\"account-search\"").contains("name=\"page\"").contains(prefix + "-0");
		String second = mvc.perform(get("/accounts").cookie(admin).param("q", prefix).param("page", "1"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains(prefix + "-9").doesNotContain(prefix + "-0<");
	}

}
