package org.xiangzhi.registry.household;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the registry tally of a database that has households but no tally yet (upgraded
 * from a version without it, or restored without it), before the demo data and commands
 * run and before the application reports itself ready. Skipped when the command to run is
 * the rebuild itself.
 */
@Component
@Order(5)
class TallyOnStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(TallyOnStartup.class);

	private final RegistryTallies tallies;

	private final String command;

	TallyOnStartup(RegistryTallies tallies, @Value("${xiangzhi.command:}") String command) {
		this.tallies = tallies;
		this.command = command;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (RegistryTallies.REBUILD_COMMAND.equals(command.strip())) {
			return;
		}
		RegistryTallies.Rebuild rebuild = tallies.rebuildIfEmpty();
		if (rebuild.rebuilt()) {
			log.info("Registry tally was empty while households exist: rebuilt {} places in {} ms", rebuild.places(),
					rebuild.millis());
		}
	}

}
