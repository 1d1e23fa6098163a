package org.xiangzhi.party.org;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The party demo data matches the seeds: 橙槽村党支部 with 52 members of whom 9 are women in 3
 * grid party groups (each in the group of their grid), one secretary, a leader per group,
 * the demo account on an ordinary member; 清水镇 with 4 temporary branches and 35 pioneer
 * posts. A second run adds nothing.
 */
@IntegrationTest
class PartyDemoDataIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PartyDemoData demo;

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	static final String BRANCH = "(select id from party_org where kind = 'BRANCH' and place_code = '620621110212' "
			+ "and name = '橙槽村党支部')";

	static final String TREE = "(select id from party_org where id in " + BRANCH + " or parent_id in " + BRANCH + ")";

	@Test
	void chengcaoAndQingshuiLookAsTheSeedsSay() {
		assertThat(count("select count(*) from party_org where kind = 'TOWN_COMMITTEE' and place_code = '620621110' "
				+ "and name = '苏武镇党委'"))
			.isEqualTo(1);
		assertThat(count("select count(*) from party_org where kind = 'GRID_GROUP' and parent_id in " + BRANCH))
			.isEqualTo(3);
		assertThat(count("select count(*) from party_member where org_id in " + TREE)).isEqualTo(52);
		assertThat(count("select count(*) from party_member m join resident r on r.id = m.resident_id "
				+ "where r.gender = 'FEMALE' and m.org_id in " + TREE))
			.isEqualTo(9);
		// each member sits in the group of the grid their household lies in
		assertThat(count("select count(*) from party_member m join resident r on r.id = m.resident_id "
				+ "join household h on h.id = r.household_id join party_org o on o.id = m.org_id "
				+ "where m.org_id in " + TREE + " and (o.kind <> 'GRID_GROUP' or o.place_code <> h.grid_code)"))
			.isZero();
		assertThat(count("select count(*) from party_position where position = 'SECRETARY' and until is null "
				+ "and org_id in " + BRANCH))
			.isEqualTo(1);
		assertThat(count("select count(*) from party_position where position = 'GROUP_LEADER' and until is null "
				+ "and org_id in " + TREE))
			.isEqualTo(3);
		// the demo member account: an ordinary member, holding no position
		assertThat(count("select count(*) from party_member m join account a on a.id = m.account_id "
				+ "where a.username = 'party-member' and m.org_id in " + TREE + " and not exists "
				+ "(select 1 from party_position p where p.member_id = m.id)"))
			.isEqualTo(1);
		assertThat(count("select count(*) from party_plaque q join party_member m on m.id = q.member_id "
				+ "where m.org_id in " + TREE))
			.isPositive();
		assertThat(count("select count(*) from party_org where kind = 'TEMPORARY_BRANCH' and place_code = '620902101'"))
			.isEqualTo(4);
		assertThat(count("select count(*) from party_org t join party_org c on c.id = t.parent_id where "
				+ "t.kind = 'TEMPORARY_BRANCH' and t.place_code = '620902101' and c.kind = 'TOWN_COMMITTEE' "
				+ "and t.purpose is not null and t.starts_on is not null and t.ends_on is not null"))
			.isEqualTo(4);
		assertThat(count("select count(*) from party_pioneer_post where org_path like '%/620902101/%'")).isEqualTo(35);
	}

	@Test
	void aSecondRunAddsNothing() {
		long orgs = count("select count(*) from party_org");
		long members = count("select count(*) from party_member");
		long posts = count("select count(*) from party_pioneer_post");
		demo.run(new DefaultApplicationArguments());
		assertThat(count("select count(*) from party_org")).isEqualTo(orgs);
		assertThat(count("select count(*) from party_member")).isEqualTo(members);
		assertThat(count("select count(*) from party_pioneer_post")).isEqualTo(posts);
	}

}
