package org.xiangzhi.registry.places;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.household.RegistryStore;
import org.xiangzhi.registry.household.RegistryStore.HouseholdWithMembers;
import org.xiangzhi.registry.household.RegistryStore.NewHousehold;

/**
 * Builds synthetic households and residents for every village under a division code, for
 * benchmarks (issue 3, item 7). Villages are filled one transaction each, in code order;
 * a village that already has households is skipped, so a stopped run is restarted by
 * running the same command again. The people of each county come from one seeded source
 * walked in the same order every time, so a restart gives the same people as an
 * uninterrupted run, and ID numbers never repeat within a county.
 */
@Service
public class Generator {

	static final String ACTOR = "generator";

	/** Households per JDBC batch. */
	private static final int BATCH = 500;

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private static final Logger log = LoggerFactory.getLogger(Generator.class);

	private final JdbcClient jdbc;

	private final Places places;

	private final GridService grids;

	private final RegistryStore store;

	private final TransactionTemplate transactions;

	Generator(JdbcClient jdbc, Places places, GridService grids, RegistryStore store,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.places = places;
		this.grids = grids;
		this.store = store;
		this.transactions = transactions;
	}

	/** What a run did. */
	public record Result(int villages, int villagesFilled, int villagesSkipped, long households, long residents,
			long millis) {
	}

	/**
	 * @param prefix a province, city, county or town code; every village below it is
	 * filled
	 * @param householdsPerVillage households per village (sizes 1–7, mean ≈ 3.85)
	 * @param groupsPerVillage villager groups created in each village (1–10)
	 * @param seed the same seed gives the same people
	 */
	public Result generate(String prefix, int householdsPerVillage, int groupsPerVillage, long seed) {
		long start = System.nanoTime();
		List<String> villages = jdbc
			.sql("select code from place where level = 'VILLAGE' and code like :p order by code")
			.param("p", prefix.strip() + "%")
			.query(String.class)
			.list();
		log.info("Generator: {} villages under {}, {} households each", villages.size(), prefix, householdsPerVillage);
		String county = null;
		SyntheticPeople people = null;
		int filled = 0;
		int skipped = 0;
		long households = 0;
		long residents = 0;
		long lastLog = System.nanoTime();
		for (int v = 0; v < villages.size(); v++) {
			String code = villages.get(v);
			if (!code.substring(0, 6).equals(county)) {
				county = code.substring(0, 6);
				people = new SyntheticPeople(seed ^ Long.parseLong(county), county, 0, RegistryDemoData.SEQ_FROM - 1,
						id -> false, 0.15);
			}
			// always draw the village's people, so later villages get the same ones on a
			// restart
			List<SyntheticPeople.Family> families = new ArrayList<>(householdsPerVillage);
			for (int i = 0; i < householdsPerVillage; i++) {
				families.add(people.family(people.drawSize()));
			}
			if (hasHouseholds(code)) {
				skipped++;
				continue;
			}
			long[] counts = transactions.execute(status -> fill(code, families, groupsPerVillage));
			filled++;
			households += counts[0];
			residents += counts[1];
			if (System.nanoTime() - lastLog > 10_000_000_000L || v == villages.size() - 1) {
				lastLog = System.nanoTime();
				double seconds = (lastLog - start) / 1e9;
				log.info(
						"Generator: {}/{} villages ({} filled, {} skipped), {} households, {} residents, {} residents/s",
						v + 1, villages.size(), filled, skipped, households, residents,
						Math.round(residents / Math.max(seconds, 0.001)));
			}
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		log.info("Generator done: {} villages filled, {} skipped, {} households, {} residents in {} ms", filled,
				skipped, households, residents, millis);
		return new Result(villages.size(), filled, skipped, households, residents, millis);
	}

	private boolean hasHouseholds(String villageCode) {
		return jdbc.sql("select count(*) from household where village_code = :v")
			.param("v", villageCode)
			.query(Long.class)
			.single() > 0;
	}

	private long[] fill(String villageCode, List<SyntheticPeople.Family> families, int groupsPerVillage) {
		Place village = places.find(villageCode).orElseThrow();
		int groupCount = Math.max(1, Math.min(10, groupsPerVillage));
		List<Long> groupIds = new ArrayList<>();
		for (int n = 1; n <= groupCount; n++) {
			Long id = grids.groupId(villageCode, n);
			groupIds.add(id != null ? id : grids.insertGroup(village, n, NUMERALS[n - 1] + "社"));
		}
		String villageName = RegistryDemoData.shortName(village.name());
		long residents = 0;
		List<HouseholdWithMembers> batch = new ArrayList<>(BATCH);
		for (int i = 0; i < families.size(); i++) {
			SyntheticPeople.Family family = families.get(i);
			int group = i % groupCount;
			batch.add(new HouseholdWithMembers(
					new NewHousehold(villageCode, groupIds.get(group), null, null,
							villageName + NUMERALS[group] + "社" + (i / groupCount + 1) + "号", null, family.tags()),
					family.members().stream().map(RegistryDemoData::resident).toList()));
			residents += family.members().size();
			if (batch.size() == BATCH) {
				store.insertBatch(batch, ACTOR, false);
				batch.clear();
			}
		}
		store.insertBatch(batch, ACTOR, false);
		return new long[] { families.size(), residents };
	}

}
