package org.xiangzhi.registry;

import java.util.Set;

import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Role;

/**
 * Who may do what with the registry, and where: one place for every registry screen, API
 * and import. The scope is always the subtree of the assignments holding one of the
 * roles.
 */
public final class RegistryAccess {

	/** Read households, residents and counts (identifiers masked). */
	public static final Set<Role> READERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.MEDIATOR);

	/**
	 * Create and edit households and residents, move, split, merge (grid workers in their
	 * grid).
	 */
	public static final Set<Role> EDITORS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER);

	/** Reveal masked ID numbers and phones (audited), and export them unmasked. */
	public static final Set<Role> REVEALERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE);

	/** Import Excel rosters and load divisions, groups and grids. */
	public static final Set<Role> IMPORTERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE);

	/** Spring Security expressions for the same sets, for {@code @PreAuthorize}. */
	public static final String CAN_READ = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN','TOWN_ADMIN','TOWN_CADRE','VILLAGE_CADRE','GRID_WORKER','MEDIATOR')";

	public static final String CAN_EDIT = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN','TOWN_ADMIN','TOWN_CADRE','VILLAGE_CADRE','GRID_WORKER')";

	public static final String CAN_REVEAL = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN','TOWN_ADMIN','TOWN_CADRE','VILLAGE_CADRE')";

	public static final String CAN_IMPORT = CAN_REVEAL;

	private RegistryAccess() {
	}

	public static DataScope readScope(Actor actor) {
		return actor.scopeFor(READERS);
	}

	public static DataScope editScope(Actor actor) {
		return actor.scopeFor(EDITORS);
	}

	public static DataScope revealScope(Actor actor) {
		return actor.scopeFor(REVEALERS);
	}

	public static DataScope importScope(Actor actor) {
		return actor.scopeFor(IMPORTERS);
	}

}
