package org.xiangzhi.party;

/** The id of a party organisation (党组织). */
public record PartyOrgId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
