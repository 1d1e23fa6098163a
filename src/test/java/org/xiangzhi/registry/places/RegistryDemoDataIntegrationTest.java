package org.xiangzhi.registry.places;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.household.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry demo data carries the seeds' figures exactly. Counted through the demo's
 * own history rows, since other tests may add households to the same villages.
 */
@IntegrationTest
class RegistryDemoDataIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryStore store;

	@Autowired
	RegistryDemoData demo;

	@Test
	void chengcaoHasSixGroups299HouseholdsAnd1135ResidentsOverItsThreeGrids() {
		assertThat(demoCount("HOUSEHOLD", "620621110212")).isEqualTo(299);
		assertThat(demoCount("RESIDENT", "620621110212")).isEqualTo(1135);
		assertThat(groups("620621110212")).containsExactly("一社", "二社", "三社", "四社", "五社", "六社");
		assertThat(jdbc
			.sql("select distinct h.grid_code from household h join registry_history y on y.object_id = h.id "
					+ "and y.object_type = 'HOUSEHOLD' and y.actor = 'demo' where h.village_code = '620621110212' order by 1")
			.query(String.class)
			.list()).containsExactly("620621110212G01", "620621110212G02", "620621110212G03");
		assertThat(jdbc.sql("select count(*) from household h where h.village_code = '620621110212' "
				+ "and h.id in (select object_id from registry_history where object_type = 'HOUSEHOLD' and actor = 'demo') "
				+ "and (select count(*) from resident r where r.household_id = h.id and r.relation = 'HEAD') = 1 "
				+ "and h.head_resident_id = (select r.id from resident r where r.household_id = h.id and r.relation = 'HEAD')")
			.query(Long.class)
			.single()).as("one head per household, recorded on the household").isEqualTo(299);
		assertThat(jdbc.sql("select count(distinct person_name) from grid_staff where place_code like '620621110212G%'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void zhenbaoHasSevenGroupsAnd396Residents() {
		assertThat(demoCount("RESIDENT", "620621116202")).isEqualTo(396);
		assertThat(groups("620621116202")).hasSize(7);
	}

	@Test
	void jiansheHasFiveGroupsAndMazhuangqiaoItsThirteenVillages() {
		assertThat(groups("430407004200")).containsExactly("第一村民小组", "第二村民小组", "第三村民小组", "第四村民小组", "第五村民小组");
		assertThat(jdbc
			.sql("select name from place where parent_code = '410922101' and level = 'VILLAGE' "
					+ "and name like '%村委会' order by code")
			.query(String.class)
			.list()).hasSize(13).contains("赵家村委会");
	}

	@Test
	void qingshuiIsSplitIntoTwelveGridsOneOfThemInXiyi() {
		assertThat(jdbc
			.sql("select count(*) from place where level = 'GRID' and org_path like '/62/6209/620902/620902101/%'")
			.query(Long.class)
			.single()).isEqualTo(12);
		assertThat(jdbc.sql("select count(*) from place where level = 'GRID' and parent_code = '620902101209'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void everyDemoIdNumberIsValidAndCarriesItsCountyPrefix() {
		List<Long> sample = jdbc
			.sql("select r.id from resident r where r.id in (select object_id from registry_history "
					+ "where object_type = 'RESIDENT' and actor = 'demo') order by r.id")
			.query(Long.class)
			.list();
		assertThat(sample).hasSize(1135 + 396);
		for (int i = 0; i < sample.size(); i += 7) {
			String id = store.revealIdNumber(sample.get(i));
			assertThat(IdNumber.problem(id)).as(id).isNull();
			assertThat(id.substring(0, 6)).isEqualTo("620621");
		}
	}

	@Test
	void runningTheDemoAgainAddsNothing() {
		long households = count("household");
		long residents = count("resident");
		long groups = count("villager_group");
		long places = count("place");
		demo.run(null);
		assertThat(count("household")).isEqualTo(households);
		assertThat(count("resident")).isEqualTo(residents);
		assertThat(count("villager_group")).isEqualTo(groups);
		assertThat(count("place")).isEqualTo(places);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long demoCount(String type, String village) {
		return jdbc
			.sql("select count(*) from registry_history where object_type = :t and actor = 'demo' "
					+ "and change = 'CREATED' and org_path like :p")
			.param("t", type)
			.param("p", "%/" + village + "/%")
			.query(Long.class)
			.single();
	}

	private List<String> groups(String village) {
		return jdbc.sql("select name from villager_group where village_code = :v and number <= 10 order by number")
			.param("v", village)
			.query(String.class)
			.list();
	}

}
