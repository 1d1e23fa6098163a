package org.xiangzhi.party.org;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;

/**
 * The party part of the demo, after the registry's: 苏武镇党委 and 橙槽村党支部 with 52 members of
 * whom 9 are women (adult residents of 橙槽村, seed 001), in 3 grid party groups (each
 * member in the group of the grid they live in), a secretary, a deputy, committee members
 * and group leaders, a few 共产党员户 plaques, and the demo account {@code party-member}
 * linked to an ordinary member; 清水镇党委 with the 4 temporary branches of its epidemic
 * checkpoints and 35 pioneer posts (seed 000). The registry demo has no residents in 清水镇,
 * so its posts name no member on duty. Each part is skipped when it is there already, so
 * later starts and the many test contexts on one database add nothing. The links
 * section's demo ({@code @Order(31)}) links 橙槽村's households to these members.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "xiangzhi.demo.enabled", havingValue = "true")
@Order(30)
class PartyDemoData implements ApplicationRunner {

	static final String SUWU = "620621110";

	static final String CHENGCAO = "620621110212";

	static final String QINGSHUI = "620902101";

	static final int MEMBERS = 52;

	static final int WOMEN = 9;

	/** The demo account of a party member (platform demo data). */
	static final String MEMBER_ACCOUNT = "party-member";

	static final String[] GROUP_NAMES = { "第一网格党小组", "第二网格党小组", "第三网格党小组" };

	/** 清水镇's four checkpoints with a temporary branch each (seed 000). */
	static final String[] CHECKPOINTS = { "清水火车站", "连霍高速清水收费站", "312国道交通检查点", "马营交通检查点" };

	static final String[] DUTIES = { "卡口值守", "核酸检测", "数据查验", "车辆登记", "体温检测", "物资保障", "隔离服务", "政策宣传", "夜间值守" };

	static final int POSTS = 35;

	private static final Logger log = LoggerFactory.getLogger(PartyDemoData.class);

	private final JdbcClient jdbc;

	private final Places places;

	private final PartyOrgs orgs;

	private final PartyMembers members;

	private final PioneerPosts posts;

	PartyDemoData(JdbcClient jdbc, Places places, PartyOrgs orgs, PartyMembers members, PioneerPosts posts) {
		this.jdbc = jdbc;
		this.places = places;
		this.orgs = orgs;
		this.members = members;
		this.posts = posts;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		Optional<Long> suwu = places.find(SUWU).map(p -> committee(p, "苏武镇党委"));
		int added = 0;
		if (suwu.isPresent() && places.find(CHENGCAO).isPresent()) {
			added += chengcao(suwu.get());
		}
		places.find(QINGSHUI).ifPresent(p -> qingshui(p, committee(p, "清水镇党委")));
		log.info("Party demo data ready ({} new members) in {} ms", added, (System.nanoTime() - start) / 1_000_000);
	}

	private long committee(Place town, String name) {
		return existing(OrgKind.TOWN_COMMITTEE, town.code())
			.orElseGet(() -> orgs.insert(OrgKind.TOWN_COMMITTEE, null, town, name, null, null, null, true));
	}

	private Optional<Long> existing(OrgKind kind, String placeCode) {
		return jdbc.sql("select id from party_org where kind = :k and place_code = :p order by id limit 1")
			.param("k", kind.name())
			.param("p", placeCode)
			.query(Long.class)
			.optional();
	}

	/** A resident chosen to be a member, with the grid their household lies in. */
	record Pick(long residentId, boolean woman, String gridCode, LocalDate birthDate) {
	}

	private int chengcao(long committee) {
		if (existing(OrgKind.BRANCH, CHENGCAO).isPresent()) {
			return 0;
		}
		Place village = places.find(CHENGCAO).orElseThrow();
		long branchId = orgs.insert(OrgKind.BRANCH, committee, village, "橙槽村党支部", null, null, null, true);
		PartyOrgs.OrgView branch = orgs.find(branchId).orElseThrow();
		Map<String, PartyOrgs.OrgView> groups = new LinkedHashMap<>();
		for (int i = 0; i < GROUP_NAMES.length; i++) {
			String code = CHENGCAO + "G0" + (i + 1);
			Optional<Place> grid = places.find(code);
			if (grid.isPresent()) {
				long id = orgs.insert(OrgKind.GRID_GROUP, branchId, grid.get(), GROUP_NAMES[i], null, null, null, true);
				groups.put(code, orgs.find(id).orElseThrow());
			}
		}
		LocalDate today = orgs.today();
		List<Pick> picks = picks(today.minusYears(18));
		List<Long> ids = new ArrayList<>();
		List<PartyOrgs.OrgView> orgOf = new ArrayList<>();
		for (int i = 0; i < picks.size(); i++) {
			Pick pick = picks.get(i);
			PartyOrgs.OrgView org = groups.getOrDefault(pick.gridCode(), branch);
			// the last two joined half a year ago and are still probationary (预备党员)
			boolean probationary = i >= picks.size() - 2;
			LocalDate adult = pick.birthDate().plusYears(18);
			LocalDate joined = probationary ? today.minusMonths(6)
					: pick.birthDate().plusYears(22 + i % 15).withMonth(7).withDayOfMonth(1);
			if (joined.isAfter(today.minusYears(2)) && !probationary) {
				joined = today.minusYears(2).withMonth(7).withDayOfMonth(1);
			}
			if (joined.isBefore(adult)) {
				joined = adult;
			}
			long id = members.insert(org, pick.residentId(), joined,
					probationary ? MemberCategory.PROBATIONARY : MemberCategory.FULL);
			members.event(id, PartyMembers.EventKind.JOINED, joined, null, "demo");
			ids.add(id);
			orgOf.add(org);
		}
		positions(branch, groups, ids, orgOf, today);
		return ids.size();
	}

	/**
	 * 43 men and 9 women spread evenly over 橙槽村's adult residents (and so over its
	 * households and grids).
	 */
	private List<Pick> picks(LocalDate adultBy) {
		List<Pick> all = jdbc
			.sql("select r.id, r.gender, h.grid_code, r.birth_date from resident r join household h "
					+ "on h.id = r.household_id where h.village_code = :v and r.status = 'ACTIVE' "
					+ "and r.birth_date <= :adult and r.birth_date > :old "
					+ "and not exists (select 1 from party_member m where m.resident_id = r.id) order by r.id")
			.param("v", CHENGCAO)
			.param("adult", java.sql.Date.valueOf(adultBy))
			.param("old", java.sql.Date.valueOf(adultBy.minusYears(62)))
			.query((rs, i) -> new Pick(rs.getLong(1), "FEMALE".equals(rs.getString(2)), rs.getString(3),
					rs.getDate(4).toLocalDate()))
			.list();
		List<Pick> women = spread(all.stream().filter(Pick::woman).toList(), WOMEN);
		List<Pick> men = spread(all.stream().filter(p -> !p.woman()).toList(), MEMBERS - WOMEN);
		List<Pick> picks = new ArrayList<>(men);
		picks.addAll(women);
		picks.sort(java.util.Comparator.comparingLong(Pick::residentId));
		return picks;
	}

	static <T> List<T> spread(List<T> from, int count) {
		List<T> out = new ArrayList<>();
		if (from.isEmpty()) {
			return out;
		}
		int n = Math.min(count, from.size());
		for (int i = 0; i < n; i++) {
			out.add(from.get((int) ((long) i * from.size() / n)));
		}
		return out;
	}

	/**
	 * The branch committee (书记, 副书记, 3 委员), a leader per grid group, plaques at the
	 * committee's households, and the demo member account on an ordinary member.
	 */
	private void positions(PartyOrgs.OrgView branch, Map<String, PartyOrgs.OrgView> groups, List<Long> ids,
			List<PartyOrgs.OrgView> orgOf, LocalDate today) {
		if (ids.size() < 10) {
			return;
		}
		LocalDate term = LocalDate.of(2021, 10, 1);
		List<Long> committee = List.of(ids.get(0), ids.get(7), ids.get(14), ids.get(21), ids.get(28));
		Position[] roles = { Position.SECRETARY, Position.DEPUTY_SECRETARY, Position.COMMITTEE_MEMBER,
				Position.COMMITTEE_MEMBER, Position.COMMITTEE_MEMBER };
		for (int i = 0; i < committee.size(); i++) {
			LocalDate since = later(term, joinedOn(committee.get(i)));
			members.insertPosition(committee.get(i), branch.id(), roles[i], since);
			members.event(committee.get(i), PartyMembers.EventKind.POSITION_STARTED, since,
					roles[i].name() + " @ " + branch.name(), "demo");
		}
		List<Long> leaders = new ArrayList<>();
		for (PartyOrgs.OrgView group : groups.values()) {
			for (int i = 0; i < ids.size(); i++) {
				if (orgOf.get(i).id() == group.id() && !committee.contains(ids.get(i))) {
					LocalDate since = later(term, joinedOn(ids.get(i)));
					members.insertPosition(ids.get(i), group.id(), Position.GROUP_LEADER, since);
					leaders.add(ids.get(i));
					break;
				}
			}
		}
		java.util.Set<Long> households = new java.util.HashSet<>();
		for (long id : committee) {
			PartyMembers.MemberView m = members.find(id).orElseThrow();
			if (households.add(m.householdId())) {
				posts.insertPlaque(m, LocalDate.of(2021, 7, 1), "demo");
			}
		}
		Long account = jdbc.sql("select id from account where username = :u")
			.param("u", MEMBER_ACCOUNT)
			.query(Long.class)
			.optional()
			.orElse(null);
		boolean free = account != null && jdbc.sql("select count(*) from party_member where account_id = :a")
			.param("a", account)
			.query(Long.class)
			.single() == 0;
		if (free) {
			// an ordinary full member: no position, not among the probationary ones
			for (int i = ids.size() - 3; i > 0; i--) {
				long id = ids.get(i);
				if (!committee.contains(id) && !leaders.contains(id)) {
					jdbc.sql("update party_member set account_id = :a where id = :id")
						.param("a", account)
						.param("id", id)
						.update();
					members.event(id, PartyMembers.EventKind.ACCOUNT, today, MEMBER_ACCOUNT, "demo");
					break;
				}
			}
		}
	}

	private LocalDate joinedOn(long memberId) {
		return members.find(memberId).orElseThrow().joinedOn();
	}

	private static LocalDate later(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * 清水镇's four temporary branches at the epidemic checkpoints (2021-10-17 to the end of
	 * 2022, so they show as ended) and the 35 pioneer posts run by them.
	 */
	private void qingshui(Place town, long committee) {
		if (existing(OrgKind.TEMPORARY_BRANCH, town.code()).isPresent()) {
			return;
		}
		LocalDate start = LocalDate.of(2021, 10, 17);
		LocalDate end = LocalDate.of(2022, 12, 31);
		int made = 0;
		for (String checkpoint : CHECKPOINTS) {
			long branch = orgs.insert(OrgKind.TEMPORARY_BRANCH, committee, town, checkpoint + "防疫卡口临时党支部",
					checkpoint + "疫情防控卡口：核酸检测、卡口值守、数据查验（“组织喊队、党员站队”）", start, end,
					!OrgRules.ended(OrgKind.TEMPORARY_BRANCH, end, orgs.today()));
			for (String duty : DUTIES) {
				if (made == POSTS) {
					break;
				}
				posts.insertPost(branch, checkpoint + "·" + duty + "党员先锋岗", town, checkpoint + "防疫卡口" + duty);
				made++;
			}
		}
	}

}
