package org.xiangzhi.registry;

/** Identifies a household (户). */
public record HouseholdId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
