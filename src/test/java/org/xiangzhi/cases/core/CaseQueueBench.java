package org.xiangzhi.cases.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.places.Divisions;

import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * "The 20 newest cases in my town" at province scale, over every prefix of the generated
 * data (issue 4, item 12). PostgreSQL only. Loads 甘肃's divisions (19,224 places), then,
 * unless the database already holds them, generates {@code -Dbench.cases} cases (default
 * 10,000,000) spread over the villages with a skewed (Zipf-like) distribution, so that
 * some villages and towns are rare: the prefixes where {@code org_path LIKE ... ORDER BY
 * submitted_at DESC LIMIT 20} walks the time index backwards for seconds. Then it asks
 * {@link CaseQueries#newest} for every county, town and village (and the cities and the
 * province) and reports p50/p99/max per level, plus the trap query for the worst prefixes
 * as a comparison. Not a test: the class name matches no surefire pattern and it is
 * tagged {@code bench}; see bench/README.md.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("bench")
class CaseQueueBench {

	private static final Logger log = LoggerFactory.getLogger(CaseQueueBench.class);

	private static final Path DIVISIONS = Path
		.of(System.getProperty("bench.divisions", "../shared/data/modood-china-division-2.7.0"));

	/**
	 * The division code the cases go under and the prefixes are asked for: 62 (甘肃, the
	 * province-size dataset) or a county such as 620621 (民勤县, the county-size dataset).
	 */
	private static final String PREFIX = System.getProperty("bench.prefix", "62");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Divisions divisions;

	@Autowired
	CaseQueries queries;

	@Test
	void newestTwentyOverEveryPrefix() throws Exception {
		String product = jdbc.sql("select version()").query(String.class).single();
		assumeThat(product).as("PostgreSQL only").contains("PostgreSQL");
		long target = Long.getLong("bench.cases", 10_000_000L);
		var load = divisions.loadDirectory(DIVISIONS.toAbsolutePath(), "62");
		log.info("divisions: {} rows, {} added", load.rows(), load.added());
		String root = jdbc.sql("select org_path from place where code = :c")
			.param("c", PREFIX)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalArgumentException("bench.prefix " + PREFIX + " is not a loaded place"));
		long existing = jdbc.sql("select count(*) from case_record where org_path like :p")
			.param("p", root + "%")
			.query(Long.class)
			.single();
		if (existing < target) {
			generate(target - existing, root);
		}
		jdbc.sql("analyze case_record").update();
		long total = jdbc.sql("select count(*) from case_record").query(Long.class).single();

		Map<String, List<String>> byLevel = new LinkedHashMap<>();
		for (String level : List.of("PROVINCE", "CITY", "COUNTY", "TOWN", "VILLAGE")) {
			byLevel.put(level,
					jdbc.sql("select org_path from place where level = :l and org_path like :p order by org_path")
						.param("l", level)
						.param("p", root + "%")
						.query(String.class)
						.list());
		}
		StringBuilder report = new StringBuilder();
		report.append(String.format("%s  cases=%,d  under %s (CaseQueries.newest, limit 20, warm)%n", Instant.now(),
				total, PREFIX));
		List<String[]> worst = new ArrayList<>();
		for (var entry : byLevel.entrySet()) {
			List<String> paths = entry.getValue();
			if (paths.isEmpty()) {
				continue; // a county-size dataset has no city or province below its root
			}
			// one warm-up pass over a sample, then every prefix once
			for (int i = 0; i < Math.min(200, paths.size()); i++) {
				queries.newest(DataScope.of(OrgPath.of(paths.get(i))), CaseQueries.Filter.all(), null, 20);
			}
			double[] millis = new double[paths.size()];
			String slowest = null;
			double slowestMs = -1;
			for (int i = 0; i < paths.size(); i++) {
				long start = System.nanoTime();
				queries.newest(DataScope.of(OrgPath.of(paths.get(i))), CaseQueries.Filter.all(), null, 20);
				millis[i] = (System.nanoTime() - start) / 1e6;
				if (millis[i] > slowestMs) {
					slowestMs = millis[i];
					slowest = paths.get(i);
				}
			}
			Arrays.sort(millis);
			String line = String.format("%-8s prefixes=%,6d  p50=%6.2f ms  p99=%6.2f ms  max=%7.2f ms (%s)",
					entry.getKey(), paths.size(), pct(millis, 50), pct(millis, 99), millis[millis.length - 1], slowest);
			log.info(line);
			report.append(line).append('\n');
			if (slowest != null) {
				worst.add(new String[] { entry.getKey(), slowest });
			}
		}
		// the trap, for comparison: the rarest towns and villages through the LIKE query
		List<String> rare = jdbc
			.sql("select p.org_path from place p join (select village_code, count(*) n from "
					+ "case_record group by village_code order by n limit 5) r on r.village_code = p.code")
			.query(String.class)
			.list();
		for (String path : rare) {
			long start = System.nanoTime();
			jdbc.sql("select id from case_record where org_path like :p order by submitted_at desc limit 20")
				.param("p", path + "%")
				.query(Long.class)
				.list();
			String line = String.format("trap     LIKE '%s%%' ORDER BY submitted_at DESC LIMIT 20: %8.2f ms", path,
					(System.nanoTime() - start) / 1e6);
			log.info(line);
			report.append(line).append('\n');
		}
		Path out = Path.of("target", "case-queue-bench.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		log.info("\n{}", report);
	}

	/**
	 * Inserts cases straight from SQL: village i (in a random order) gets weight 1/(i+1),
	 * a Zipf-like skew, so a few villages hold many cases and thousands hold a handful.
	 */
	private void generate(long count, String root) {
		long start = System.nanoTime();
		jdbc.sql("drop table if exists bench_village").update();
		jdbc.sql("create table bench_village as select row_number() over (order by md5(v.code)) as rank, v.code as "
				+ "village_code, v.org_path, v.parent_code as town_code, t.parent_code as county_code from place v "
				+ "join place t on t.code = v.parent_code where v.level = 'VILLAGE' and v.org_path like :p")
			.param("p", root + "%")
			.update();
		long villages = jdbc.sql("select count(*) from bench_village").query(Long.class).single();
		jdbc.sql("create index bench_village_rank on bench_village (rank)").update();
		// harmonic number of the village count, to draw ranks from the skew by inversion
		double harmonic = Math.log(villages) + 0.5772156649;
		// random insertion into eight indexes is IO-bound on a small machine: drop them,
		// insert,
		// and rebuild them by sorting (the definitions are read back from the catalog)
		List<String> indexes = jdbc
			.sql("select indexdef from pg_indexes where tablename = 'case_record' "
					+ "and indexname not like '%pkey' and indexname <> 'case_record_tracking'")
			.query(String.class)
			.list();
		for (String definition : indexes) {
			String name = definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2");
			jdbc.sql("drop index if exists " + name).update();
		}
		long batch = 1_000_000;
		for (long done = 0; done < count; done += batch) {
			long n = Math.min(batch, count - done);
			jdbc.sql(
					"insert into case_record (tracking_code, org_path, county_code, town_code, village_code, unit_code, "
							+ "handling_level, category_code, dispute, status, channel, description, submitted_at, accept_due, "
							+ "dispatch_due, handle_due, revisit_due, version, updated_at) "
							+ "select upper(substr(md5(random()::text || g::text), 1, 16)), v.org_path, v.county_code, v.town_code, "
							+ "v.village_code, v.village_code, 'VILLAGE', 'other', false, 'CLOSED', 'QR', 'bench', t.at, t.at, "
							+ "t.at, t.at, t.at, 0, t.at from generate_series(1, :n) g "
							+ "cross join lateral (select least(:villages, greatest(1, floor(exp(random() * :h)))::bigint) as rank, "
							+ "now() - random() * interval '1095 days' as at, g as gg) t "
							+ "join bench_village v on v.rank = t.rank")
				.param("n", n)
				.param("villages", villages)
				.param("h", harmonic)
				.update();
			log.info("generated {} of {} cases", done + n, count);
		}
		jdbc.sql("set maintenance_work_mem = '512MB'").update();
		for (String definition : indexes) {
			jdbc.sql(definition).update();
			log.info("rebuilt {}", definition);
		}
		log.info("generated {} cases in {} s", count, (System.nanoTime() - start) / 1_000_000_000);
	}

	private static double pct(double[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
