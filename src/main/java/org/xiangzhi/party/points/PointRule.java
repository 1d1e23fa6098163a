package org.xiangzhi.party.points;

import org.xiangzhi.platform.InvalidInputException;

/**
 * A rule of a county's catalogue: what is rewarded and with how many points per unit (per
 * hour for volunteer hours). Violations are negative, everything else positive.
 */
public record PointRule(String code, String nameZh, String nameEn, PointKind kind, int points, boolean active) {

	/** The largest number of points one rule gives or takes per unit. */
	public static final int MAX_POINTS = 100;

	/**
	 * A rule checked field by field.
	 * @throws InvalidInputException {@code party.points.rule.*}
	 */
	public static PointRule checked(String code, String nameZh, String nameEn, PointKind kind, Integer points,
			boolean active) {
		String theCode = code == null ? "" : code.strip();
		if (!theCode.matches("[a-z][a-z_]*(\\.[a-z][a-z_]*)*") || theCode.length() > 64) {
			throw new InvalidInputException("code", "party.points.rule.code.invalid");
		}
		if (nameZh == null || nameZh.isBlank() || nameZh.strip().length() > 100) {
			throw new InvalidInputException("nameZh", "party.points.rule.name.required");
		}
		if (nameEn == null || nameEn.isBlank() || nameEn.strip().length() > 100) {
			throw new InvalidInputException("nameEn", "party.points.rule.name.required");
		}
		if (kind == null) {
			throw new InvalidInputException("kind", "party.points.rule.kind.required");
		}
		if (points == null || points == 0 || Math.abs(points) > MAX_POINTS) {
			throw new InvalidInputException("points", "party.points.rule.points.range");
		}
		// the sign follows the kind, so a typo cannot turn a violation into a reward
		if (kind.deducts() != (points < 0)) {
			throw new InvalidInputException("points", "party.points.rule.points.sign");
		}
		return new PointRule(theCode, nameZh.strip(), nameEn.strip(), kind, points, active);
	}

	/** The name in the reader's language ({@code zh} or {@code en}). */
	public String name(String lang) {
		return "en".equals(lang) ? nameEn : nameZh;
	}

	PointRule withActive(boolean active) {
		return new PointRule(code, nameZh, nameEn, kind, points, active);
	}

}
