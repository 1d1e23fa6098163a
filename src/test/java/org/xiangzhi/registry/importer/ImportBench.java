package org.xiangzhi.registry.importer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.RegistryAccess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import benchmark: 100,000 residents in 25,000 households, read, validated and
 * imported. Not a test: its name matches none of surefire's default patterns, so
 * {@code ./mvnw verify} skips it; run it with
 * {@code ./mvnw -q -B -o test -Dtest=ImportBench -Dsurefire.failIfNoSpecifiedTests=false}
 * (see bench/README.md). Figures go to the log and to {@code target/import-bench.txt}.
 * <p>
 * The baseline, measured in the same run: the database writing the same number of
 * households and residents (same tables, same indexes, strings of the stored lengths)
 * from one {@code INSERT ... SELECT} each over {@code generate_series}, rolled back: what
 * the rows cost the database itself, with no file, validation, encryption or round trips.
 */
@IntegrationTest
@Tag("bench")
class ImportBench {

	private static final Logger log = LoggerFactory.getLogger(ImportBench.class);

	static final int HOUSEHOLDS = Integer.getInteger("bench.households", 25_000);

	static final int SIZE = 4;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RosterValidator validator;

	@Autowired
	RosterImporter importer;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void importOneHundredThousandResidents() throws Exception {
		Place village = Rosters.village(places);
		String group = String.valueOf(Rosters.group(jdbc, village));
		Actor cadre = TestActors.actor("bench", Role.TOWN_CADRE, places.find("620621110").orElseThrow().path());

		long t0 = System.nanoTime();
		byte[] file = Rosters.xlsx(Rosters.households(village.code(), group, HOUSEHOLDS, SIZE));
		long t1 = System.nanoTime();
		Roster roster = RosterReader.read(new ByteArrayInputStream(file));
		long t2 = System.nanoTime();
		RosterValidator.Validation validation = validator.validate(roster, RegistryAccess.importScope(cadre),
				RosterValidator.Progress.NONE);
		long t3 = System.nanoTime();
		assertThat(validation.errors()).isEmpty();
		ImportService.Outcome outcome = importer.write(validation.plan(), cadre, null, RosterValidator.Progress.NONE);
		long t4 = System.nanoTime();
		assertThat(outcome.residentsCreated()).isEqualTo((long) HOUSEHOLDS * SIZE);
		// the second import finds everyone registered
		Roster reread = RosterReader.read(new ByteArrayInputStream(file));
		long r1 = System.nanoTime();
		RosterValidator.Validation again = validator.validate(reread, RegistryAccess.importScope(cadre),
				RosterValidator.Progress.NONE);
		long r2 = System.nanoTime();
		ImportService.Outcome second = importer.write(again.plan(), cadre, null, RosterValidator.Progress.NONE);
		long t5 = System.nanoTime();
		assertThat(second.residentsCreated()).isZero();
		long b0 = System.nanoTime();
		long baselineRows = baseline(village, HOUSEHOLDS, SIZE);
		long b1 = System.nanoTime();
		assertThat(baselineRows).isEqualTo((long) HOUSEHOLDS * SIZE);

		String db = jdbc.sql("select 1").query(Integer.class).single() == 1
				? String.valueOf(System.getenv().getOrDefault("XIANGZHI_TEST_DB_URL", "H2 in-memory")) : "";
		String line = String
			.format("%s %s residents=%d households=%d fileMB=%.1f generate=%.1fs read=%.1fs validate=%.1fs "
					+ "import=%.1fs read+validate+import=%.1fs reimport(read+validate+write)=%.1fs (validate %.1fs) "
					+ "baseline(insert-select, rolled back)=%.2fs%n", Instant.now(), db, outcome.residentsCreated(),
					outcome.householdsCreated(), file.length / 1048576.0, secs(t0, t1), secs(t1, t2), secs(t2, t3),
					secs(t3, t4), secs(t1, t4), secs(t4, t5), secs(r1, r2), secs(b0, b1));
		log.warn("Import benchmark: {}", line.strip());
		Files.writeString(Path.of("target", "import-bench.txt"), line, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	/**
	 * The database's own insert of {@code households} households of {@code size}
	 * residents in {@code village}, in one transaction that is rolled back.
	 * @return the residents written
	 */
	private long baseline(Place village, int households, int size) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Long residents = tx.execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("insert into household (org_path, village_code, address, status, version, created_at, updated_at) "
					+ "select :path, :village, '基线路' || g.x || '号', 'ACTIVE', 0, current_timestamp, current_timestamp "
					+ "from generate_series(1, :n) g(x)")
				.param("path", village.path().value())
				.param("village", village.code())
				.param("n", households)
				.update();
			// encrypted values and blind indexes of the stored lengths (AES-GCM base64,
			// HMAC hex)
			return (long) jdbc.sql("insert into resident (household_id, org_path, name, gender, birth_date, "
					+ "id_number_enc, id_number_bidx, phone_enc, phone_bidx, relation, status, version, created_at, "
					+ "updated_at) select h.id, h.org_path, '基线' || m.x, 'MALE', date '1980-01-01', "
					+ "lpad(h.id || '-' || m.x, 80, 'e'), lpad(h.id || '-' || m.x, 64, 'b'), "
					+ "lpad(h.id || '+' || m.x, 80, 'e'), lpad(h.id || '+' || m.x, 64, 'b'), 'OTHER', "
					+ "'ACTIVE', 0, current_timestamp, current_timestamp from household h "
					+ "cross join generate_series(1, :size) m(x) where h.village_code = :village "
					+ "and h.address like '基线路%'")
				.param("size", size)
				.param("village", village.code())
				.update();
		});
		return residents == null ? 0 : residents;
	}

	private static double secs(long from, long to) {
		return (to - from) / 1e9;
	}

}
