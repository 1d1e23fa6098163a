package org.xiangzhi.platform;

/**
 * Levels of the place tree: the administrative divisions, then the grids laid over
 * villages.
 */
public enum PlaceLevel {

	/** 全国 — the root of the tree. */
	NATION,
	/** 省 */
	PROVINCE,
	/** 市 */
	CITY,
	/** 区县 */
	COUNTY,
	/** 镇/街道 */
	TOWN,
	/** 村/社区 */
	VILLAGE,
	/** 网格 */
	GRID,
	/** 微网格 — a few households inside a grid. */
	MICRO_GRID;

	public boolean isAtOrBelow(PlaceLevel other) {
		return ordinal() >= other.ordinal();
	}

}
