package org.xiangzhi.registry;

import java.util.List;
import java.util.Optional;

import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;

/**
 * What other modules may ask of the registry: where a household lives, who a resident is,
 * which grid a point falls in. Names only, never identifiers: modules that need an ID
 * number ask the registry's own screens.
 */
public interface RegistryDirectory {

	/** A household as other modules see it. */
	record HouseholdRef(HouseholdId id, OrgPath path, String villageCode, String gridCode, String address,
			String headName) {
	}

	/** A resident as other modules see it. */
	record ResidentRef(ResidentId id, HouseholdId householdId, OrgPath path, String name) {
	}

	/** The household, if it exists and lies inside the scope. */
	Optional<HouseholdRef> household(HouseholdId id, DataScope scope);

	/** The resident, if registered (any status but deleted) and inside the scope. */
	Optional<ResidentRef> resident(ResidentId id, DataScope scope);

	/**
	 * Residents inside the scope whose name starts with {@code namePrefix}; at most
	 * limit.
	 */
	List<ResidentRef> residentsNamed(String namePrefix, DataScope scope, int limit);

	/**
	 * The grid (or micro-grid's grid) of the place {@code underPath} whose boundary
	 * contains the point; empty when no grid there has a boundary around it.
	 */
	Optional<String> gridContaining(OrgPath underPath, double latitude, double longitude);

}
