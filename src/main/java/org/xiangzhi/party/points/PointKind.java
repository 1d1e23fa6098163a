package org.xiangzhi.party.points;

/** What a points rule rewards (or, for violations, deducts). */
public enum PointKind {

	/** 学习: study attended, test passed. */
	STUDY,
	/** 走访: visits to linked households, mandatory visits. */
	VISIT,
	/** 志愿服务: counted in hours. */
	VOLUNTEER_HOUR,
	/** 先锋岗值守: a duty at a pioneer post. */
	PIONEER_DUTY,
	/** 违纪违规: deducts points. */
	VIOLATION,
	/** 其他. */
	OTHER;

	/** Rules of this kind take points away; every other kind adds them. */
	public boolean deducts() {
		return this == VIOLATION;
	}

	public String messageKey() {
		return "party.points.kind." + name();
	}

}
