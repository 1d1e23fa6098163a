package org.xiangzhi.party.study;

/** The kinds of study session. */
public enum SessionKind {

	/** 支部党员大会 (三会一课) */
	BRANCH_MEETING,
	/** 支委会 (三会一课) */
	COMMITTEE_MEETING,
	/** 党小组会 (三会一课) */
	GROUP_MEETING,
	/** 党课 (三会一课) */
	PARTY_LECTURE,
	/** 主题党日 */
	THEME_DAY,
	/** 星期二理论课堂 (seed 001, 橙槽村) */
	TUESDAY_CLASS,
	/** 其他学习 */
	OTHER;

	/** One of 三会一课. */
	public boolean threeMeetingsOneLesson() {
		return this == BRANCH_MEETING || this == COMMITTEE_MEETING || this == GROUP_MEETING || this == PARTY_LECTURE;
	}

	public String messageKey() {
		return "party.study.kind." + name();
	}

}
