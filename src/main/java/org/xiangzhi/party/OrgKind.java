package org.xiangzhi.party;

/** Kinds of party organisation, from the top of a town's tree down. */
public enum OrgKind {

	/** 镇党委, at a town. */
	TOWN_COMMITTEE,
	/** 党总支, at a village (a branch with groups or sub-branches). */
	GENERAL_BRANCH,
	/** 党支部, at a village. */
	BRANCH,
	/** 网格党小组, at a grid, under a village's branch. */
	GRID_GROUP,
	/**
	 * 临时党支部: set up for a purpose (a checkpoint, a campaign) from a start to an end date.
	 */
	TEMPORARY_BRANCH;

	/** Whether members belong to organisations of this kind directly. */
	public boolean holdsMembers() {
		return this != TOWN_COMMITTEE;
	}

	public String messageKey() {
		return "party.org.kind." + name();
	}

}
