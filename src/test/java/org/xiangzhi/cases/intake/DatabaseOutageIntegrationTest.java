package org.xiangzhi.cases.intake;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
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
 * Always on its own H2 server, also in CI's PostgreSQL pass: stopping the shared
 * PostgreSQL cluster from a test would break every other test running against it (the
 * PostgreSQL crash is {@code bench/durability.sh}).
 */
@IntegrationTest
class DatabaseOutageIntegrationTest {

	static final int PORT = freePort();

	static Server server = start();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://localhost:" + PORT
				+ "/mem:outage;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
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

	static Server start() {
		try {
			return Server.createTcpServer("-tcpPort", String.valueOf(PORT), "-ifNotExists").start();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterAll
	static void stopServer() {
		server.stop();
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
		String marker = ResidentForms.marker("outage");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		assertThat(status("/actuator/health/readiness")).isEqualTo(200);

		server.stop();
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
			server = start();
		}

		// back without a restart: the same form goes through once, with its receipt
		assertThat(status("/actuator/health/readiness")).isEqualTo(200);
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
