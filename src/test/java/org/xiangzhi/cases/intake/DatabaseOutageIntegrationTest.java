package org.xiangzhi.cases.intake;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;

/**
 * Security checklist 31, with the database really stopped: the application talks to an H2
 * server over TCP, and the test stops that server (every connection is cut, new ones are
 * refused — what a stopped PostgreSQL looks like to the pool) and starts it again. The
 * report form answers 503 within 3 s and issues no receipt, readiness is 503 while
 * liveness stays 200, login is denied, and all of it recovers without a restart.
 *
 * <p>
 * Skipped on H2: its TCP server closes an in-memory database when the relay cuts the
 * connections, so "recovery" cannot be shown there. The PostgreSQL crash itself is
 * {@code bench/durability.sh}.
 */
@IntegrationTest
class DatabaseOutageIntegrationTest {

	/** The PostgreSQL of CI's database pass, if this run has one. */
	static final URI POSTGRESQL = postgresql();

	static final int PORT = freePort();

	static final DatabaseSwitch database = POSTGRESQL == null ? null
			: new DatabaseSwitch(PORT, POSTGRESQL.getHost(), POSTGRESQL.getPort() < 0 ? 5432 : POSTGRESQL.getPort());

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) throws Exception {
		if (database == null) {
			return;
		}
		database.on();
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PORT + POSTGRESQL.getRawPath()
				+ (POSTGRESQL.getRawQuery() == null ? "" : "?" + POSTGRESQL.getRawQuery()));
	}

	static URI postgresql() {
		String url = System.getenv("XIANGZHI_TEST_DB_URL");
		return url != null && url.startsWith("jdbc:postgresql://") ? URI.create(url.substring(5)) : null;
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void switchOff() throws Exception {
		if (database != null) {
			database.off();
		}
	}

	long casesWith(String marker) {
		return jdbc.sql("select count(*) from case_record where description = :m")
			.param("m", marker)
			.query(Long.class)
			.single();
	}

	int status(String path) throws Exception {
		return mvc.perform(get(path)).andReturn().getResponse().getStatus();
	}

	@Test
	void withTheDatabaseStoppedTheFormAnswers503FastAndEverythingRecoversWithoutARestart() throws Exception {
		Assumptions.assumeTrue(database != null,
				"runs in the PostgreSQL pass (XIANGZHI_TEST_DB_URL): H2's TCP server closes its database "
						+ "when the relay cuts the connections");
		String marker = ResidentForms.marker("outage");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		assertThat(status("/actuator/health/readiness")).isEqualTo(200);

		database.off();
		try {
			Instant start = Instant.now();
			MockHttpServletResponse sent = mvc
				.perform(ResidentForms.report(CHENGCAO, form.token(), "other", marker, address))
				.andReturn()
				.getResponse();
			Duration took = Duration.between(start, Instant.now());
			assertThat(sent.getStatus()).isEqualTo(503);
			assertThat(took).isLessThan(Duration.ofSeconds(3));
			assertThat(sent.getRedirectedUrl()).isNull();
			assertThat(sent.getContentAsString()).contains("暂时无法提交").doesNotContain("/track/");

			start = Instant.now();
			MockHttpServletResponse page = mvc.perform(get("/r/{code}", CHENGCAO)).andReturn().getResponse();
			assertThat(page.getStatus()).isEqualTo(503);
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));

			assertThat(status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(status("/actuator/health/liveness")).isEqualTo(200);

			// the login fails: either the failure page or, when the session cannot be
			// stored, an error (a 500 in a servlet container); never a signed-in session
			boolean signedIn;
			try {
				MockHttpServletResponse login = WebSessions.postLogin(mvc, "village-cadre", "Xiangzhi@2026",
						ResidentForms.freshAddress());
				signedIn = login.getStatus() == 302 && "/".equals(login.getRedirectedUrl());
			}
			catch (Exception ex) {
				signedIn = false;
			}
			assertThat(signedIn).as("login denied").isFalse();
		}
		finally {
			database.on();
		}

		// back without a restart (the pool needs a moment to replace its broken
		// connections): the same form goes through once, with its receipt
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.pollInterval(java.time.Duration.ofMillis(250))
			.until(() -> status("/actuator/health/readiness") == 200);
		assertThat(casesWith(marker)).isZero();
		MockHttpServletResponse again = mvc
			.perform(ResidentForms.report(CHENGCAO, form.token(), "other", marker, address))
			.andReturn()
			.getResponse();
		assertThat(ResidentForms.trackingCode(again)).isNotBlank();
		assertThat(casesWith(marker)).isEqualTo(1);
		assertThat(status("/r/" + CHENGCAO)).isEqualTo(200);
	}

}
