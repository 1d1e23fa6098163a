package org.xiangzhi.cases.intake;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security checklist 30 (the part a test can check): on PostgreSQL the application's
 * sessions commit synchronously, so a receipt is only shown for a report whose commit
 * reached the WAL on disk. The crash itself is {@code bench/durability.sh}. Skipped on
 * H2.
 */
@IntegrationTest
class SynchronousCommitIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theApplicationsSessionsCommitSynchronouslyOnPostgresql() throws Exception {
		String product;
		try (var connection = dataSource.getConnection()) {
			product = connection.getMetaData().getDatabaseProductName();
		}
		Assumptions.assumeTrue("PostgreSQL".equals(product), "synchronous_commit is a PostgreSQL setting");
		assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
	}

}
