package org.xiangzhi.registry.places;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Registry commands given as {@code --xiangzhi.command=...}, run after the demo data and
 * then ending the process with their status:
 * <ul>
 * <li>{@code load-divisions --dir=<folder of china-division CSVs> [--province=62 |
 * --county=620621 | --prefix=...]}: load divisions (all levels of the subtree and its
 * ancestors);</li>
 * <li>{@code generate [--province=62 | --county=620621 | --prefix=...]
 * [--households-per-village=400] [--groups-per-village=6] [--seed=2026]}: synthetic
 * households and residents for every loaded village below the code.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Order(20)
class RegistryCommands implements ApplicationRunner {

	static final String LOAD = "load-divisions";

	static final String GENERATE = "generate";

	private static final Logger log = LoggerFactory.getLogger(RegistryCommands.class);

	private final String command;

	private final Divisions divisions;

	private final Generator generator;

	private final CommandExit exit;

	RegistryCommands(@Value("${xiangzhi.command:}") String command, Divisions divisions, Generator generator,
			CommandExit exit) {
		this.command = command;
		this.divisions = divisions;
		this.generator = generator;
		this.exit = exit;
	}

	/** Ends the process with a status; a seam so that tests can run a command. */
	@FunctionalInterface
	interface CommandExit {

		void exit(int status);

	}

	@Bean
	static CommandExit registryCommandExit(ApplicationContext context) {
		return status -> System.exit(SpringApplication.exit(context, () -> status));
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer status = execute(command, args);
		if (status != null) {
			exit.exit(status);
		}
	}

	/**
	 * @return the exit status, or {@code null} when the command is not a registry one
	 */
	Integer execute(String command, ApplicationArguments args) {
		if (LOAD.equals(command)) {
			String dir = option(args, "dir", null);
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
		}
		if (GENERATE.equals(command)) {
			String prefix = prefix(args);
			if (prefix == null || prefix.isBlank() || !prefix.matches("[0-9]+")) {
				log.error("generate needs --province=, --county= or --prefix= (a division code)");
				return 2;
			}
			Generator.Result result = generator.generate(prefix,
					Integer.parseInt(option(args, "households-per-village", "400")),
					Integer.parseInt(option(args, "groups-per-village", "6")),
					Long.parseLong(option(args, "seed", "2026")));
			log.info("generate: {}", result);
			return 0;
		}
		return null;
	}

	private static String prefix(ApplicationArguments args) {
		for (String name : List.of("prefix", "town", "county", "city", "province")) {
			String value = option(args, name, null);
			if (value != null) {
				return value.strip();
			}
		}
		return null;
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? fallback : values.get(0);
	}

}
