package org.xiangzhi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationStartsIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migratesTheDatabase() {
		assertThat(jdbc.sql("select count(*) from audit_head").query(Integer.class).single()).isEqualTo(1);
	}

}
