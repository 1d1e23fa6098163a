package org.xiangzhi.registry.household;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.ResidentStatus;
import org.xiangzhi.registry.TestIdNumbers;
import org.xiangzhi.registry.household.HouseholdService.HouseholdInput;
import org.xiangzhi.registry.household.HouseholdService.ResidentInput;
import org.xiangzhi.registry.household.RegistryStore.Counts;
import org.xiangzhi.registry.importer.ImportService;
import org.xiangzhi.registry.importer.Rosters;
import org.xiangzhi.registry.places.Generator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry tally stays exact through every kind of registry write: after each, the
 * counts a town, county, city, province and the nation read from the tally equal a live
 * count of their subtree, and a bulk rebuild finds what the writes kept. Each test works
 * in a fresh town of a test province (96), starting from a rebuilt tally, so the shared
 * database's other rows do not matter.
 */
@IntegrationTest
class RegistryTalliesIntegrationTest {

	@Autowired
	HouseholdService service;

	@Autowired
	RegistryStore store;

	@Autowired
	RegistryTallies tallies;

	@Autowired
	ImportService imports;

	@Autowired
	Generator generator;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	Place county;

	Place town;

	Place east;

	Place west;

	Actor countyAdmin;

	@BeforeEach
	void aFreshTownWithTwoVillagesAndAnExactTally() {
		places.addIfAbsent("96", "统计省", PlaceLevel.PROVINCE, "000000");
		places.addIfAbsent("9601", "统计市", PlaceLevel.CITY, "96");
		county = places.addIfAbsent("960101", "统计县", PlaceLevel.COUNTY, "9601");
		town = freshTown();
		east = places.addIfAbsent(town.code() + "201", "东村委会", PlaceLevel.VILLAGE, town.code());
		west = places.addIfAbsent(town.code() + "202", "西村委会", PlaceLevel.VILLAGE, town.code());
		countyAdmin = TestActors.actor("tally-admin", Role.COUNTY_ADMIN, county.path());
		tallies.rebuildAll();
	}

	@Test
	void aNewHouseholdWithMembersAndTagsCountsAtItsTownAndEveryPlaceAbove() {
		Counts before = store.counts(town);

		household(east, Set.of("POVERTY_LIFTED"), head(Set.of("DISABLED")), member());

		Counts after = store.counts(town);
		assertThat(after.households()).isEqualTo(before.households() + 1);
		assertThat(after.residents()).isEqualTo(before.residents() + 2);
		assertThat(after.householdTags()).containsEntry("POVERTY_LIFTED", 1L);
		assertThat(after.residentTags()).containsEntry("DISABLED", 1L);
		assertTallyIsExact(east, west);
	}

	@Test
	void aResidentMovedToAVillageOfAnotherTownLeavesOneTownAndJoinsTheOther() {
		Place otherTown = freshTown();
		Place otherVillage = places.addIfAbsent(otherTown.code() + "201", "南村委会", PlaceLevel.VILLAGE, otherTown.code());
		long from = household(east, Set.of(), head(Set.of()), member(Set.of("LEFT_BEHIND_CHILD")));
		long to = household(otherVillage, Set.of(), head(Set.of()));
		long child = memberNotHead(from);

		service.moveResident(countyAdmin, child, to, "OTHER");

		assertThat(store.counts(town).residents()).isEqualTo(1);
		assertThat(store.counts(otherTown).residents()).isEqualTo(2);
		assertThat(store.counts(otherTown).residentTags()).containsEntry("LEFT_BEHIND_CHILD", 1L);
		assertThat(store.counts(town).residentTags()).doesNotContainKey("LEFT_BEHIND_CHILD");
		assertTallyIsExact(east, otherVillage);
	}

	@Test
	void residentsMovedOutOrDeceasedLeaveTheCountsAndComeBackWhenActiveAgain() {
		long household = household(west, Set.of(), head(Set.of("EMPTY_NEST_ELDER")), member(), member());
		List<Long> members = memberIds(household);

		service.setResidentStatus(countyAdmin, members.get(1), ResidentStatus.MOVED_OUT);
		service.setResidentStatus(countyAdmin, members.get(0), ResidentStatus.DECEASED);

		assertThat(store.counts(town).residents()).isEqualTo(1);
		assertThat(store.counts(town).residentTags()).doesNotContainKey("EMPTY_NEST_ELDER");
		assertTallyIsExact(west);

		service.setResidentStatus(countyAdmin, members.get(0), ResidentStatus.ACTIVE);

		assertThat(store.counts(town).residents()).isEqualTo(2);
		assertThat(store.counts(town).residentTags()).containsEntry("EMPTY_NEST_ELDER", 1L);
		assertTallyIsExact(west);
	}

	@Test
	void changedTagsOfAHouseholdAndAResidentMoveOnlyTheTagCounts() {
		long household = household(east, Set.of("DIBAO"), head(Set.of("DISABLED")));
		long head = memberIds(household).get(0);
		RegistryStore.HouseholdView view = service.household(countyAdmin, household);

		service.updateHousehold(countyAdmin, household, new HouseholdInput(east.code(), null, null, null,
				view.address(), null, Set.of("TEKUN", "MILITARY"), view.version()));
		RegistryStore.ResidentView resident = service.resident(countyAdmin, head);
		service.updateResident(countyAdmin, head, new ResidentInput(resident.name(), "", "", "", "", "HEAD",
				Set.of("LEFT_BEHIND_ELDER"), resident.version()));

		Counts counts = store.counts(town);
		assertThat(counts.households()).isEqualTo(1);
		assertThat(counts.householdTags()).containsOnly(Map.entry("MILITARY", 1L), Map.entry("TEKUN", 1L));
		assertThat(counts.residentTags()).containsOnly(Map.entry("LEFT_BEHIND_ELDER", 1L));
		assertTallyIsExact(east);
	}

	@Test
	void aSplitAddsAHouseholdAndAMergeAcrossVillagesTakesItAwayAgain() {
		long household = household(east, Set.of(), head(Set.of()), member(), member());
		long child = memberNotHead(household);

		long split = service.split(countyAdmin, household, List.of(child), "东村新街1号");

		assertThat(store.counts(town).households()).isEqualTo(2);
		assertThat(store.counts(town).residents()).isEqualTo(3);
		assertTallyIsExact(east);

		long other = household(west, Set.of(), head(Set.of()));
		service.merge(countyAdmin, other, split);

		assertThat(store.counts(town).households()).isEqualTo(2);
		assertThat(store.counts(town).residents()).isEqualTo(4);
		assertThat(store.counts(east).households()).isEqualTo(1);
		assertThat(store.counts(west).residents()).isEqualTo(2);
		assertTallyIsExact(east, west);
	}

	@Test
	void anImportedRosterIsCountedAtEveryLevel() {
		String group = String.valueOf(Rosters.group(jdbc, east));
		byte[] roster = Rosters.xlsx(Rosters.households(east.code(), group, 10, 3));

		ImportService.Result result = imports.submit(countyAdmin, "tally.xlsx", roster);

		assertThat(result).isInstanceOf(ImportService.Imported.class);
		Counts counts = store.counts(town);
		assertThat(counts.households()).isEqualTo(10);
		assertThat(counts.residents()).isEqualTo(30);
		assertThat(counts.householdTags()).containsEntry("POVERTY_LIFTED", 2L).containsEntry("DIBAO", 2L);
		assertTallyIsExact(east);
	}

	@Test
	void generatedVillagesAreCountedOneTransactionAtATime() {
		Generator.Result result = generator.generate(town.code(), 6, 2, ThreadLocalRandom.current().nextLong());

		Counts counts = store.counts(town);
		assertThat(counts.households()).isEqualTo(12);
		assertThat(counts.residents()).isEqualTo(result.residents());
		assertTallyIsExact(east, west);
	}

	@Test
	void aBulkRebuildFindsExactlyWhatTheWritesKept() {
		long first = household(east, Set.of("DIBAO"), head(Set.of("DISABLED")), member(), member());
		long second = household(west, Set.of("MONITORED"), head(Set.of()), member(Set.of("LEFT_BEHIND_CHILD")));
		service.moveResident(countyAdmin, memberNotHead(first), second, "OTHER");
		service.setResidentStatus(countyAdmin, memberNotHead(first), ResidentStatus.DECEASED);
		service.merge(countyAdmin, second, first);
		Map<String, Long> kept = tallyRows();

		RegistryTallies.Rebuild rebuild = tallies.rebuildAll();

		assertThat(rebuild.rebuilt()).isTrue();
		assertThat(tallyRows()).isEqualTo(kept);
		assertTallyIsExact(east, west);
	}

	@Test
	void twoWritersAddingHouseholdsToOneVillageAtOnceEndWithExactCounts() throws Exception {
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		int rounds = 5;
		try {
			for (int round = 0; round < rounds; round++) {
				// both write before either commits, so that their refreshes meet
				CyclicBarrier bothWritten = new CyclicBarrier(2);
				List<Future<?>> writers = new ArrayList<>();
				for (int w = 0; w < 2; w++) {
					String address = "并发" + round + "-" + w;
					writers.add(threads.submit(() -> tx.executeWithoutResult(status -> {
						store.insertHousehold(new RegistryStore.NewHousehold(east.code(), null, null, null, address,
								null, Set.of("DIBAO")), "tally-test");
						await(bothWritten);
					})));
				}
				for (Future<?> writer : writers) {
					writer.get(60, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(tallies.stored(east.code()).households()).isEqualTo(2L * rounds);
		assertThat(store.counts(town).households()).isEqualTo(2L * rounds);
		assertThat(store.counts(town).householdTags()).containsEntry("DIBAO", 2L * rounds);
		assertTallyIsExact(east);
	}

	@Test
	void aTownAndAVillageReadTheirCountsFromTheTally() {
		household(east, Set.of(), head(Set.of()));
		try {
			jdbc.sql("update registry_tally set n = n + 1000 where place_code in (:codes) and metric = 'households'")
				.param("codes", List.of(town.code(), east.code()))
				.update();

			assertThat(service.placeCounts(countyAdmin, town.code()).counts().households()).isEqualTo(1001);
			assertThat(service.placeCounts(countyAdmin, east.code()).counts().households()).isEqualTo(1001);
			assertThat(service.node(countyAdmin, county.code(), false).children())
				.filteredOn(child -> child.place().code().equals(town.code()))
				.singleElement()
				.satisfies(child -> assertThat(child.counts().households()).isEqualTo(1001));
		}
		finally {
			tallies.rebuildAll();
		}
		assertThat(service.placeCounts(countyAdmin, town.code()).counts().households()).isEqualTo(1);
	}

	@Test
	void anEmptyTallyIsRebuiltOnceWhileHouseholdsExist() {
		household(east, Set.of(), head(Set.of()));
		jdbc.sql("delete from registry_tally").update();

		RegistryTallies.Rebuild first = tallies.rebuildIfEmpty();
		RegistryTallies.Rebuild second = tallies.rebuildIfEmpty();

		assertThat(first.rebuilt()).isTrue();
		assertThat(first.places()).isGreaterThanOrEqualTo(6);
		assertThat(second.rebuilt()).isFalse();
		assertThat(jdbc.sql("select rebuilt_at from registry_tally_rebuild where id = 1")
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
		assertTallyIsExact(east);
	}

	// ---------------------------------------------------------------- helpers

	private Place freshTown() {
		for (;;) {
			String code = "960101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
			if (places.find(code).isEmpty()) {
				return places.addIfAbsent(code, "统计镇" + code.substring(6), PlaceLevel.TOWN, county.code());
			}
		}
	}

	/**
	 * The villages' own rows and every tallied place above them equal a live count of
	 * their subtree.
	 */
	private void assertTallyIsExact(Place... villages) {
		for (Place village : villages) {
			List<String> codes = new ArrayList<>(village.path().codes());
			codes.add(0, "000000");
			for (String code : codes) {
				OrgPath path = places.find(code).orElseThrow().path();
				assertThat(tallies.stored(code)).as("tally of %s", code).isEqualTo(tallies.live(path));
			}
		}
	}

	private Map<String, Long> tallyRows() {
		Map<String, Long> rows = new HashMap<>();
		jdbc.sql("select place_code, metric, n from registry_tally where n <> 0").query(rs -> {
			rows.put(rs.getString("place_code") + " " + rs.getString("metric"), rs.getLong("n"));
		});
		return rows;
	}

	private long household(Place village, Set<String> tags, ResidentInput... members) {
		return service.createHousehold(countyAdmin,
				new HouseholdInput(village.code(), null, null, null,
						village.name() + ThreadLocalRandom.current().nextInt(100_000) + "号", null, tags, null),
				List.of(members));
	}

	private static ResidentInput head(Set<String> tags) {
		return new ResidentInput("统计户主", null, null, TestIdNumbers.fresh(Gender.MALE), null, "HEAD", tags, null);
	}

	private static ResidentInput member() {
		return member(Set.of());
	}

	private static ResidentInput member(Set<String> tags) {
		return new ResidentInput("统计成员", null, null, TestIdNumbers.fresh(), null, "OTHER", tags, null);
	}

	private List<Long> memberIds(long household) {
		return service.members(countyAdmin, household).stream().map(RegistryStore.ResidentView::id).toList();
	}

	private long memberNotHead(long household) {
		return service.members(countyAdmin, household)
			.stream()
			.filter(m -> m.relation() != org.xiangzhi.registry.Relation.HEAD)
			.findFirst()
			.orElseThrow()
			.id();
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
