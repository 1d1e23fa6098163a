package org.xiangzhi.cases.time;

import java.util.Objects;
import java.util.List;

/**
 * A case category of the default tree (see {@link CategoryDefaults}).
 *
 * @param code stable code, lower-case, dotted below its parent's code (e.g.
 * {@code infrastructure.road}); used as Open311 service code and never renamed
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param parentCode code of the parent category, {@code null} for a top-level category
 * @param handlingLevel default handling level: {@code "GRID"}, {@code "VILLAGE"},
 * {@code "TOWN"} or {@code "COUNTY"}
 * @param timeLimitsOverride time limits of this category and, unless they override again,
 * of its children; {@code null} to inherit (from the parent, else "13710")
 */
public record CaseCategory(String code, String nameZh, String nameEn, String parentCode, String handlingLevel,
		TimeLimits timeLimitsOverride) {

	/** The handling levels, lowest first. */
	public static final List<String> HANDLING_LEVELS = List.of("GRID", "VILLAGE", "TOWN", "COUNTY");

	public CaseCategory {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(nameZh, "nameZh");
		Objects.requireNonNull(nameEn, "nameEn");
		if (!code.matches("[a-z][a-z_]*(\\.[a-z][a-z_]*)*")) {
			throw new IllegalArgumentException("bad category code: " + code);
		}
		if (!HANDLING_LEVELS.contains(handlingLevel)) {
			throw new IllegalArgumentException("bad handling level of " + code + ": " + handlingLevel);
		}
		if (parentCode != null && !code.startsWith(parentCode + ".")) {
			throw new IllegalArgumentException("code " + code + " must start with its parent's code " + parentCode);
		}
	}

	/** Whether this is a top-level category. */
	public boolean isTopLevel() {
		return this.parentCode == null;
	}

	/**
	 * The name in the given language: Chinese unless {@code language} is {@code "en"}.
	 */
	public String name(String language) {
		return "en".equals(language) ? this.nameEn : this.nameZh;
	}

}
