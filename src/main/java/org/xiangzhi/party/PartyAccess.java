package org.xiangzhi.party;

import java.util.Set;

import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Role;

/**
 * Who may do what in the party module, and where. Branch secretaries are village cadres
 * (两委); town organisers (组织委员) are town cadres or town administrators. A party member
 * sees only their own record, their own linked households, visits, points and tests: that
 * is not a subtree, so member-facing code checks {@link PartyDirectory#memberOfAccount}
 * instead of a scope.
 */
public final class PartyAccess {

	/**
	 * Read the organisation tree, members, links, visits, points and results of the
	 * scope.
	 */
	public static final Set<Role> READERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE);

	/**
	 * Maintain organisations and members, save links, record triggers, approve points,
	 * run study sessions.
	 */
	public static final Set<Role> MANAGERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE);

	/** A member's own pages: my households, visits due, my points, my tests. */
	public static final Set<Role> MEMBERS = Set.of(Role.PARTY_MEMBER);

	/** Spring Security expressions for the same sets, for {@code @PreAuthorize}. */
	public static final String CAN_READ = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN','TOWN_ADMIN','TOWN_CADRE','VILLAGE_CADRE')";

	public static final String CAN_MANAGE = CAN_READ;

	public static final String IS_MEMBER = "hasRole('PARTY_MEMBER')";

	private PartyAccess() {
	}

	public static DataScope readScope(Actor actor) {
		return actor.scopeFor(READERS);
	}

	public static DataScope manageScope(Actor actor) {
		return actor.scopeFor(MANAGERS);
	}

}
