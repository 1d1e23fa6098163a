package org.xiangzhi.party.points;

/** The result of the annual democratic appraisal (民主评议党员). */
public enum AppraisalGrade {

	/** 优秀 */
	EXCELLENT,
	/** 合格 */
	QUALIFIED,
	/** 基本合格 */
	BASICALLY_QUALIFIED,
	/** 不合格 */
	UNQUALIFIED;

	public String messageKey() {
		return "party.points.grade." + name();
	}

}
