package org.xiangzhi.party;

/** Positions a member holds in an organisation. */
public enum Position {

	/** 书记 */
	SECRETARY,
	/** 副书记 */
	DEPUTY_SECRETARY,
	/** 委员 */
	COMMITTEE_MEMBER,
	/** 党小组长 */
	GROUP_LEADER;

	public String messageKey() {
		return "party.position." + name();
	}

}
