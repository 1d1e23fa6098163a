package org.xiangzhi.cases;

import java.util.Set;

import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Role;

/**
 * Who may do what with cases, and where: one place for every case screen and API. The
 * scope is the subtree of the assignments holding one of the roles; a case is inside it
 * when its {@code org_path} is.
 */
public final class CaseAccess {

	/**
	 * Read cases, their timelines and photos; reporters' names and phones stay masked.
	 */
	public static final Set<Role> READERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.MEDIATOR);

	/** Take cases in on behalf of residents and act on them. */
	public static final Set<Role> HANDLERS = READERS;

	/** Configure categories and Open311 clients of a county. */
	public static final Set<Role> CONFIGURERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN);

	/** Spring Security expressions for the same sets, for {@code @PreAuthorize}. */
	public static final String CAN_READ = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN','TOWN_ADMIN','TOWN_CADRE','VILLAGE_CADRE','GRID_WORKER','MEDIATOR')";

	public static final String CAN_HANDLE = CAN_READ;

	public static final String CAN_CONFIGURE = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN')";

	private CaseAccess() {
	}

	public static DataScope readScope(Actor actor) {
		return actor.scopeFor(READERS);
	}

	public static DataScope handleScope(Actor actor) {
		return actor.scopeFor(HANDLERS);
	}

	public static DataScope configureScope(Actor actor) {
		return actor.scopeFor(CONFIGURERS);
	}

}
