package org.xiangzhi.registry.places;

import java.util.ArrayList;
import java.util.List;

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
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.household.RegistryStore;
import org.xiangzhi.registry.household.RegistryStore.HouseholdWithMembers;
import org.xiangzhi.registry.household.RegistryStore.NewHousehold;
import org.xiangzhi.registry.household.RegistryStore.NewResident;
import org.xiangzhi.registry.places.GridService.Duty;

/**
 * The registry part of the demo (issue 3, item 6), after the platform's demo places and
 * accounts: the shipped divisions, 清水镇's 12 grids, 橙槽村 (6 groups, 299 households, 1,135
 * residents over its 3 grids), 珍宝村 (7 groups, 396 residents), 建设村 (5 groups). People are
 * synthetic and the same on every start. Each part is skipped when it is already there,
 * so later starts (and the many test contexts on one database) add nothing.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "xiangzhi.demo.enabled", havingValue = "true")
@Order(10)
class RegistryDemoData implements ApplicationRunner {

	/** The actor named in the history of demo households and residents. */
	static final String ACTOR = "demo";

	static final String CHENGCAO = "620621110212";

	static final String ZHENBAO = "620621116202";

	static final String QINGSHUI = "620902101";

	static final String JIANSHE = "430407004200";

	static final String MAZHUANGQIAO = "410922101";

	/** Demo ID numbers use sequence numbers 900–999; the generator keeps below. */
	static final int SEQ_FROM = 900;

	static final int SEQ_TO = 999;

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private static final Logger log = LoggerFactory.getLogger(RegistryDemoData.class);

	private final Divisions divisions;

	private final GridService grids;

	private final RegistryStore store;

	private final Places places;

	private final JdbcClient jdbc;

	RegistryDemoData(Divisions divisions, GridService grids, RegistryStore store, Places places, JdbcClient jdbc) {
		this.divisions = divisions;
		this.grids = grids;
		this.store = store;
		this.places = places;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		divisions.loadShipped();
		qingshuiGrids();
		groups(CHENGCAO, 6, "%s社");
		groups(ZHENBAO, 7, "%s社");
		groups(JIANSHE, 5, "第%s村民小组");
		chengcaoStaff();
		chengcaoBoundaries();
		int added = people(CHENGCAO, 299, 1135, 0.12, true) + people(ZHENBAO, 104, 396, 0.35, false);
		log.info("Registry demo data ready ({} new residents) in {} ms", added,
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * 橙槽村's three grids as three strips side by side (approximate, near 民勤县城), so that a
	 * report with a location lands on its grid.
	 */
	private void chengcaoBoundaries() {
		for (int i = 1; i <= 3; i++) {
			String code = CHENGCAO + "G0" + i;
			boolean drawn = jdbc
				.sql("select count(*) from grid_detail where place_code = :c and boundary_geojson is not null")
				.param("c", code)
				.query(Long.class)
				.single() > 0;
			Place grid = places.find(code).orElse(null);
			if (grid == null || drawn) {
				continue;
			}
			double west = 103.08 + (i - 1) * 0.01;
			double east = west + 0.01;
			String ring = String.format(java.util.Locale.ROOT,
					"[[%1$.2f,38.59],[%2$.2f,38.59],[%2$.2f,38.61],[%1$.2f,38.61],[%1$.2f,38.59]]", west, east);
			grids.saveDetail(grid, "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}", null, null);
		}
	}

	/** 清水镇 is split into 12 grids: one per village of the town. */
	private void qingshuiGrids() {
		List<String> villages = jdbc
			.sql("select code from place where parent_code = :t and level = 'VILLAGE' order by code")
			.param("t", QINGSHUI)
			.query(String.class)
			.list();
		for (String code : villages) {
			if (grids.gridsOf(code).isEmpty()) {
				Place village = places.find(code).orElseThrow();
				Place grid = grids.insertGrid(village, shortName(village.name()) + "网格");
				grids.saveDetail(grid, null, null, null);
			}
		}
	}

	private void groups(String villageCode, int count, String pattern) {
		Place village = places.find(villageCode).orElseThrow();
		for (int n = 1; n <= count; n++) {
			if (grids.groupId(villageCode, n) == null) {
				grids.insertGroup(village, n, String.format(pattern, NUMERALS[n - 1]));
			}
		}
	}

	/** Grid heads and workers of 橙槽村; some hold several duties (多岗合一). */
	private void chengcaoStaff() {
		String[][] staff = { { "G01", "王建国", "GRID_HEAD" }, { "G01", "王建国", "ALLEY_HEAD" },
				{ "G01", "李秀英", "GRID_WORKER" }, { "G02", "张志强", "GRID_HEAD" }, { "G02", "张志强", "POND_HEAD" },
				{ "G02", "刘桂兰", "GRID_WORKER" }, { "G03", "陈德福", "GRID_HEAD" }, { "G03", "杨春梅", "GRID_WORKER" },
				{ "G03", "杨春梅", "ALLEY_HEAD" } };
		for (String[] s : staff) {
			places.find(CHENGCAO + s[0]).ifPresent(grid -> grids.insertStaff(grid, s[1], Duty.valueOf(s[2])));
		}
	}

	/**
	 * Households and residents of a demo village, unless it has households already.
	 * Households are spread evenly over the groups, and over the grids when
	 * {@code overGrids} (groups 1–2 in G01, 3–4 in G02, …).
	 */
	private int people(String villageCode, int households, int residents, double povertyShare, boolean overGrids) {
		long existing = jdbc.sql("select count(*) from household where village_code = :v")
			.param("v", villageCode)
			.query(Long.class)
			.single();
		if (existing > 0) {
			return 0;
		}
		Place village = places.find(villageCode).orElseThrow();
		List<GridService.Group> groupList = grids.groupsOf(villageCode);
		List<Place> gridList = overGrids ? grids.gridsOf(villageCode) : List.of();
		SyntheticPeople people = new SyntheticPeople(Long.parseLong(villageCode), villageCode.substring(0, 6), SEQ_FROM,
				SEQ_TO, id -> store.residentIdByIdNumber(id).isPresent(), povertyShare);
		int[] sizes = people.sizes(households, residents);
		List<HouseholdWithMembers> batch = new ArrayList<>(households);
		String villageName = shortName(village.name());
		for (int i = 0; i < households; i++) {
			GridService.Group group = groupList.get(i % groupList.size());
			String grid = gridList.isEmpty() ? null
					: gridList
						.get(Math.min(gridList.size() - 1, (group.number() - 1) * gridList.size() / groupList.size()))
						.code();
			SyntheticPeople.Family family = people.family(sizes[i]);
			String address = villageName + group.name() + (i / groupList.size() + 1) + "号";
			batch.add(new HouseholdWithMembers(
					new NewHousehold(villageCode, group.id(), grid, null, address, null, family.tags()),
					family.members().stream().map(RegistryDemoData::resident).toList()));
		}
		store.insertBatch(batch, ACTOR, true);
		return residents;
	}

	static NewResident resident(SyntheticPeople.Person p) {
		return new NewResident(p.name(), p.gender(), p.birthDate(), p.idNumber(), p.phone(), p.relation(), null,
				p.tags());
	}

	/** 橙槽村委会 → 橙槽村. */
	static String shortName(String name) {
		for (String suffix : new String[] { "村民委员会", "居民委员会", "村委会", "居委会" }) {
			if (name.endsWith(suffix)) {
				String base = name.substring(0, name.length() - suffix.length());
				return suffix.startsWith("村") && !base.endsWith("村") ? base + "村" : base;
			}
		}
		return name;
	}

}
