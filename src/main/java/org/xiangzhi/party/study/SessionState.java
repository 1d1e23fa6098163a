package org.xiangzhi.party.study;

import java.util.Optional;

/**
 * The life of a study session: PLANNED → OPEN (check-in open) → CLOSED. A planned session
 * that does not take place is closed straight away. Nothing leaves CLOSED: closing
 * records the absentees, so reopening would have to undo that.
 */
public enum SessionState {

	PLANNED, OPEN, CLOSED;

	/** What a cadre can ask for. */
	public enum Transition {

		/** Open check-in (开始签到). */
		OPEN,
		/** Close the session (结束). */
		CLOSE;

		public String messageKey() {
			return "party.study.transition." + name();
		}

	}

	/** The state after {@code transition}, if it is allowed from this state. */
	public Optional<SessionState> after(Transition transition) {
		return switch (transition) {
			case OPEN -> this == PLANNED ? Optional.of(OPEN) : Optional.empty();
			case CLOSE -> this == CLOSED ? Optional.empty() : Optional.of(CLOSED);
		};
	}

	public boolean allows(Transition transition) {
		return after(transition).isPresent();
	}

	/** Members check in only while check-in is open. */
	public boolean acceptsCheckIn() {
		return this == OPEN;
	}

	/**
	 * The test is taken once the session has begun, during it or later (a retake after
	 * the session is allowed).
	 */
	public boolean acceptsAttempts() {
		return this != PLANNED;
	}

	/** Title, agenda, materials and the test can change until the session is closed. */
	public boolean editable() {
		return this != CLOSED;
	}

	public String messageKey() {
		return "party.study.state." + name();
	}

}
