package org.xiangzhi.party.points;

/** A rule refused a decision on an award (422), e.g. deciding on one's own award. */
public class AwardRefusedException extends RuntimeException {

	private final String messageKey;

	public AwardRefusedException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
