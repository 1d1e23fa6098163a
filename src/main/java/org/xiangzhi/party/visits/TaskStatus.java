package org.xiangzhi.party.visits;

/**
 * The states of a mandatory visit (必访). Being overdue is a flag on an open task, not a
 * state: an overdue visit still has to be made.
 */
public enum TaskStatus {

	/** Waiting for the visit. */
	OPEN,
	/** A mandatory visit was logged for the household. */
	DONE,
	/**
	 * Called off by a cadre, with a reason (e.g. recorded twice, the family moved away).
	 */
	CANCELLED;

	public String messageKey() {
		return "party.visits.status." + name();
	}

}
