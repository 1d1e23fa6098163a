package org.xiangzhi.cases.time;

/** Where a pending step of a case stands against its deadline. */
public enum OverdueStatus {

	/** Before the last working day of the limit. */
	ON_TIME,

	/** On the last working day of the limit, before the deadline: remind the handler. */
	DUE_SOON,

	/** At or after the deadline, within the grace period: flag and notify. */
	OVERDUE,

	/** At or after the end of the grace period: escalate one level. */
	ESCALATE

}
