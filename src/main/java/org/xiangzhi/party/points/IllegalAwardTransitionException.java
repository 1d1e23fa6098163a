package org.xiangzhi.party.points;

/** An award was asked to move where its state machine does not go (409). */
public class IllegalAwardTransitionException extends RuntimeException {

	private final AwardStatus current;

	private final AwardStatus target;

	public IllegalAwardTransitionException(AwardStatus current, AwardStatus target) {
		super(current + " -> " + target);
		this.current = current;
		this.target = target;
	}

	public AwardStatus current() {
		return current;
	}

	public AwardStatus target() {
		return target;
	}

	public String messageKey() {
		return "party.points.transition.illegal";
	}

}
