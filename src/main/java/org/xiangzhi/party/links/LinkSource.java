package org.xiangzhi.party.links;

/** How a link came about (column {@code party_household_link.source}). */
public enum LinkSource {

	/** An accepted suggestion. */
	SUGGESTED,
	/** Set by hand by a secretary or organiser. */
	MANUAL,
	/** The member asked for the household. */
	MEMBER_CHOICE,
	/** The household asked for the member. */
	HOUSEHOLD_CHOICE;

	public String messageKey() {
		return "party.links.source." + name();
	}

}
