package org.xiangzhi.cases;

import java.util.Optional;

import org.xiangzhi.platform.PlaceLevel;

/**
 * The level that handles a case, lowest first: "小事不出村，大事不出镇". A case goes {@link #up()}
 * when escalated (上报) and {@link #down()} when handed down (下派).
 */
public enum HandlingLevel {

	/** 网格 */
	GRID(PlaceLevel.GRID),
	/** 村/社区 */
	VILLAGE(PlaceLevel.VILLAGE),
	/** 镇/街道 */
	TOWN(PlaceLevel.TOWN),
	/** 区县 */
	COUNTY(PlaceLevel.COUNTY);

	private final PlaceLevel placeLevel;

	HandlingLevel(PlaceLevel placeLevel) {
		this.placeLevel = placeLevel;
	}

	/** The level of the place tree whose unit handles at this level. */
	public PlaceLevel placeLevel() {
		return placeLevel;
	}

	/** The next level up, or empty at the county. */
	public Optional<HandlingLevel> up() {
		return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
	}

	/** The next level down, or empty at the grid. */
	public Optional<HandlingLevel> down() {
		return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
	}

	public boolean isAbove(HandlingLevel other) {
		return ordinal() > other.ordinal();
	}

	/** The handling level of a place level; empty for levels that never handle cases. */
	public static Optional<HandlingLevel> of(PlaceLevel placeLevel) {
		for (HandlingLevel level : values()) {
			if (level.placeLevel == placeLevel) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

	public String messageKey() {
		return "case.level." + name();
	}

}
