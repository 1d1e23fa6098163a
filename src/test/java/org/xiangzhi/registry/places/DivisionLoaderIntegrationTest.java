package org.xiangzhi.registry.places;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@IntegrationTest
class DivisionLoaderIntegrationTest {

	/** The project's shared copy of china-division 2.7.0 (not in the repository). */
	static final Path SHARED = Path
		.of(System.getProperty("xiangzhi.divisions.dir", "/work/shared/data/modood-china-division-2.7.0"));

	@Autowired
	Divisions divisions;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void filesAreLoadedParentsFirstWithTheirPathsAndASecondLoadAddsNothing() throws IOException {
		String town = "980101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		// the villages come first in the directory listing and the towns file last: order
		// does not matter
		write("villages-a.csv", "code,name,streetCode,provinceCode,cityCode,areaCode\n" + town + "201,\"甲村委会\"," + town
				+ ",98,9801,980101\n" + town + "202,\"乙村委会\"," + town + ",98,9801,980101\n");
		write("provinces.csv", "code,name\n98,\"测试省\"\n");
		write("cities.csv", "code,name,provinceCode\n9801,\"测试市\",98\n");
		write("areas.csv", "code,name,cityCode,provinceCode\n980101,\"测试县\",9801,98\n");
		write("streets.csv", "code,name,areaCode,provinceCode,cityCode\n" + town + ",\"测试镇\",980101,98,9801\n");
		Divisions.LoadReport first = divisions.loadDirectory(dir, "98");
		assertThat(first.problems()).isEmpty();
		assertThat(first.rows()).isEqualTo(6);
		assertThat(first.added()).isGreaterThanOrEqualTo(3);
		assertThat(places.find(town + "201").orElseThrow().path().value())
			.isEqualTo("/98/9801/980101/" + town + "/" + town + "201/");
		assertThat(places.find(town + "201").orElseThrow().name()).isEqualTo("甲村委会");
		assertThat(places.find(town).orElseThrow().level()).isEqualTo(PlaceLevel.TOWN);
		Divisions.LoadReport second = divisions.loadDirectory(dir, "98");
		assertThat(second.added()).isZero();
		assertThat(second.present()).isEqualTo(6);
	}

	@Test
	void aRowWhoseParentIsUnknownIsReportedWithItsLineAndNothingIsLoaded() throws IOException {
		write("villages.csv",
				"code,name,streetCode,provinceCode,cityCode,areaCode\n"
						+ "620621110212,\"橙槽村委会\",620621110,62,6206,620621\n"
						+ "979797979001,\"无上级村委会\",979797979,97,9797,979797\n"
						+ "620621110299,\"新村委会\",620621110,62,6206,620621\n");
		Divisions.LoadReport report = divisions.loadDirectory(dir, "");
		assertThat(report.ok()).isFalse();
		assertThat(report.problems()).singleElement().satisfies(p -> {
			assertThat(p.line()).isEqualTo(3);
			assertThat(p.messageKey()).isEqualTo("places.divisions.error.noParent");
		});
		assertThat(places.find("620621110299")).isEmpty();
	}

	@Test
	void theShippedSubsetIsAlreadyLoadedByTheDemo() {
		Divisions.LoadReport report = divisions.loadShipped();
		assertThat(report.ok()).isTrue();
		assertThat(report.added()).isZero();
		assertThat(report.present()).isEqualTo(report.rows());
	}

	@Test
	void wholeGansuLoadsInBatchesWithEveryLevelAndQuickly() throws IOException {
		assumeTrue(Files.isDirectory(SHARED), "the shared division files are not on this machine");
		Map<PlaceLevel, Set<String>> expected = new EnumMap<>(PlaceLevel.class);
		try (Stream<Path> files = Files.list(SHARED)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
				String name = file.getFileName().toString();
				if (!List.of("provinces.csv", "cities.csv", "areas.csv", "streets.csv").contains(name)
						&& !name.startsWith("villages")) {
					continue;
				}
				Files.readAllLines(file).stream().skip(1).filter(l -> l.startsWith("62")).forEach(l -> {
					String code = l.substring(0, l.indexOf(','));
					expected.computeIfAbsent(DivisionCsv.levelOf(code), k -> new HashSet<>()).add(code);
				});
			}
		}
		long start = System.nanoTime();
		Divisions.LoadReport report = divisions.loadDirectory(SHARED, "62");
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(report.problems()).isEmpty();
		assertThat(millis).as("load time in ms").isLessThan(10_000);
		for (Map.Entry<PlaceLevel, Set<String>> level : expected.entrySet()) {
			Set<String> loaded = new HashSet<>(jdbc.sql(
					"select code from place where level = :l and org_path like '/62/%' or (level = :l and code = '62')")
				.param("l", level.getKey().name())
				.query(String.class)
				.list());
			assertThat(loaded).as(level.getKey().name()).containsAll(level.getValue());
		}
		assertThat(expected.get(PlaceLevel.VILLAGE)).hasSize(17718);
		assertThat(expected.get(PlaceLevel.TOWN)).hasSize(1403);
		assertThat(expected.get(PlaceLevel.COUNTY)).hasSize(88);
		assertThat(places.find("620902101209").orElseThrow().name()).isEqualTo("西一村委会");
		assertThat(divisions.loadDirectory(SHARED, "62").added()).isZero();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

}
