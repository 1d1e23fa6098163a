package org.xiangzhi.party.links;

/** Which side made a choice (双向选择). */
public enum ChoiceSide {

	/** The household asked for a member. */
	HOUSEHOLD,
	/** The member asked for a household. */
	MEMBER;

	public String messageKey() {
		return "party.links.side." + name();
	}

}
