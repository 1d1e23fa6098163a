package org.xiangzhi.party.links;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data ran at start-up: when 橙槽村 has members (the organisation section's demo),
 * every one of its households is linked; without members it did nothing.
 */
@IntegrationTest
class PartyLinksDemoDataIntegrationTest {

	@Autowired
	LinkDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyChengcaoHouseholdIsLinkedOnceItHasMembers() {
		String path = jdbc.sql("select org_path from place where code = '620621110212'").query(String.class).single();
		long members = jdbc
			.sql("select count(*) from party_member where org_path like :p and status = 'ACTIVE' and mobile = false")
			.param("p", path + "%")
			.query(Long.class)
			.single();
		LinkDesk.Coverage coverage = desk.coverage(TestActors.account(jdbc, "village-cadre"), "620621110212");
		if (members > 0) {
			assertThat(coverage.uncoveredCount()).isZero();
			assertThat(coverage.covered()).isEqualTo(coverage.households());
		}
		else {
			assertThat(coverage.covered()).isZero();
		}
	}

}
