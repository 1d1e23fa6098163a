package org.xiangzhi.registry.household;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.platform.Databases;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.household.RegistryStore.Counts;

/**
 * The registry tally (ADR 14): households, active residents and their tags counted for
 * every village and every place above it (town … province and the nation) in
 * {@code registry_tally}, so that a town or a province shows its counts with one indexed
 * read instead of counting its subtree on every page view.
 * <p>
 * The tally is kept exact in the transaction of every registry write:
 * {@link RegistryStore} {@linkplain #touch marks} the villages whose counts a write may
 * change, and just before the transaction commits each of them is {@linkplain #refresh
 * recounted} and the difference added to its ancestors. {@link #rebuildAll()} recomputes
 * everything in bulk. Grids and micro-grids below a village are counted live
 * ({@link #live}).
 */
@Repository
public class RegistryTallies {

	private static final Logger log = LoggerFactory.getLogger(RegistryTallies.class);

	/** The operator's command that runs {@link #rebuildAll()}. */
	public static final String REBUILD_COMMAND = "rebuild-tallies";

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batchJdbc;

	private final Places places;

	private final RegistryLookups lookups;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean postgres;

	RegistryTallies(JdbcClient jdbc, JdbcTemplate batchJdbc, Places places, RegistryLookups lookups,
			PlatformTransactionManager transactionManager, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.batchJdbc = batchJdbc;
		this.places = places;
		this.lookups = lookups;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
	}

	/** What a bulk rebuild did; {@code rebuilt} is false when it was not needed. */
	public record Rebuild(boolean rebuilt, long places, long rows, long millis) {
	}

	// ---------------------------------------------------------------- reading

	/**
	 * Households and active residents of the subtree at {@code path}, and per tag,
	 * counted from the rows themselves: fine for a village (a few hundred households),
	 * too slow for a city.
	 */
	public Counts live(OrgPath path) {
		String prefix = path.value() + "%";
		return new Counts(count(HOUSEHOLDS, prefix), count(RESIDENTS, prefix),
				tagCounts(postgres ? PG_HOUSEHOLD_TAGS : HOUSEHOLD_TAGS, prefix),
				tagCounts(postgres ? PG_RESIDENT_TAGS : RESIDENT_TAGS, prefix));
	}

	private long count(String sql, String prefix) {
		return jdbc.sql(sql).param("p", prefix).query(Long.class).single();
	}

	private Map<String, Long> tagCounts(String sql, String prefix) {
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql(sql).param("p", prefix).query(rs -> {
			counts.put(rs.getString("tag_code"), rs.getLong("n"));
		});
		return counts;
	}

	private static final String HOUSEHOLDS = "select count(*) from household where org_path like :p "
			+ "and status = 'ACTIVE'";

	private static final String RESIDENTS = "select count(*) from resident where org_path like :p "
			+ "and status = 'ACTIVE'";

	private static final String HOUSEHOLD_TAGS = "select t.tag_code, count(*) as n from household_tag t "
			+ "join household h on h.id = t.household_id where h.org_path like :p and h.status = 'ACTIVE' "
			+ "group by t.tag_code order by t.tag_code";

	private static final String RESIDENT_TAGS = "select t.tag_code, count(*) as n from resident_tag t "
			+ "join resident r on r.id = t.resident_id where r.org_path like :p and r.status = 'ACTIVE' "
			+ "group by t.tag_code order by t.tag_code";

	/*
	 * The same on PostgreSQL, with the plan pinned: the subtree's rows by the path index,
	 * then each one's tags by the tag table's primary key ("offset 0" keeps the lateral
	 * subquery from being flattened into a join). Without statistics (a bulk load before
	 * ANALYZE) the planner otherwise hashes the whole tag table for every recount, which
	 * made each registry write slower the bigger the registry grew.
	 */
	private static final String PG_HOUSEHOLD_TAGS = "select t.tag_code, count(*) as n from household h "
			+ "cross join lateral (select x.tag_code from household_tag x where x.household_id = h.id offset 0) t "
			+ "where h.org_path like :p and h.status = 'ACTIVE' group by t.tag_code order by t.tag_code";

	private static final String PG_RESIDENT_TAGS = "select t.tag_code, count(*) as n from resident r "
			+ "cross join lateral (select x.tag_code from resident_tag x where x.resident_id = r.id offset 0) t "
			+ "where r.org_path like :p and r.status = 'ACTIVE' group by t.tag_code order by t.tag_code";

	/** The tallied counts of places by code (zero for a place without rows). */
	public Map<String, Counts> stored(Collection<String> placeCodes) {
		Map<String, Map<String, Long>> rows = new HashMap<>();
		List<String> all = new ArrayList<>(new TreeSet<>(placeCodes));
		for (int from = 0; from < all.size(); from += CHUNK) {
			jdbc.sql("select place_code, metric, n from registry_tally where place_code in (:codes)")
				.param("codes", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.query(rs -> {
					rows.computeIfAbsent(rs.getString("place_code"), c -> new HashMap<>())
						.put(rs.getString("metric"), rs.getLong("n"));
				});
		}
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (String code : placeCodes) {
			counts.put(code, TallyMetrics.counts(rows.getOrDefault(code, Map.of())));
		}
		return counts;
	}

	public Counts stored(String placeCode) {
		return stored(List.of(placeCode)).get(placeCode);
	}

	// ---------------------------------------------------------------- keeping it exact

	/**
	 * Marks villages whose counts the current transaction may have changed; they are
	 * {@linkplain #refresh refreshed} once each just before it commits (and not at all if
	 * it rolls back). Without a transaction the caller's writes are committed already,
	 * and the villages are refreshed at once in a transaction of their own.
	 */
	public void touch(Collection<String> villageCodes) {
		if (villageCodes.isEmpty()) {
			return;
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			transactions.executeWithoutResult(status -> refresh(villageCodes));
		}
		else if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			refresh(villageCodes);
		}
		else {
			pending().villages.addAll(villageCodes);
		}
	}

	public void touch(String villageCode) {
		touch(List.of(villageCode));
	}

	private PendingRefresh pending() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof PendingRefresh pending) {
				return pending;
			}
		}
		PendingRefresh pending = new PendingRefresh();
		TransactionSynchronizationManager.registerSynchronization(pending);
		return pending;
	}

	/** The villages a transaction touched, refreshed just before it commits. */
	private final class PendingRefresh implements TransactionSynchronization {

		private final Set<String> villages = new TreeSet<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			refresh(villages);
		}

	}

	public void refresh(String villageCode) {
		refresh(List.of(villageCode));
	}

	/**
	 * Recounts villages and carries the difference to every place above them, in the
	 * caller's transaction. Lock order, the same in every transaction so that none waits
	 * for another in a circle:
	 * <ol>
	 * <li>each village's anchor row ({@code households}), by village code, before it is
	 * recounted. Under READ COMMITTED every statement sees what was committed when it
	 * started, so two writers in one village that counted first and locked afterwards
	 * would each miss the other's rows and store a wrong village total. Locked first, the
	 * second writer waits for the first to commit and then counts both its own and the
	 * first's rows against the first's stored totals;</li>
	 * <li>then the ancestors' rows, by place code and metric. They are locked only now,
	 * at the very end of the transaction, so the rows every writer of a province shares
	 * are held for the few milliseconds up to the commit.</li>
	 * </ol>
	 * Callers lock their own rows (and the audit head) before, never after: this runs
	 * just before the commit.
	 */
	public void refresh(Collection<String> villageCodes) {
		if (postgres) {
			// a village's recount reads a few thousand rows, but on tables not analyzed
			// yet the estimates trigger JIT compilation, which costs more than the reads
			jdbc.sql("set local jit = off").update();
		}
		Set<String> villages = new TreeSet<>(villageCodes);
		Map<String, Map<String, Long>> stored = new HashMap<>();
		for (String village : villages) {
			stored.put(village, lockVillage(village));
		}
		Map<String, SortedMap<String, Long>> ancestors = new TreeMap<>();
		for (String code : villages) {
			Place village = places.find(code).orElseThrow(() -> new IllegalArgumentException("No village " + code));
			Map<String, Long> before = stored.get(code);
			SortedMap<String, Long> delta = TallyMetrics.delta(before, TallyMetrics.of(live(village.path())));
			List<Object[]> updates = new ArrayList<>();
			List<Object[]> inserts = new ArrayList<>();
			delta.forEach((metric, d) -> {
				long n = before.getOrDefault(metric, 0L) + d;
				(before.containsKey(metric) ? updates : inserts).add(new Object[] { n, code, metric });
			});
			batchJdbc.batchUpdate("update registry_tally set n = ? where place_code = ? and metric = ?", updates);
			batchJdbc.batchUpdate("insert into registry_tally (n, place_code, metric) values (?, ?, ?)", inserts);
			List<String> above = above(village.path());
			delta.forEach((metric, d) -> TallyMetrics.addTo(ancestors, above, metric, d));
		}
		addToAncestors(ancestors);
	}

	/**
	 * Locks a village's tally rows, creating its anchor row if it has none yet (a writer
	 * creating the same anchor at the same time waits for this one), and returns them.
	 */
	private Map<String, Long> lockVillage(String village) {
		jdbc.sql("insert into registry_tally (place_code, metric, n) values (:v, :m, 0) on conflict do nothing")
			.param("v", village)
			.param("m", TallyMetrics.HOUSEHOLDS)
			.update();
		Map<String, Long> rows = new HashMap<>();
		jdbc.sql("select metric, n from registry_tally where place_code = :v order by metric for update")
			.param("v", village)
			.query(rs -> {
				rows.put(rs.getString("metric"), rs.getLong("n"));
			});
		return rows;
	}

	/**
	 * The places whose tally a row at {@code villagePath} counts in, above the village.
	 */
	private List<String> above(OrgPath villagePath) {
		List<String> codes = new ArrayList<>();
		codes.add(lookups.codeOf(OrgPath.ROOT));
		List<String> path = villagePath.codes();
		codes.addAll(path.subList(0, path.size() - 1));
		return codes;
	}

	/** Adds to ancestor rows in (place, metric) order, creating missing rows at zero. */
	private void addToAncestors(Map<String, SortedMap<String, Long>> ancestors) {
		List<Object[]> rows = new ArrayList<>();
		ancestors.forEach((code, metrics) -> metrics.forEach((metric, d) -> {
			if (d != 0) {
				rows.add(new Object[] { d, code, metric });
			}
		}));
		String add = "update registry_tally set n = n + ? where place_code = ? and metric = ?";
		int[] updated = batchJdbc.batchUpdate(add, rows);
		for (int i = 0; i < rows.size(); i++) {
			if (updated[i] == 0) {
				// first count of this metric here; another writer may be creating it too
				Object[] row = rows.get(i);
				batchJdbc.update(
						"insert into registry_tally (place_code, metric, n) values (?, ?, 0) on conflict do nothing",
						row[1], row[2]);
				batchJdbc.update(add, row);
			}
		}
	}

	// ---------------------------------------------------------------- bulk

	/**
	 * Recomputes the whole tally from the rows with one grouped scan of each table, in a
	 * transaction of its own: for an upgraded database, and as the operator's command
	 * {@code rebuild-tallies}. Two rebuilds queue on {@code registry_tally_rebuild}.
	 */
	public Rebuild rebuildAll() {
		return transactions.execute(status -> rebuild(false));
	}

	/**
	 * Rebuilds the tally when it is empty while households exist: a database upgraded to
	 * the version that introduced it, or restored without it.
	 */
	public Rebuild rebuildIfEmpty() {
		if (!needsRebuild()) {
			return new Rebuild(false, 0, 0, 0);
		}
		return transactions.execute(status -> rebuild(true));
	}

	private boolean needsRebuild() {
		return jdbc.sql("select place_code from registry_tally limit 1").query(String.class).optional().isEmpty()
				&& jdbc.sql("select id from household limit 1").query(Long.class).optional().isPresent();
	}

	private Rebuild rebuild(boolean onlyIfEmpty) {
		long start = System.nanoTime();
		jdbc.sql("select id from registry_tally_rebuild where id = 1 for update").query(Integer.class).single();
		if (onlyIfEmpty && !needsRebuild()) {
			// another node rebuilt it while this one waited
			return new Rebuild(false, 0, 0, 0);
		}
		jdbc.sql("delete from registry_tally").update();
		// counts per org_path (a village, grid or micro-grid), then rolled up the
		// path: the rows the live count finds with "org_path like <place's path>%"
		Map<String, SortedMap<String, Long>> byPath = new HashMap<>();
		grouped("select org_path, 'households' as metric, count(*) as n from household where status = 'ACTIVE' "
				+ "group by org_path", byPath);
		grouped("select org_path, 'residents' as metric, count(*) as n from resident where status = 'ACTIVE' "
				+ "group by org_path", byPath);
		grouped("select h.org_path, 'htag:' || t.tag_code as metric, count(*) as n from household_tag t "
				+ "join household h on h.id = t.household_id where h.status = 'ACTIVE' group by h.org_path, t.tag_code",
				byPath);
		grouped("select r.org_path, 'rtag:' || t.tag_code as metric, count(*) as n from resident_tag t "
				+ "join resident r on r.id = t.resident_id where r.status = 'ACTIVE' group by r.org_path, t.tag_code",
				byPath);
		Set<String> grids = gridCodes(byPath.keySet());
		String root = lookups.codeOf(OrgPath.ROOT);
		Map<String, SortedMap<String, Long>> tally = new TreeMap<>();
		byPath.forEach((path, metrics) -> {
			List<String> tallied = new ArrayList<>();
			tallied.add(root);
			OrgPath.of(path).codes().stream().filter(code -> !grids.contains(code)).forEach(tallied::add);
			metrics.forEach((metric, n) -> TallyMetrics.addTo(tally, tallied, metric, n));
		});
		List<Object[]> rows = new ArrayList<>();
		tally.forEach((code, metrics) -> metrics.forEach((metric, n) -> rows.add(new Object[] { code, metric, n })));
		for (int from = 0; from < rows.size(); from += CHUNK) {
			batchJdbc.batchUpdate("insert into registry_tally (place_code, metric, n) values (?, ?, ?)",
					rows.subList(from, Math.min(rows.size(), from + CHUNK)));
		}
		long millis = (System.nanoTime() - start) / 1_000_000;
		jdbc.sql("update registry_tally_rebuild set rebuilt_at = :at, place_rows = :rows, millis = :ms where id = 1")
			.param("at", Timestamp.from(clock.instant()))
			.param("rows", rows.size())
			.param("ms", millis)
			.update();
		log.info("Registry tallies rebuilt: {} rows for {} places from {} paths in {} ms", rows.size(), tally.size(),
				byPath.size(), millis);
		return new Rebuild(true, tally.size(), rows.size(), millis);
	}

	private void grouped(String sql, Map<String, SortedMap<String, Long>> byPath) {
		jdbc.sql(sql).query(rs -> {
			byPath.computeIfAbsent(rs.getString("org_path"), p -> new TreeMap<>())
				.merge(rs.getString("metric"), rs.getLong("n"), Long::sum);
		});
	}

	/**
	 * The codes on these paths that are grids or micro-grids (counted live, not tallied).
	 */
	private Set<String> gridCodes(Collection<String> paths) {
		Set<String> codes = new TreeSet<>();
		paths.forEach(path -> codes.addAll(OrgPath.of(path).codes()));
		List<String> all = new ArrayList<>(codes);
		Set<String> grids = new HashSet<>();
		for (int from = 0; from < all.size(); from += CHUNK) {
			grids.addAll(jdbc.sql("select code from place where code in (:codes) and level in (:levels)")
				.param("codes", all.subList(from, Math.min(all.size(), from + CHUNK)))
				.param("levels", List.of(PlaceLevel.GRID.name(), PlaceLevel.MICRO_GRID.name()))
				.query(String.class)
				.list());
		}
		return grids;
	}

}
