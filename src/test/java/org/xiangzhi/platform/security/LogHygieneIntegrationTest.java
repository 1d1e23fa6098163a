package org.xiangzhi.platform.security;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Security checklist 19: marker passwords, one-time codes and phone numbers sent through
 * the login, account and reveal flows never reach the log.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneIntegrationTest {

	static final String MARKER_PASSWORD = "Marker-Passw0rd-9731";

	static final String MARKER_WRONG_PASSWORD = "Marker-Wrong-Pass-4417";

	static final String MARKER_PHONE = "13797314417";

	static final String MARKER_OTP = "973144";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void secretsAndIdentifiersNeverAppearInTheLog(CapturedOutput output) throws Exception {
		String username = "log-" + Long.toString(System.nanoTime(), 36);
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		mvc.perform(post("/accounts").cookie(admin)
			.with(csrf())
			.param("submissionToken", WebSessions.formToken(mvc, admin, "/accounts/new"))
			.param("username", username)
			.param("displayName", "日志检查")
			.param("phone", MARKER_PHONE)
			.param("password", MARKER_PASSWORD)
			.param("role", "VILLAGE_CADRE")
			.param("placeCode", "620621110212"));
		long id = jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		mvc.perform(post("/accounts/" + id + "/phone").cookie(admin).with(csrf()));
		WebSessions.postLogin(mvc, username, MARKER_WRONG_PASSWORD, "10.19.0.1");
		Cookie user = WebSessions.login(mvc, username, MARKER_PASSWORD);
		mvc.perform(post("/login/totp").cookie(user).with(csrf()).param("code", MARKER_OTP));
		mvc.perform(post("/account/password").cookie(user)
			.with(csrf())
			.param("currentPassword", MARKER_WRONG_PASSWORD)
			.param("newPassword", MARKER_PASSWORD + "x")
			.param("confirmPassword", MARKER_PASSWORD + "x"));

		assertThat(output.getAll()).doesNotContain(MARKER_PASSWORD)
			.doesNotContain(MARKER_WRONG_PASSWORD)
			.doesNotContain(MARKER_PHONE)
			.doesNotContain(MARKER_PHONE.substring(3))
			.doesNotContain(MARKER_OTP);
	}

}
