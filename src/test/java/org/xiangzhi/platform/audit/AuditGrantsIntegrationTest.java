package org.xiangzhi.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.xiangzhi.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checklist 22 on a real PostgreSQL: a role holding exactly the audit grants of
 * {@code docs/ops/postgresql-roles.sql} may append and read audit rows but is refused
 * UPDATE, DELETE and TRUNCATE. Skipped on H2, which has no comparable privileges. All
 * statements run in one transaction that is rolled back, so even a wrong grant could not
 * damage the shared chain.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.messages.basename=messages,i18n/audit")
class AuditGrantsIntegrationTest {

	static final String ROLE = "xz_audit_grants_test";

	static final Path SCRIPT = Path.of("docs/ops/postgresql-roles.sql");

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void onlyOnPostgresql() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()),
					"database privileges are tested on PostgreSQL only");
		}
	}

	@Test
	void theScriptGrantsOnlySelectAndInsertOnTheAuditLog() throws IOException {
		assertThat(auditGrants()).contains("GRANT SELECT, INSERT ON audit_event TO xiangzhi_app")
			.noneMatch(statement -> statement.startsWith("GRANT") && statement.contains("audit_event")
					&& (statement.contains("UPDATE") || statement.contains("DELETE") || statement.contains("TRUNCATE")
							|| statement.contains("ALL")));
	}

	@Test
	void theApplicationRoleMayAppendAndReadButNeverChangeOrRemoveAuditRows() throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			createTestRole(connection);
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL ROLE " + ROLE);

				assertDenied(connection, "UPDATE audit_event SET detail = detail WHERE seq = -1");
				assertDenied(connection, "DELETE FROM audit_event WHERE seq = -1");
				assertDenied(connection, "TRUNCATE audit_event");
				assertDenied(connection, "UPDATE audit_head SET anchor_seq = anchor_seq WHERE id = 1");
				assertDenied(connection, "DELETE FROM audit_head WHERE id = -1");

				long last;
				String lastHash;
				try (ResultSet head = statement
					.executeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")) {
					assertThat(head.next()).isTrue();
					last = head.getLong(1);
					lastHash = head.getString(2);
				}
				long seq = last + 1;
				int inserted = statement.executeUpdate("""
						INSERT INTO audit_event (seq, occurred_at, actor, action, outcome, prev_hash, hash)
						VALUES (%d, now(), 'grants-test', 'GRANTS_TEST', 'SUCCESS', '%s', '%s')
						""".formatted(seq, lastHash, "0".repeat(64)));
				assertThat(inserted).isOne();
				assertThat(statement.executeUpdate("UPDATE audit_head SET last_seq = %d WHERE id = 1".formatted(seq)))
					.isOne();
				try (ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM audit_event WHERE seq = %d".formatted(seq))) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getLong(1)).isOne();
				}
			}
			finally {
				connection.rollback();
				try (Statement statement = connection.createStatement()) {
					statement.execute("RESET ROLE");
				}
				connection.setAutoCommit(true);
			}
		}
	}

	private void createTestRole(Connection connection) throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE
					+ "') THEN CREATE ROLE " + ROLE + " NOLOGIN; END IF; END $$");
			statement.execute("GRANT USAGE ON SCHEMA public TO " + ROLE);
			for (String grant : auditGrants()) {
				statement.execute(grant.replace("xiangzhi_app", ROLE));
			}
		}
	}

	private static void assertDenied(Connection connection, String sql) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try (Statement statement = connection.createStatement()) {
			assertThatThrownBy(() -> statement.execute(sql)).as(sql)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("permission denied");
		}
		finally {
			connection.rollback(savepoint);
		}
	}

	/** The statements between the audit markers of the roles script. */
	static List<String> auditGrants() throws IOException {
		String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
		int begin = script.indexOf("-- BEGIN audit grants");
		int end = script.indexOf("-- END audit grants");
		assertThat(begin).as("audit grants section").isNotNegative().isLessThan(end);
		String section = script.substring(script.indexOf('\n', begin) + 1, end);
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : section.split("\n")) {
			if (line.strip().startsWith("--") || line.isBlank()) {
				continue;
			}
			current.append(current.isEmpty() ? "" : " ").append(line.strip());
			if (line.strip().endsWith(";")) {
				statements.add(current.substring(0, current.length() - 1));
				current.setLength(0);
			}
		}
		return statements;
	}

}
