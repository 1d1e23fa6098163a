package org.xiangzhi.cases.time;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default category tree of 码上办, copied into each county when it is set up and then
 * edited there.
 * <p>
 * <b>Handling levels</b> follow "小事不出村，大事不出镇": most matters start in the village (the
 * village committee, its mediation committee, its cadres); litter and small nuisances
 * start with the grid member who walks past them every day; matters that need a town
 * office or a state agency start in the town: public order (the police station, 派出所),
 * electricity supply (the supply station, 供电所, which is not a village matter), social
 * assistance (低保, 特困 and 临时救助 are examined and decided by the town and the county
 * civil-affairs bureau under the 社会救助暂行办法, the village only helps apply) and safety
 * hazards (the town's safety-supervision office, 安监). No default starts at the county: a
 * case reaches the county by escalation.
 * <p>
 * <b>Time limits</b> are "13710" unless overridden; an override applies to the category's
 * children unless they override again. Overrides are only where waiting is dangerous:
 * safety hazards and public order are accepted the same day and handled within 3 and 5
 * working days; temporary assistance (临时救助, "急难型" help comes first and is checked
 * afterwards) is accepted the same day and handled within 3; policy questions need no
 * field work and are answered within 3 working days.
 */
public final class CategoryDefaults {

	/** Same-day acceptance, handling within 3, revisit within 5 working days. */
	static final TimeLimits SAFETY_LIMITS = new TimeLimits(0, 1, 3, 5);

	/** Same-day acceptance, handling within 5, revisit within 7 working days. */
	static final TimeLimits PUBLIC_SECURITY_LIMITS = new TimeLimits(0, 1, 5, 7);

	/** Same-day acceptance and dispatch, handling within 3, revisit within 10. */
	static final TimeLimits TEMPORARY_RELIEF_LIMITS = new TimeLimits(0, 0, 3, 10);

	/** An answer within 3 working days, revisit within 7. */
	static final TimeLimits POLICY_INQUIRY_LIMITS = new TimeLimits(1, 2, 3, 7);

	private static final List<CaseCategory> ALL = List.of(
			category("dispute", "矛盾纠纷", "Disputes", null, "VILLAGE", null),
			category("environment", "环境卫生", "Environment and sanitation", null, "GRID", null),
			category("infrastructure", "基础设施", "Infrastructure", null, "VILLAGE", null),
			category("infrastructure.road", "道路", "Roads", "infrastructure", "VILLAGE", null),
			category("infrastructure.water", "供水", "Water supply", "infrastructure", "VILLAGE", null),
			category("infrastructure.power", "供电", "Power supply", "infrastructure", "TOWN", null),
			category("infrastructure.street_light", "路灯", "Street lights", "infrastructure", "VILLAGE", null),
			category("social_assistance", "社会救助", "Social assistance", null, "TOWN", null),
			category("social_assistance.minimum_living", "低保", "Minimum living allowance (dibao)", "social_assistance",
					"TOWN", null),
			category("social_assistance.extreme_poverty", "特困", "Support for persons in extreme poverty",
					"social_assistance", "TOWN", null),
			category("social_assistance.temporary", "临时救助", "Temporary assistance", "social_assistance", "TOWN",
					TEMPORARY_RELIEF_LIMITS),
			category("safety_hazard", "安全隐患", "Safety hazards", null, "TOWN", SAFETY_LIMITS),
			category("public_security", "治安", "Public order", null, "TOWN", PUBLIC_SECURITY_LIMITS),
			category("policy_inquiry", "政策咨询", "Policy questions", null, "VILLAGE", POLICY_INQUIRY_LIMITS),
			category("suggestion", "意见建议", "Suggestions", null, "VILLAGE", null),
			category("praise", "表扬", "Praise", null, "VILLAGE", null),
			category("other", "其他", "Other", null, "VILLAGE", null));

	private static final Map<String, CaseCategory> BY_CODE;

	static {
		Map<String, CaseCategory> byCode = new LinkedHashMap<>();
		for (CaseCategory category : ALL) {
			if (byCode.put(category.code(), category) != null) {
				throw new IllegalStateException("duplicate category code " + category.code());
			}
			if (category.parentCode() != null && !byCode.containsKey(category.parentCode())) {
				throw new IllegalStateException("parent of " + category.code() + " must come before it");
			}
		}
		BY_CODE = byCode;
	}

	private CategoryDefaults() {
	}

	private static CaseCategory category(String code, String nameZh, String nameEn, String parentCode,
			String handlingLevel, TimeLimits override) {
		return new CaseCategory(code, nameZh, nameEn, parentCode, handlingLevel, override);
	}

	/** Every default category, each parent before its children. */
	public static List<CaseCategory> all() {
		return ALL;
	}

	/** The top-level categories, in display order. */
	public static List<CaseCategory> topLevel() {
		return ALL.stream().filter(CaseCategory::isTopLevel).toList();
	}

	/** The direct children of a category, in display order. */
	public static List<CaseCategory> children(String parentCode) {
		return ALL.stream().filter((category) -> parentCode.equals(category.parentCode())).toList();
	}

	/** The category with this code. */
	public static Optional<CaseCategory> byCode(String code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

	/**
	 * The effective time limits of a category: its own override, else its nearest
	 * ancestor's, else "13710".
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static TimeLimits timeLimitsOf(String code) {
		CaseCategory category = byCode(code)
			.orElseThrow(() -> new IllegalArgumentException("unknown category " + code));
		while (category != null) {
			if (category.timeLimitsOverride() != null) {
				return category.timeLimitsOverride();
			}
			category = (category.parentCode() != null) ? BY_CODE.get(category.parentCode()) : null;
		}
		return TimeLimits.DEFAULT_13710;
	}

	/**
	 * A policy with "13710" as default and, for every category whose effective limits
	 * differ from it, those limits (inheritance resolved).
	 */
	public static TimeLimitPolicy timeLimitPolicy() {
		Map<String, TimeLimits> overrides = new HashMap<>();
		for (CaseCategory category : ALL) {
			TimeLimits limits = timeLimitsOf(category.code());
			if (!limits.equals(TimeLimits.DEFAULT_13710)) {
				overrides.put(category.code(), limits);
			}
		}
		return new TimeLimitPolicy(TimeLimits.DEFAULT_13710, overrides);
	}

}
