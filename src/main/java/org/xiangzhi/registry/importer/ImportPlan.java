package org.xiangzhi.registry.importer;

import java.util.List;

import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.household.RegistryStore.NewHousehold;
import org.xiangzhi.registry.household.RegistryStore.NewResident;

/**
 * A validated roster, ready to write: new households, and new residents for new or
 * existing households. Residents already registered are only counted.
 *
 * @param households every household of the file, new or existing
 * @param scopePath the deepest place that holds every household of the file (for the
 * audit row and the job's visibility)
 * @param rows data rows read
 */
record ImportPlan(List<PlannedHousehold> households, OrgPath scopePath, int rows) {

	/**
	 * One household of the file.
	 *
	 * @param existingId the registered household that already holds members of the file,
	 * or null when the household is new
	 */
	record PlannedHousehold(String key, OrgPath path, NewHousehold household, Long existingId,
			List<NewResident> newResidents, int unchangedResidents) {
	}

	long householdsToCreate() {
		return households.stream().filter(h -> h.existingId() == null).count();
	}

	long householdsExisting() {
		return households.stream().filter(h -> h.existingId() != null).count();
	}

	long residentsToCreate() {
		return households.stream().mapToLong(h -> h.newResidents().size()).sum();
	}

	long residentsUnchanged() {
		return households.stream().mapToLong(PlannedHousehold::unchangedResidents).sum();
	}

}
