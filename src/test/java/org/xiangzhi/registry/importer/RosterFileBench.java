package org.xiangzhi.registry.importer;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a valid roster workbook for a manual or scripted upload through the import page
 * (for example, the memory check of an application started with a small heap):
 * {@code ./mvnw -q -B -o test -Dtest=RosterFileBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbench.village=620621110212 -Dbench.group=1 -Dbench.households=25000} writes
 * {@code target/roster-<village>-<households>.xlsx}. Not a test: the class name matches
 * no surefire pattern and it is tagged {@code bench}.
 */
@Tag("bench")
class RosterFileBench {

	private static final Logger log = LoggerFactory.getLogger(RosterFileBench.class);

	@Test
	void writeRoster() throws Exception {
		String village = System.getProperty("bench.village", "620621110212");
		String group = System.getProperty("bench.group", "1");
		int households = Integer.getInteger("bench.households", 25_000);
		int size = Integer.getInteger("bench.size", 4);
		Path out = Path.of("target", "roster-" + village + "-" + households + ".xlsx");
		Files.createDirectories(out.getParent());
		Files.write(out, Rosters.xlsx(Rosters.households(village, group, households, size)));
		log.warn("Roster written: {}", out.toAbsolutePath());
	}

}
