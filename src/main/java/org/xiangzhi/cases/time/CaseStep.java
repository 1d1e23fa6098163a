package org.xiangzhi.cases.time;

/**
 * The four timed steps of a case under the "13710" method (马庄桥镇): the order of the
 * constants is the order of the steps.
 */
public enum CaseStep {

	/** Accepted or rejected (受理 / 不予受理). */
	ACCEPT,

	/** Dispatched to a person (派遣, 交办). */
	DISPATCH,

	/** Handled (办结). */
	HANDLE,

	/** Revisited: the reporter is asked whether it was really solved (回访). */
	REVISIT

}
