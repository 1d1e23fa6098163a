package org.xiangzhi.cases.time;

import java.util.Map;
import java.util.Objects;

/**
 * The time limits per case category: an override when the category has one, else the
 * default. Overrides are looked up by exact category code; inheritance from a parent
 * category is resolved when the policy is built (see
 * {@link CategoryDefaults#timeLimitPolicy()}).
 *
 * @param defaults limits of categories without an override
 * @param overrides limits by category code
 */
public record TimeLimitPolicy(TimeLimits defaults, Map<String, TimeLimits> overrides) {

	public TimeLimitPolicy {
		Objects.requireNonNull(defaults, "defaults");
		overrides = Map.copyOf(overrides);
	}

	/** "13710" for every category. */
	public static TimeLimitPolicy uniform13710() {
		return new TimeLimitPolicy(TimeLimits.DEFAULT_13710, Map.of());
	}

	/** The limits of a category, its override or the default. */
	public TimeLimits forCategory(String categoryCode) {
		Objects.requireNonNull(categoryCode, "categoryCode");
		return this.overrides.getOrDefault(categoryCode, this.defaults);
	}

}
