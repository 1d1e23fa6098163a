package org.xiangzhi.registry;

/** Identifies a resident (居民). */
public record ResidentId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
