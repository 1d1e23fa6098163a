package org.xiangzhi.party.points;

/**
 * The life of an award: proposed, then approved or rejected by the branch, and then
 * final. Only approved awards count.
 */
public enum AwardStatus {

	/** 待审核 */
	PROPOSED,
	/** 已批准 */
	APPROVED,
	/** 未通过 */
	REJECTED;

	/** What deciding on an award in this status means. */
	public enum Step {

		/** Move to the decision. */
		MOVE,
		/** Already decided that way: a retried decision changes nothing. */
		ALREADY

	}

	/**
	 * Whether the award moves to {@code decision} or already is there.
	 * @throws IllegalAwardTransitionException when the award was decided otherwise, or
	 * the decision is not one
	 */
	public Step towards(AwardStatus decision) {
		if (decision == PROPOSED) {
			throw new IllegalAwardTransitionException(this, decision);
		}
		if (this == decision) {
			return Step.ALREADY;
		}
		if (this == PROPOSED) {
			return Step.MOVE;
		}
		throw new IllegalAwardTransitionException(this, decision);
	}

	public String messageKey() {
		return "party.points.status." + name();
	}

}
