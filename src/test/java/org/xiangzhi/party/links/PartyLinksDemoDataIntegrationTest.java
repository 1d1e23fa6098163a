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
			// every household there was when the demo ran is linked; other tests sharing
			// the database may have registered households since
			assertThat(jdbc
				.sql("select count(*) from household h where h.village_code = '620621110212' and h.status = 'ACTIVE' "
						+ "and h.created_at <= (select min(l.since) from party_household_link l "
						+ "join household x on x.id = l.household_id where x.village_code = '620621110212') "
						+ "and not exists (select 1 from party_household_link l where l.household_id = h.id)")
				.query(Long.class)
				.single()).isZero();
			assertThat(coverage.covered()).isPositive();
		}
		else {
			assertThat(coverage.covered()).isZero();
		}
	}

}
