package org.xiangzhi.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

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
import org.xiangzhi.platform.account.LoginAttempts;
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

	@Autowired
	LoginAttempts attempts;

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
		Instant lockedUntil = lockedUntil(user);
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

	/** Runs {@code count} tasks released at the same moment and returns their results. */
	private static <T> List<T> atOnce(int count, IntFunction<Callable<T>> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Callable<T> body = task.apply(i);
				futures.add(pool.submit(() -> {
					start.await();
					return body.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * {@code count} login posts at once; a password other than {@link #PASSWORD} gets a
	 * different suffix in each.
	 */
	private List<MockHttpServletResponse> concurrentLogins(int count, String username, String password, String address)
			throws Exception {
		return atOnce(count, i -> () -> WebSessions.postLogin(mvc, username,
				password.equals(PASSWORD) ? password : password + "-" + i, address));
	}

	private static String freshAddress() {
		long n = System.nanoTime();
		return "10.21." + (n / 200 % 200) + "." + (n % 200 + 1);
	}

	@Test
	void concurrentWrongPasswordsAreEachCountedAuditedAndThrottledWithoutAnyError() throws Exception {
		String user = newCadre(true);
		String address = freshAddress();
		List<MockHttpServletResponse> responses = concurrentLogins(8, user, "Wrong-Password", address);
		for (MockHttpServletResponse response : responses) {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).endsWith("/login?error");
		}
		// the fifth failure locks and restarts the count; failures against the lock are
		// not counted
		var state = jdbc.sql("select failed_attempts, locked_until from account where username = :u")
			.param("u", user)
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getTimestamp(2) })
			.single();
		assertThat(state[0]).isEqualTo(0);
		assertThat(((java.sql.Timestamp) state[1]).toInstant()).isAfter(Instant.now().plus(Duration.ofMinutes(14)));
		assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(8);
		assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, address).getRedirectedUrl()).endsWith("/login?error");

		// the address throttle saw all 9 failures: 11 more reach its limit of 20 ...
		for (int i = 0; i < 11; i++) {
			assertThat(
					WebSessions.postLogin(mvc, "nobody-" + i + "-" + System.nanoTime(), "Spray-Password-2026", address)
						.getStatus())
				.isEqualTo(302);
		}
		// ... and the next attempt from that address is refused before any password check
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, address).getStatus()).isEqualTo(429);
	}

	@Test
	void concurrentCorrectLoginsOfOneAccountAllSucceed() throws Exception {
		String user = newCadre(true);
		jdbc.sql("update account set failed_attempts = 3 where username = :u").param("u", user).update();
		List<MockHttpServletResponse> responses = concurrentLogins(8, user, PASSWORD, freshAddress());
		for (MockHttpServletResponse response : responses) {
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(response.getRedirectedUrl()).isEqualTo("/");
			assertThat(response.getCookie(COOKIE)).isNotNull();
		}
		assertThat(audited(user, "LOGIN_SUCCEEDED")).isEqualTo(8);
		assertThat(jdbc.sql("select failed_attempts from account where username = :u")
			.param("u", user)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select last_login_at from account where username = :u")
			.param("u", user)
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
	}

	@Test
	void wrongPasswordsCountTowardsTheLockoutWhateverTheCaseOfTheUsername() throws Exception {
		String user = newCadre(true);
		String address = freshAddress();
		List<String> spellings = List.of(user.toUpperCase(java.util.Locale.ROOT), " " + user,
				Character.toUpperCase(user.charAt(0)) + user.substring(1), user + " ",
				user.toUpperCase(java.util.Locale.ROOT));
		for (String spelling : spellings) {
			assertThat(WebSessions.postLogin(mvc, spelling, "Wrong-Password", address).getRedirectedUrl())
				.endsWith("/login?error");
		}
		assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(5);
		assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, address).getRedirectedUrl()).endsWith("/login?error");
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

	/** A fresh cadre enrolled in the second factor with the code of the current step. */
	private record Enrolled(String username, long id, String secret, long step) {
	}

	private Enrolled newCadreWithSecondFactor() {
		String user = newCadre(true);
		long id = jdbc.sql("select id from account where username = :u").param("u", user).query(Long.class).single();
		String secret = Totp.newSecret();
		long now = Totp.step(Instant.now());
		secondFactor.enrol(id, secret, Totp.code(secret, now));
		return new Enrolled(user, id, secret, now);
	}

	@Test
	void afterThePasswordStepAloneNothingButTheSecondFactorIsReachable() throws Exception {
		Enrolled enrolled = newCadreWithSecondFactor();
		String user = enrolled.username();
		String secret = enrolled.secret();
		long now = enrolled.step();

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
	void ofConcurrentRequestsWithOneSecondFactorCodeExactlyOneIsAccepted() throws Exception {
		Enrolled enrolled = newCadreWithSecondFactor();
		String code = Totp.code(enrolled.secret(), enrolled.step() + 1);
		List<Boolean> accepted = atOnce(4, i -> () -> secondFactor.verify(enrolled.id(), code));
		assertThat(accepted).containsOnlyOnce(true);
	}

	/** The password step of {@code username} from {@code address}; its session cookie. */
	private Cookie passwordStep(String username, String address) throws Exception {
		MockHttpServletResponse response = WebSessions.postLogin(mvc, username, PASSWORD, address);
		assertThat(response.getRedirectedUrl()).isEqualTo("/");
		return response.getCookie(COOKIE);
	}

	private MockHttpServletResponse postCode(Cookie session, String code, String address) throws Exception {
		return mvc.perform(post("/login/totp").cookie(session).with(csrf()).with(from(address)).param("code", code))
			.andReturn()
			.getResponse();
	}

	/** A code that no step near now has, so it is wrong however long the test runs. */
	private static String wrongCode(String secret) {
		long now = Totp.step(Instant.now());
		List<String> near = new ArrayList<>();
		for (long step = now - 2; step <= now + 4; step++) {
			near.add(Totp.code(secret, step));
		}
		for (int digit = 0;; digit++) {
			String candidate = String.valueOf(digit).repeat(Totp.DIGITS);
			if (!near.contains(candidate)) {
				return candidate;
			}
		}
	}

	/** The right code of a step later than any the account has used. */
	private static String rightCode(Enrolled enrolled) {
		return Totp.code(enrolled.secret(), Totp.step(Instant.now()) + 1);
	}

	/** Sends {@code times} codes in the session; each must be refused. */
	private void refuseCodes(Cookie session, String code, String address, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			assertThat(postCode(session, code, address).getRedirectedUrl()).endsWith("/login/totp?error");
		}
	}

	private int failedAttempts(String username) {
		return jdbc.sql("select failed_attempts from account where username = :u")
			.param("u", username)
			.query(Integer.class)
			.single();
	}

	private Instant lockedUntil(String username) {
		return jdbc.sql("select locked_until from account where username = :u")
			.param("u", username)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private Long totpLastStep(String username) {
		return jdbc.sql("select totp_last_step from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	private boolean isNull(String username, String column) {
		return jdbc.sql("select count(*) from account where username = :u and " + column + " is null")
			.param("u", username)
			.query(Long.class)
			.single() == 1;
	}

	private long auditedWithDetail(String username, String action, String detail) {
		return jdbc.sql("select count(*) from audit_event where actor = :u and action = :a and detail = :d")
			.param("u", username)
			.param("a", action)
			.param("d", detail)
			.query(Long.class)
			.single();
	}

	@Test
	void fiveWrongSecondFactorCodesLockTheAccountEvenWhenThePasswordIsEnteredAgainBetweenThem() throws Exception {
		Enrolled enrolled = newCadreWithSecondFactor();
		String user = enrolled.username();
		String address = freshAddress();
		String wrong = wrongCode(enrolled.secret());

		Cookie first = passwordStep(user, address);
		refuseCodes(first, wrong, address, 3);
		assertThat(failedAttempts(user)).isEqualTo(3);
		// the right password alone does not start the count again
		Cookie second = passwordStep(user, address);
		assertThat(failedAttempts(user)).isEqualTo(3);
		refuseCodes(second, wrong, address, 2);

		Instant lockedUntil = lockedUntil(user);
		assertThat(Duration.between(Instant.now(), lockedUntil)).isBetween(Duration.ofMinutes(14),
				Duration.ofMinutes(15));
		assertThat(auditedWithDetail(user, "LOGIN_FAILED", "second_factor")).isEqualTo(5);
		assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
		assertThat(audited(user, "LOGIN_SUCCEEDED")).isZero();

		// while locked, neither the right password nor the right code gets in
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, address).getRedirectedUrl()).endsWith("/login?error");
		assertThat(postCode(second, rightCode(enrolled), address).getRedirectedUrl()).endsWith("/login/totp?error");
		assertThat(mvc.perform(get("/").cookie(second)).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login/totp");
		assertThat(auditedWithDetail(user, "LOGIN_FAILED", "locked")).isEqualTo(2);
		assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
		assertThat(audited(user, "LOGIN_SUCCEEDED")).isZero();
		assertThat(totpLastStep(user)).isEqualTo(enrolled.step());
	}

	@Test
	void wrongSecondFactorCodesCountTowardsTheAddressThrottle() throws Exception {
		Enrolled enrolled = newCadreWithSecondFactor();
		String address = freshAddress();
		Cookie session = passwordStep(enrolled.username(), address);
		refuseCodes(session, wrongCode(enrolled.secret()), address, 4);
		// 4 wrong codes and 15 wrong passwords are one short of the limit of 20 ...
		for (int i = 0; i < 15; i++) {
			assertThat(
					WebSessions.postLogin(mvc, "nobody-" + i + "-" + System.nanoTime(), "Spray-Password-2026", address)
						.getStatus())
				.isEqualTo(302);
		}
		assertThat(WebSessions.postLogin(mvc, enrolled.username(), PASSWORD, address).getStatus()).isEqualTo(302);
		// ... which one more failure reaches
		assertThat(
				WebSessions.postLogin(mvc, "nobody-" + System.nanoTime(), "Spray-Password-2026", address).getStatus())
			.isEqualTo(302);
		assertThat(WebSessions.postLogin(mvc, enrolled.username(), PASSWORD, address).getStatus()).isEqualTo(429);
		// and the second-factor step from that address too, even with the right code,
		// which stays unused
		assertThat(postCode(session, rightCode(enrolled), address).getStatus()).isEqualTo(429);
		assertThat(audited(enrolled.username(), "LOGIN_SUCCEEDED")).isZero();
		assertThat(totpLastStep(enrolled.username())).isEqualTo(enrolled.step());
	}

	@Test
	void aLoginCompletedAfterAConcurrentFailureLockedTheAccountLeavesThatLock() throws Exception {
		String user = newCadre(true);
		long id = jdbc.sql("select id from account where username = :u").param("u", user).query(Long.class).single();
		// the right password's checks passed; meanwhile the fifth wrong password locked
		// the account
		for (int i = 0; i < 5; i++) {
			attempts.failed(user, "bad_credentials");
		}
		Instant lockedUntil = lockedUntil(user);
		attempts.succeeded(id);
		assertThat(lockedUntil(user)).isEqualTo(lockedUntil);
		assertThat(WebSessions.postLogin(mvc, user, PASSWORD, freshAddress()).getRedirectedUrl())
			.endsWith("/login?error");

		// an expired lock is cleared by the next completed login, and the count starts
		// again
		jdbc.sql("update account set locked_until = :past, failed_attempts = 2 where username = :u")
			.param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1)))
			.param("u", user)
			.update();
		attempts.succeeded(id);
		assertThat(isNull(user, "locked_until")).isTrue();
		assertThat(failedAttempts(user)).isZero();
	}

	@Test
	void onlyTheAcceptedSecondFactorCodeCompletesTheLoginAndStartsTheCountAgain() throws Exception {
		Enrolled enrolled = newCadreWithSecondFactor();
		String user = enrolled.username();
		String address = freshAddress();
		String wrong = wrongCode(enrolled.secret());
		Cookie first = passwordStep(user, address);
		refuseCodes(first, wrong, address, 3);
		Cookie second = passwordStep(user, address);
		assertThat(failedAttempts(user)).isEqualTo(3);
		assertThat(audited(user, "LOGIN_SUCCEEDED")).isZero();
		assertThat(isNull(user, "last_login_at")).isTrue();

		MockHttpServletResponse verified = postCode(second, rightCode(enrolled), address);
		assertThat(verified.getRedirectedUrl()).isEqualTo("/");
		assertThat(failedAttempts(user)).isZero();
		assertThat(audited(user, "LOGIN_SUCCEEDED")).isEqualTo(1);
		assertThat(isNull(user, "last_login_at")).isFalse();

		// the count really started again: four more wrong codes do not lock
		Cookie third = passwordStep(user, address);
		refuseCodes(third, wrong, address, 4);
		assertThat(failedAttempts(user)).isEqualTo(4);
		assertThat(isNull(user, "locked_until")).isTrue();
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
