package org.xiangzhi.platform.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiangzhi.XiangzhiApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts the real application under {@code prod} and checks that it refuses unsafe
 * configurations. Overrides go in as command-line arguments: they outrank
 * {@code application*.yml} (and any {@code XIANGZHI_*} variable of the machine) and, like
 * {@link SpringApplicationBuilder#properties}, stay inside the one application run, so no
 * system property leaks into other tests.
 */
class ProductionProfileIntegrationTest {

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final String POSTGRES_HOST = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String POSTGRES_USER = "postgres";

	@TempDir
	Path tempDir;

	@Test
	void prodRefusesAnH2DatabaseAndCreatesNoDatabaseFile() throws Exception {
		Throwable failure = startupFailure("prod", false, "--spring.datasource.url=jdbc:h2:file:" + tempDir + "/x",
				"--xiangzhi.security.data-key=" + KEY);
		assertThat(messages(failure)).contains("Refusing to start under the prod profile")
			.contains("PostgreSQL")
			.doesNotContain("XIANGZHI_DATA_KEY", "demo");
		assertThat(tempDir.resolve("x.mv.db")).doesNotExist();
		try (Stream<Path> files = Files.list(tempDir)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void prodRefusesToStartWithoutADataKey() {
		Throwable failure = startupFailure("prod", false, "--spring.datasource.url=" + POSTGRES_HOST + "whatever",
				"--xiangzhi.security.data-key=");
		assertThat(messages(failure)).contains("Refusing to start under the prod profile")
			.contains("XIANGZHI_DATA_KEY")
			.doesNotContain("must point to PostgreSQL");
	}

	@Test
	void prodRefusesToStartWithDemoDataSwitchedOn() {
		Throwable failure = startupFailure("prod", false, "--spring.datasource.url=" + POSTGRES_HOST + "whatever",
				"--xiangzhi.security.data-key=" + KEY, "--xiangzhi.demo.enabled=true");
		assertThat(messages(failure)).contains("Refusing to start under the prod profile")
			.contains("demo data must be off")
			.doesNotContain("XIANGZHI_DATA_KEY", "must point to PostgreSQL");
	}

	@Test
	void prodRefusesToStartWhileDemoAccountsExist() throws SQLException {
		assumeTrue(postgresAnswers(), "no PostgreSQL server on 127.0.0.1:5432");
		String database = "xz_prodguard_" + System.nanoTime();
		execute("create database " + database);
		try {
			String url = "--spring.datasource.url=" + POSTGRES_HOST + database;
			String user = "--spring.datasource.username=" + POSTGRES_USER;
			String password = "--spring.datasource.password=";
			// the embedded way: migrates the database and loads the demo accounts
			try (ConfigurableApplicationContext context = application("test", true).run(url, user, password,
					"--server.port=0", "--xiangzhi.demo.enabled=true")) {
				assertThat(context.isActive()).isTrue();
			}
			assertThat(demoAccounts(database)).isPositive();

			Throwable failure = startupFailure("prod", true, url, user, password, "--server.port=0",
					"--xiangzhi.security.data-key=" + KEY, "--xiangzhi.demo.enabled=false");
			assertThat(messages(failure)).contains("Refusing to start under the prod profile")
				.contains(demoAccounts(database) + " demo accounts exist")
				.doesNotContain("must point to PostgreSQL", "XIANGZHI_DATA_KEY", "demo data must be off");
		}
		finally {
			execute("drop database if exists " + database + " with (force)");
		}
	}

	private static SpringApplicationBuilder application(String profile, boolean web) {
		return new SpringApplicationBuilder(XiangzhiApplication.class).profiles(profile)
			.registerShutdownHook(false)
			.properties("spring.main.banner-mode=off", "spring.main.log-startup-info=false",
					"spring.main.web-application-type=" + (web ? "servlet" : "none"));
	}

	/** Runs the application, closing it if it starts after all; the failure, or null. */
	private static Throwable startupFailure(String profile, boolean web, String... args) {
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		arguments.add("--logging.level.root=error");
		try (ConfigurableApplicationContext context = application(profile, web).run(arguments.toArray(String[]::new))) {
			assertThat(context.isActive()).as("the application started under %s", profile).isFalse();
			return null;
		}
		catch (RuntimeException ex) {
			return ex;
		}
	}

	private static String messages(Throwable failure) {
		assertThat(failure).as("start-up failure").isNotNull();
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause)
			.map(Throwable::toString)
			.collect(Collectors.joining("\n"));
	}

	private static boolean postgresAnswers() {
		DriverManager.setLoginTimeout(3);
		try (Connection connection = DriverManager.getConnection(POSTGRES_HOST + "postgres?connectTimeout=3",
				POSTGRES_USER, "")) {
			return connection.isValid(3);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static void execute(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES_HOST + "postgres", POSTGRES_USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long demoAccounts(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES_HOST + database, POSTGRES_USER, "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from account where demo = true")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
