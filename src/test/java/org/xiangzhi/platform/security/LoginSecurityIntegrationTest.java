package org.xiangzhi.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.platform.WebSessions;
import org.xiangzhi.platform.account.AccountService;
import org.xiangzhi.platform.account.SecondFactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.xiangzhi.platform.WebSessions.COOKIE;
import static org.xiangzhi.platform.WebSessions.from;

/**
 * Login and session rules of 等保 2.0 level 3 / ASVS L2 (security checklist 1–5, 21),
 * through the real filter chain and the real session store.
 */
@IntegrationTest
class LoginSecurityIntegrationTest {

	static final String PASSWORD = "Grid-Duty-Roster-2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	SecondFactor secondFactor;

	/** A fresh village cadre of 橙槽村 whose initial password is already changed. */
	private String newCadre(boolean initialPasswordChanged) {
		String username = "sec-" + Long.toString(System.nanoTime(), 36);
		Actor admin = TestActors.systemAdmin();
		accounts.create(admin,
				new AccountService.NewAccount(username, "测试村干部", "", PASSWORD, Role.VILLAGE_CADRE, "620621110212"));
		if (initialPasswordChanged) {
			jdbc.sql("update account set must_change_password = false where username = :u")
				.param("u", username)
				.update();
		}
		return username;
	}

	private long audited(String username, String action) {
		return jdbc.sql("select count(*) from audit_event where actor = :u and action = :a")
			.param("u", username)
			.param("a", action)
			.query(Long.class)
			.single();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutesEvenForTheRightPassword() throws Exception {
		String user = newCadre(true);
		for (int i = 0; i < 5; i++) {
			assertThat(WebSessions.postLogin(mvc, user, "Wrong-Password-" + i, "10.20.0.1").getRedirectedUrl())
				.endsWith("/login?error");
		}
		Instant lockedUntil = jdbc.sql("select locked_until from account where username = :u")
			.param("u", user)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(Duration.between(Instant.now(), lockedUntil)).isBetween(Duration.ofMinutes(14),
				Duration.ofMinutes(15));
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, "10.20.0.1").getRedirectedUrl()).endsWith("/login?error");
		assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(6);
		assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);

		// fifteen minutes later
		jdbc.sql("update account set locked_until = :past where username = :u")
			.param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
			.param("u", user)
			.update();
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, "10.20.0.1").getRedirectedUrl()).doesNotContain("error");
		assertThat(audited(user, "LOGIN_SUCCEEDED")).isEqualTo(1);
	}

	@Test
	void aPasswordSprayFromOneAddressGetsAGeneric429EvenWithRightCredentials() throws Exception {
		String sprayer = "10.66." + (System.nanoTime() % 200) + ".7";
		for (int i = 0; i < 20; i++) {
			WebSessions.postLogin(mvc, "nobody-" + i + "-" + System.nanoTime(), "Spray-Password-2026", sprayer);
		}
		MockHttpServletResponse blocked = WebSessions.postLogin(mvc, "county-admin", "Xiangzhi@2026", sprayer);
		assertThat(blocked.getStatus()).isEqualTo(429);
		assertThat(blocked.getContentAsString()).doesNotContain("county-admin");
		assertThat(WebSessions.postLogin(mvc, "county-admin", "Xiangzhi@2026", "10.67.0.1").getStatus()).isEqualTo(302);
	}

	@Test
	void theSessionIdChangesAtLoginAndTheOldOneIsWorthNothing() throws Exception {
		Cookie anonymous = mvc.perform(get("/login")).andReturn().getResponse().getCookie(COOKIE);
		assertThat(anonymous).isNotNull();
		MockHttpServletResponse login = WebSessions.postLogin(mvc, "county-admin", "Xiangzhi@2026", "127.0.0.1",
				anonymous);
		Cookie authenticated = login.getCookie(COOKIE);
		assertThat(authenticated.getValue()).isNotEqualTo(anonymous.getValue());
		assertThat(mvc.perform(get("/").cookie(authenticated)).andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/").cookie(anonymous)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void sessionCookiesAreHttpOnlyAndSameSite() throws Exception {
		String header = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Set-Cookie");
		assertThat(header).startsWith(COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void afterThirtyOneIdleMinutesTheSessionIsGone() throws Exception {
		Cookie session = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(200);
		String id = WebSessions.sessionId(session);
		assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(30 * 60);
		long thirtyOneMinutes = Duration.ofMinutes(31).toMillis();
		jdbc.sql(
				"update spring_session set last_access_time = last_access_time - :idle, expiry_time = expiry_time - :idle "
						+ "where session_id = :id")
			.param("idle", thirtyOneMinutes)
			.param("id", id)
			.update();
		assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void logoutInvalidatesTheSession() throws Exception {
		Cookie session = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		assertThat(
				mvc.perform(post("/logout").with(csrf()).cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login?logout");
		assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
		assertThat(audited("county-admin", "LOGOUT")).isPositive();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		Cookie session = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		var withoutToken = post("/accounts").cookie(session).param("username", "csrf-victim").param("displayName", "x");
		assertThat(mvc.perform(withoutToken).andReturn().getResponse().getStatus()).isEqualTo(403);
		var forgedToken = post("/accounts").cookie(session).param("_csrf", "forged").param("username", "csrf-victim");
		assertThat(mvc.perform(forgedToken).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from account where username = 'csrf-victim'").query(Long.class).single())
			.isZero();
	}

	@Test
	void pagesCarryStrictSecurityHeaders() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/login")).andReturn().getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
	}

	@Test
	void anInitialPasswordMustBeChangedBeforeAnythingElse() throws Exception {
		String user = newCadre(false);
		Cookie session = WebSessions.login(mvc, user, PASSWORD);
		assertThat(mvc.perform(get("/").cookie(session)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/account/password");
		assertThat(mvc.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(401);
		MockHttpServletResponse changed = mvc
			.perform(post("/account/password").cookie(session)
				.with(csrf())
				.param("currentPassword", PASSWORD)
				.param("newPassword", "Changed-On-First-Login-7")
				.param("confirmPassword", "Changed-On-First-Login-7"))
			.andReturn()
			.getResponse();
		assertThat(changed.getRedirectedUrl()).isEqualTo("/");
		Cookie after = changed.getCookie(COOKIE) != null ? changed.getCookie(COOKIE) : session;
		assertThat(mvc.perform(get("/").cookie(after)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void afterThePasswordStepAloneNothingButTheSecondFactorIsReachable() throws Exception {
		String user = newCadre(true);
		long id = jdbc.sql("select id from account where username = :u").param("u", user).query(Long.class).single();
		String secret = Totp.newSecret();
		long now = Totp.step(Instant.now());
		secondFactor.enrol(id, secret, Totp.code(secret, now));

		Cookie session = WebSessions.login(mvc, user, PASSWORD);
		for (String path : List.of("/", "/account", "/accounts", "/account/password")) {
			assertThat(mvc.perform(get(path).cookie(session)).andReturn().getResponse().getRedirectedUrl()).as(path)
				.endsWith("/login/totp");
		}
		assertThat(mvc.perform(get("/api/v1/me").cookie(session)).andReturn().getResponse().getStatus()).isEqualTo(401);
		assertThat(mvc.perform(post("/login/totp").cookie(session).with(csrf()).param("code", "000000"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/login/totp?error");

		String code = Totp.code(secret, now + 1);
		MockHttpServletResponse verified = mvc
			.perform(post("/login/totp").cookie(session).with(csrf()).param("code", code))
			.andReturn()
			.getResponse();
		assertThat(verified.getRedirectedUrl()).isEqualTo("/");
		Cookie full = verified.getCookie(COOKIE) != null ? verified.getCookie(COOKIE) : session;
		assertThat(mvc.perform(get("/").cookie(full)).andReturn().getResponse().getStatus()).isEqualTo(200);

		// the same code cannot be replayed in another session
		Cookie second = WebSessions.login(mvc, user, PASSWORD);
		assertThat(mvc.perform(post("/login/totp").cookie(second).with(csrf()).param("code", code))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/login/totp?error");
	}

	@Test
	void aWeakPasswordIsRefusedWithTheRulesItBreaks() {
		Actor admin = TestActors.systemAdmin();
		String username = "weak-" + Long.toString(System.nanoTime(), 36);
		for (String weak : List.of("short", "alllowercaseletters", "Woaini1314!!", "Password2024!")) {
			assertThat(
					org.assertj.core.api.Assertions
						.catchThrowableOfType(org.xiangzhi.platform.InvalidInputException.class,
								() -> accounts
									.create(admin,
											new AccountService.NewAccount(username, "弱密码", "", weak, Role.VILLAGE_CADRE,
													"620621110212")))
						.messageKeys())
				.as(weak)
				.isNotEmpty();
		}
		assertThat(jdbc.sql("select count(*) from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single()).isZero();
	}

}
