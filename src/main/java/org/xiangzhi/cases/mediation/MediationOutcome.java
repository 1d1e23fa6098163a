package org.xiangzhi.cases.mediation;

/** How a mediation ended. */
enum MediationOutcome {

	/** 调解成功, an agreement was reached */
	AGREED,
	/** 调解不成 */
	FAILED,
	/** 转入诉讼、仲裁或其他渠道 */
	REFERRED

}
