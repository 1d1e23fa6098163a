package org.xiangzhi.registry.household;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.xiangzhi.registry.household.RegistryStore.Counts;

import static org.assertj.core.api.Assertions.assertThat;

class TallyMetricsTest {

	@Test
	void countsBecomeMetricRowsAndBackWithTagsInCodeOrder() {
		Counts counts = new Counts(3, 11, Map.of("POVERTY_LIFTED", 2L, "DIBAO", 1L), Map.of("DISABLED", 4L));

		SortedMap<String, Long> metrics = TallyMetrics.of(counts);

		assertThat(metrics).containsExactly(Map.entry("households", 3L), Map.entry("htag:DIBAO", 1L),
				Map.entry("htag:POVERTY_LIFTED", 2L), Map.entry("residents", 11L), Map.entry("rtag:DISABLED", 4L));
		Counts back = TallyMetrics.counts(metrics);
		assertThat(back).isEqualTo(counts);
		assertThat(back.householdTags().keySet()).containsExactly("DIBAO", "POVERTY_LIFTED");
	}

	@Test
	void aPlaceWithoutRowsCountsZeroAndTagsCountedZeroTimesAreNotShown() {
		assertThat(TallyMetrics.counts(Map.of())).isEqualTo(new Counts(0, 0, Map.of(), Map.of()));
		assertThat(TallyMetrics.counts(Map.of("households", 2L, "htag:DIBAO", 0L, "rtag:DISABLED", 0L)))
			.isEqualTo(new Counts(2, 0, Map.of(), Map.of()));
		assertThat(TallyMetrics.of(new Counts(0, 0, Map.of("DIBAO", 0L), Map.of()))).containsOnlyKeys("households",
				"residents");
	}

	@Test
	void theDeltaHoldsOnlyWhatChangedAndAMissingMetricCountsAsZero() {
		Map<String, Long> before = Map.of("households", 400L, "residents", 1500L, "htag:DIBAO", 3L, "rtag:DISABLED",
				1L);
		Map<String, Long> after = Map.of("households", 401L, "residents", 1500L, "htag:DIBAO", 3L, "htag:TEKUN", 1L);

		assertThat(TallyMetrics.delta(before, after)).containsExactly(Map.entry("households", 1L),
				Map.entry("htag:TEKUN", 1L), Map.entry("rtag:DISABLED", -1L));
		assertThat(TallyMetrics.delta(after, after)).isEmpty();
	}

	@Test
	void aCountIsAddedToEveryPlaceItRollsUpTo() {
		Map<String, SortedMap<String, Long>> tally = new TreeMap<>();

		TallyMetrics.addTo(tally, List.of("000000", "62", "6206", "620621", "620621110"), "households", 5);
		TallyMetrics.addTo(tally, List.of("000000", "62", "6209"), "households", 2);
		TallyMetrics.addTo(tally, List.of("62"), "htag:DIBAO", 1);

		assertThat(tally.get("000000")).containsExactly(Map.entry("households", 7L));
		assertThat(tally.get("62")).containsExactly(Map.entry("households", 7L), Map.entry("htag:DIBAO", 1L));
		assertThat(tally.get("620621110")).containsExactly(Map.entry("households", 5L));
		assertThat(tally.get("6209")).containsExactly(Map.entry("households", 2L));
	}

}
