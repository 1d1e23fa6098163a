package org.xiangzhi.party.visits;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.registry.HouseholdId;

/**
 * Members with accounts and linked households of the visits tests, made in 珍宝村 (or
 * wherever asked) so that the demo data of 橙槽村 stays as it is.
 */
final class VisitFixtures {

	static final String ZHENBAO = "620621116202";

	static final String CHENGCAO = "620621110212";

	private VisitFixtures() {
	}

	/** A member with a party-member account, and the actor of that account. */
	record SignedInMember(MemberId member, long accountId, Actor actor) {
	}

	static PartyOrgId branch(JdbcClient jdbc, String placeCode) {
		return PartyFixtures.org(jdbc, OrgKind.BRANCH, placeCode, null,
				"走访测试支部-" + Long.toString(System.nanoTime(), 36));
	}

	static SignedInMember member(JdbcClient jdbc, Places places, PartyOrgId org, String placeCode) {
		Place place = places.find(placeCode).orElseThrow();
		String username = "visit-member-" + Long.toString(System.nanoTime(), 36);
		long account = MatrixFixtures.insertAccount(jdbc, username, place, Role.PARTY_MEMBER);
		long resident = PartyFixtures.residentsNotMembers(jdbc, placeCode, 1).get(0);
		MemberId member = PartyFixtures.member(jdbc, org, resident, account);
		Actor actor = new Actor(account, username,
				List.of(new Actor.Assignment(Role.PARTY_MEMBER, place.code(), place.path())));
		return new SignedInMember(member, account, actor);
	}

	/**
	 * A household of the village no member looks after yet and without mandatory visits.
	 */
	static HouseholdId freeHousehold(JdbcClient jdbc, String villageCode) {
		return new HouseholdId(jdbc
			.sql("select h.id from household h where h.village_code = :v and h.status = 'ACTIVE' and not exists "
					+ "(select 1 from party_household_link l where l.household_id = h.id and l.until is null) "
					+ "and not exists (select 1 from party_visit_task t where t.household_id = h.id) "
					+ "order by h.id desc fetch first 1 rows only")
			.param("v", villageCode)
			.query(Long.class)
			.single());
	}

	/**
	 * A household of the village without mandatory visits, linked or not (橙槽村's demo
	 * branch looks after all of its households).
	 */
	static HouseholdId householdWithoutTasks(JdbcClient jdbc, String villageCode) {
		return new HouseholdId(jdbc
			.sql("select h.id from household h where h.village_code = :v and h.status = 'ACTIVE' "
					+ "and not exists (select 1 from party_visit_task t where t.household_id = h.id) "
					+ "order by h.id desc fetch first 1 rows only")
			.param("v", villageCode)
			.query(Long.class)
			.single());
	}

	/** Links the household to the member, as the links section would. */
	static void link(JdbcClient jdbc, HouseholdId household, MemberId member) {
		String path = jdbc.sql("select org_path from household where id = :h")
			.param("h", household.value())
			.query(String.class)
			.single();
		jdbc.sql("insert into party_household_link (household_id, member_id, org_path, source, since, created_by) "
				+ "values (:h, :m, :path, 'MANUAL', :now, 'test')")
			.param("h", household.value())
			.param("m", member.value())
			.param("path", path)
			.param("now", Timestamp.from(Instant.now()))
			.update();
	}

	static long count(JdbcClient jdbc, String sql, Object... params) {
		var spec = jdbc.sql(sql);
		for (int i = 0; i < params.length; i++) {
			spec = spec.param(i + 1, params[i]);
		}
		return spec.query(Long.class).single();
	}

	static long notices(JdbcClient jdbc, long accountId, String key) {
		return count(jdbc, "select count(*) from inbox_message where account_id = ? and message_key = ?", accountId,
				key);
	}

}
