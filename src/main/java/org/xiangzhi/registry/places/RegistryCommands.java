package org.xiangzhi.registry.places;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiangzhi.platform.Command;
import org.xiangzhi.registry.household.RegistryTallies;

/**
 * Registry commands (see {@link Command}), selected with {@code --xiangzhi.command=...}:
 * <ul>
 * <li>{@code load-divisions --dir=<folder of china-division CSVs> [--province=62 |
 * --county=620621 | --prefix=...]}: load divisions (all levels of the subtree and its
 * ancestors);</li>
 * <li>{@code generate [--province=62 | --county=620621 | --prefix=...]
 * [--households-per-village=400] [--groups-per-village=6] [--seed=2026]}: synthetic
 * households and residents for every loaded village below the code;</li>
 * <li>{@code rebuild-tallies}: recompute the registry tally (counts of every village and
 * every place above it) from the rows in bulk.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RegistryCommands {

	static final String LOAD = "load-divisions";

	static final String GENERATE = "generate";

	private static final Logger log = LoggerFactory.getLogger(RegistryCommands.class);

	@Bean
	Command loadDivisionsCommand(Divisions divisions) {
		return Command.of(LOAD, args -> {
			String dir = Command.option(args, "dir", null);
			if (dir == null || !Files.isDirectory(Path.of(dir))) {
				log.error("load-divisions needs --dir=<folder with provinces.csv, cities.csv, areas.csv, streets.csv, "
						+ "villages*.csv>");
				return 2;
			}
			Divisions.LoadReport report = divisions.loadDirectory(Path.of(dir), prefix(args));
			report.problems()
				.stream()
				.limit(100)
				.forEach(p -> log.error("{} line {}: {} {}", p.file(), p.line(), p.messageKey(), p.value()));
			log.info("load-divisions: {}", Divisions.summary(report));
			return report.ok() ? 0 : 1;
		});
	}

	@Bean
	Command generateCommand(Generator generator) {
		return Command.of(GENERATE, args -> {
			String prefix = prefix(args);
			if (prefix == null || prefix.isBlank() || !prefix.matches("[0-9]+")) {
				log.error("generate needs --province=, --county= or --prefix= (a division code)");
				return 2;
			}
			Generator.Result result = generator.generate(prefix,
					Integer.parseInt(Command.option(args, "households-per-village", "400")),
					Integer.parseInt(Command.option(args, "groups-per-village", "6")),
					Long.parseLong(Command.option(args, "seed", "2026")));
			log.info("generate: {}", result);
			return 0;
		});
	}

	@Bean
	Command rebuildTalliesCommand(RegistryTallies tallies) {
		return Command.of(RegistryTallies.REBUILD_COMMAND, args -> {
			RegistryTallies.Rebuild rebuild = tallies.rebuildAll();
			log.info("rebuild-tallies: {} rows for {} places in {} ms", rebuild.rows(), rebuild.places(),
					rebuild.millis());
			return 0;
		});
	}

	/**
	 * The division code below which to work: --prefix, --town, --county, --city or
	 * --province.
	 */
	static String prefix(ApplicationArguments args) {
		for (String name : List.of("prefix", "town", "county", "city", "province")) {
			String value = Command.option(args, name, null);
			if (value != null) {
				return value.strip();
			}
		}
		return null;
	}

}
