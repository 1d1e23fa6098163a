package org.xiangzhi.cases.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo cases load once, at every stage, and a second start adds nothing. */
@IntegrationTest
class CasesDemoDataIntegrationTest {

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.xiangzhi.platform.Staff staff;

	@Test
	void demoCasesCoverTheWorkflowAndLoadOnce() {
		CasesDemoData demo = new CasesDemoData(desk, photos, jdbc, staff);
		demo.run(null);
		long first = count();
		demo.run(null);
		assertThat(count()).isEqualTo(first);
		assertThat(jdbc
			.sql("select distinct status from case_record where id >= "
					+ "(select id from case_record where description = :d)")
			.param("d", CasesDemoData.FIRST)
			.query(String.class)
			.list()).contains("SUBMITTED", "ACCEPTED", "DISPATCHED", "HANDLED", "CLOSED");
		assertThat(jdbc.sql("select count(*) from case_record where description = :d")
			.param("d", CasesDemoData.FIRST)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select grid_code from case_record where description = :d")
			.param("d", CasesDemoData.FIRST)
			.query(String.class)
			.single()).isEqualTo("620621110212G01");
	}

	private long count() {
		return jdbc.sql("select count(*) from case_record").query(Long.class).single();
	}

}
