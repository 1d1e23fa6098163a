package org.xiangzhi.cases.mediation;

/** Who mediates a dispute. */
enum MediatorKind {

	/** 人民调解委员会 */
	COMMITTEE,
	/** 调解工作室, a named studio such as "娟子式"调解工作室 */
	STUDIO,
	/** 个人调解员 */
	PERSON

}
