package org.xiangzhi.party;

/** 正式党员 or 预备党员. */
public enum MemberCategory {

	FULL, PROBATIONARY;

	public String messageKey() {
		return "party.member.category." + name();
	}

}
