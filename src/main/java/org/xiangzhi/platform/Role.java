package org.xiangzhi.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * Roles of domain.md §8. Each role is held at one node of the place tree (its scope) and
 * only at the levels listed here. {@link #rank} orders roles for granting: nobody grants
 * a role ranked above one they hold.
 */
public enum Role {

	/** 系统管理员 — the whole tree. */
	SYSTEM_ADMIN(100, true, EnumSet.allOf(PlaceLevel.class)),
	/** 县级管理员 */
	COUNTY_ADMIN(80, true, EnumSet.of(PlaceLevel.COUNTY)),
	/** 镇级管理员 */
	TOWN_ADMIN(70, true, EnumSet.of(PlaceLevel.TOWN)),
	/** 审计员 — reads the audit log of its subtree, changes nothing. */
	AUDITOR(60, false, EnumSet.of(PlaceLevel.PROVINCE, PlaceLevel.CITY, PlaceLevel.COUNTY, PlaceLevel.TOWN)),
	/** 镇干部 / 综治中心 */
	TOWN_CADRE(50, false, EnumSet.of(PlaceLevel.TOWN)),
	/** 村干部（两委） */
	VILLAGE_CADRE(40, false, EnumSet.of(PlaceLevel.VILLAGE)),
	/** 调解员 */
	MEDIATOR(30, false, EnumSet.of(PlaceLevel.TOWN, PlaceLevel.VILLAGE)),
	/** 网格长 / 网格员 */
	GRID_WORKER(20, false, EnumSet.of(PlaceLevel.VILLAGE, PlaceLevel.GRID)),
	/** 党员 */
	PARTY_MEMBER(10, false, EnumSet.of(PlaceLevel.VILLAGE, PlaceLevel.GRID));

	private final int rank;

	private final boolean admin;

	private final Set<PlaceLevel> levels;

	Role(int rank, boolean admin, Set<PlaceLevel> levels) {
		this.rank = rank;
		this.admin = admin;
		this.levels = levels;
	}

	public int rank() {
		return rank;
	}

	/** Administrators manage accounts inside their scope. */
	public boolean isAdmin() {
		return admin;
	}

	/** Whether this role may be held at a node of the given level. */
	public boolean allowedAt(PlaceLevel level) {
		return levels.contains(level);
	}

	/** Message key of the role's display name. */
	public String messageKey() {
		return "role." + name();
	}

	/** Spring Security authority name. */
	public String authority() {
		return "ROLE_" + name();
	}

}
