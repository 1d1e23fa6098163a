package org.xiangzhi.registry.places;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.household.RegistryStore;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GeneratorIntegrationTest {

	@Autowired
	Generator generator;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryStore store;

	@Test
	void aTinyCountyIsFilledVillageByVillageAndARerunSkipsWhatIsDone() {
		places.addIfAbsent("97", "生成省", PlaceLevel.PROVINCE, "000000");
		places.addIfAbsent("9701", "生成市", PlaceLevel.CITY, "97");
		places.addIfAbsent("970101", "生成县", PlaceLevel.COUNTY, "9701");
		String town = "970101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		places.addIfAbsent(town, "生成镇", PlaceLevel.TOWN, "970101");
		places.addIfAbsent(town + "201", "东村委会", PlaceLevel.VILLAGE, town);
		places.addIfAbsent(town + "202", "西村委会", PlaceLevel.VILLAGE, town);

		Generator.Result first = generator.generate(town, 5, 2, 7);
		assertThat(first.villages()).isEqualTo(2);
		assertThat(first.villagesFilled()).isEqualTo(2);
		assertThat(first.households()).isEqualTo(10);
		assertThat(count("household", town)).isEqualTo(10);
		assertThat(count("resident", town)).isEqualTo(first.residents()).isBetween(10L, 70L);
		assertThat(jdbc.sql("select count(*) from villager_group where village_code like :p")
			.param("p", town + "%")
			.query(Long.class)
			.single()).isEqualTo(4);

		List<Long> ids = jdbc.sql("select id from resident where org_path like :p")
			.param("p", "%/" + town + "/%")
			.query(Long.class)
			.list();
		for (long id : ids) {
			String idNumber = store.revealIdNumber(id);
			assertThat(IdNumber.problem(idNumber)).isNull();
			assertThat(idNumber).startsWith("970101");
		}
		assertThat(jdbc.sql("select id_number_enc from resident where id = :id")
			.param("id", ids.get(0))
			.query(String.class)
			.single()).doesNotStartWith("970101");

		Generator.Result again = generator.generate(town, 5, 2, 7);
		assertThat(again.villagesFilled()).isZero();
		assertThat(again.villagesSkipped()).isEqualTo(2);
		assertThat(count("household", town)).isEqualTo(10);
	}

	private long count(String table, String town) {
		return jdbc.sql("select count(*) from " + table + " where org_path like :p")
			.param("p", "%/" + town + "/%")
			.query(Long.class)
			.single();
	}

}
