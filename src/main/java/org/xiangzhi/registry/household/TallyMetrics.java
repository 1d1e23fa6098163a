package org.xiangzhi.registry.household;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xiangzhi.registry.household.RegistryStore.Counts;

/**
 * The arithmetic of the registry tally, without a database: a place's {@link Counts} as
 * metric rows ({@code households}, {@code residents}, {@code htag:<code>},
 * {@code rtag:<code>}), the change between two countings, and the roll-up of counts onto
 * every place above.
 */
final class TallyMetrics {

	static final String HOUSEHOLDS = "households";

	static final String RESIDENTS = "residents";

	static final String HOUSEHOLD_TAG = "htag:";

	static final String RESIDENT_TAG = "rtag:";

	private TallyMetrics() {
	}

	/** The metric rows of some counts; tags counted zero times have none. */
	static SortedMap<String, Long> of(Counts counts) {
		SortedMap<String, Long> metrics = new TreeMap<>();
		metrics.put(HOUSEHOLDS, counts.households());
		metrics.put(RESIDENTS, counts.residents());
		counts.householdTags().forEach((tag, n) -> putIfNotZero(metrics, HOUSEHOLD_TAG + tag, n));
		counts.residentTags().forEach((tag, n) -> putIfNotZero(metrics, RESIDENT_TAG + tag, n));
		return metrics;
	}

	/**
	 * The counts the metric rows stand for; as the live count has them, tags appear only
	 * when counted at least once, in code order.
	 */
	static Counts counts(Map<String, Long> metrics) {
		Map<String, Long> householdTags = new LinkedHashMap<>();
		Map<String, Long> residentTags = new LinkedHashMap<>();
		new TreeMap<>(metrics).forEach((metric, n) -> {
			if (n != 0 && metric.startsWith(HOUSEHOLD_TAG)) {
				householdTags.put(metric.substring(HOUSEHOLD_TAG.length()), n);
			}
			else if (n != 0 && metric.startsWith(RESIDENT_TAG)) {
				residentTags.put(metric.substring(RESIDENT_TAG.length()), n);
			}
		});
		return new Counts(metrics.getOrDefault(HOUSEHOLDS, 0L), metrics.getOrDefault(RESIDENTS, 0L), householdTags,
				residentTags);
	}

	/**
	 * What to add to {@code before} to get {@code after}, metric by metric; unchanged
	 * metrics are left out, a metric missing on one side counts as zero.
	 */
	static SortedMap<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
		SortedMap<String, Long> delta = new TreeMap<>();
		TreeSet<String> metrics = new TreeSet<>(before.keySet());
		metrics.addAll(after.keySet());
		for (String metric : metrics) {
			putIfNotZero(delta, metric, after.getOrDefault(metric, 0L) - before.getOrDefault(metric, 0L));
		}
		return delta;
	}

	/**
	 * Adds {@code n} of {@code metric} to each of {@code places} in {@code tally} (place
	 * code → metric → n).
	 */
	static void addTo(Map<String, SortedMap<String, Long>> tally, List<String> places, String metric, long n) {
		for (String place : places) {
			tally.computeIfAbsent(place, p -> new TreeMap<>()).merge(metric, n, Long::sum);
		}
	}

	private static void putIfNotZero(Map<String, Long> metrics, String metric, long n) {
		if (n != 0) {
			metrics.put(metric, n);
		}
	}

}
