package org.xiangzhi.cases.mediation;

/** The side of a party in a dispute: applicant (甲方) or respondent (乙方). */
enum Side {

	A, B

}
