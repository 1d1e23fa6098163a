package org.xiangzhi.party.links;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.party.HouseholdLinks;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.registry.HouseholdId;

@Repository
class JdbcHouseholdLinks implements HouseholdLinks {

	private final JdbcClient jdbc;

	JdbcHouseholdLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<MemberId> linkedMember(HouseholdId household) {
		return jdbc.sql("select member_id from party_household_link where household_id = :h and until is null")
			.param("h", household.value())
			.query((rs, i) -> new MemberId(rs.getLong(1)))
			.optional();
	}

	@Override
	public List<HouseholdId> linkedHouseholds(MemberId member) {
		return jdbc
			.sql("select household_id from party_household_link where member_id = :m and until is null "
					+ "order by household_id")
			.param("m", member.value())
			.query((rs, i) -> new HouseholdId(rs.getLong(1)))
			.list();
	}

}
