package org.xiangzhi.party;

/** The id of a party member (党员) record. */
public record MemberId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
