package org.xiangzhi.party.links;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

/**
 * A village of its own for each test (under 珍宝村's town 620621116, so 橙槽村's demo data and
 * 珍宝村's households stay untouched and the numbers are exact): two villager groups, two
 * grids with centres, six households and two members.
 *
 * <pre>
 * h1 王大 group 1 G01  ← member A 王一 lives here (branch)
 * h2 王二 group 1 G01    kin of A
 * h3 李三 group 1 G01    same grid as A
 * h4 赵四 group 2 G02  ← member B 孙五 lives here (G02 grid party group)
 * h5 钱六 group 2 G02    same grid party group as B
 * h6 周七 group 2 G02    same grid party group as B
 * </pre>
 */
final class LinksFixture {

	static final String TOWN = "620621116";

	final JdbcClient jdbc;

	final Place village;

	final Place g01;

	final Place g02;

	final long group1;

	final long group2;

	final Map<String, Long> households = new LinkedHashMap<>();

	final PartyOrgId branch;

	final PartyOrgId gridGroup;

	final MemberId a;

	final MemberId b;

	LinksFixture(JdbcClient jdbc, Places places) {
		this.jdbc = jdbc;
		String code = TOWN + "L" + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
		village = places.addIfAbsent(code, "联户测试村", PlaceLevel.VILLAGE, TOWN);
		g01 = places.addIfAbsent(code + "G01", "第一网格", PlaceLevel.GRID, code);
		g02 = places.addIfAbsent(code + "G02", "第二网格", PlaceLevel.GRID, code);
		centre(g01, 38.60, 103.08);
		centre(g02, 38.60, 103.10);
		group1 = group(1);
		group2 = group(2);
		long h1 = household("h1", group1, g01, "王大");
		household("h2", group1, g01, "王二");
		household("h3", group1, g01, "李三");
		long h4 = household("h4", group2, g02, "赵四");
		household("h5", group2, g02, "钱六");
		household("h6", group2, g02, "周七");
		branch = PartyFixtures.org(jdbc, OrgKind.BRANCH, village.code(), null, "联户测试村党支部");
		gridGroup = PartyFixtures.org(jdbc, OrgKind.GRID_GROUP, g02.code(), branch, "第二网格党小组");
		a = PartyFixtures.member(jdbc, branch, resident(h1, "王一", "SPOUSE"), null);
		b = PartyFixtures.member(jdbc, gridGroup, resident(h4, "孙五", "SPOUSE"), null);
	}

	long h(int n) {
		return households.get("h" + n);
	}

	/** Another household of the village, in group 1 / G01. */
	long addHousehold(String key, String head) {
		return household(key, group1, g01, head);
	}

	/** Another member of the branch, living in household h6 (group 2, G02). */
	MemberId addMember(String name) {
		return PartyFixtures.member(jdbc, branch, resident(h(6), name, "SON"), null);
	}

	/** An account holding {@code role} at the village. */
	Actor account(String prefix, Role role) {
		String username = prefix + "-" + village.code().toLowerCase();
		long id = MatrixFixtures.insertAccount(jdbc, username, village, role);
		return new Actor(id, username, java.util.List.of(new Actor.Assignment(role, village.code(), village.path())));
	}

	/** Links a member to an account. */
	void signIn(MemberId member, Actor account) {
		jdbc.sql("update party_member set account_id = :a where id = :m")
			.param("a", account.accountId())
			.param("m", member.value())
			.update();
	}

	long linkCount() {
		return jdbc
			.sql("select count(*) from party_household_link l join household h on h.id = l.household_id "
					+ "where h.village_code = :v")
			.param("v", village.code())
			.query(Long.class)
			.single();
	}

	private void centre(Place grid, double lat, double lng) {
		jdbc.sql("insert into grid_detail (place_code, org_path, centre_lat, centre_lng) values (:c, :p, :lat, :lng)")
			.param("c", grid.code())
			.param("p", grid.path().value())
			.param("lat", lat)
			.param("lng", lng)
			.update();
	}

	private long group(int number) {
		jdbc.sql("insert into villager_group (village_code, org_path, number, name) values (:v, :p, :n, :name)")
			.param("v", village.code())
			.param("p", village.path().value())
			.param("n", number)
			.param("name", number + "社")
			.update();
		return jdbc.sql("select id from villager_group where village_code = :v and number = :n")
			.param("v", village.code())
			.param("n", number)
			.query(Long.class)
			.single();
	}

	private long household(String key, long group, Place grid, String head) {
		Timestamp now = Timestamp.from(Instant.now());
		String address = "联户测试村" + key + "号";
		jdbc.sql("insert into household (org_path, village_code, group_id, grid_code, address, status, created_at, "
				+ "updated_at) values (:p, :v, :g, :grid, :a, 'ACTIVE', :now, :now)")
			.param("p", grid.path().value())
			.param("v", village.code())
			.param("g", group)
			.param("grid", grid.code())
			.param("a", address)
			.param("now", now)
			.update();
		long id = jdbc.sql("select max(id) from household where village_code = :v and address = :a")
			.param("v", village.code())
			.param("a", address)
			.query(Long.class)
			.single();
		long headId = resident(id, head, "HEAD");
		jdbc.sql("update household set head_resident_id = :r where id = :h").param("r", headId).param("h", id).update();
		households.put(key, id);
		return id;
	}

	long resident(long household, String name, String relation) {
		Timestamp now = Timestamp.from(Instant.now());
		String path = jdbc.sql("select org_path from household where id = :h")
			.param("h", household)
			.query(String.class)
			.single();
		String key = UUID.randomUUID().toString();
		jdbc.sql("insert into resident (household_id, org_path, name, gender, birth_date, id_number_enc, "
				+ "id_number_bidx, relation, status, created_at, updated_at) values (:h, :p, :n, 'MALE', :b, :enc, "
				+ ":bidx, :rel, 'ACTIVE', :now, :now)")
			.param("h", household)
			.param("p", path)
			.param("n", name)
			.param("b", LocalDate.of(1970, 1, 1))
			.param("enc", "test:" + key)
			.param("bidx", key)
			.param("rel", relation)
			.param("now", now)
			.update();
		return jdbc.sql("select id from resident where id_number_bidx = :k").param("k", key).query(Long.class).single();
	}

	OrgPath path() {
		return village.path();
	}

}
