package org.xiangzhi.party;

/** Whether a member still belongs to the branch. */
public enum MemberStatus {

	/** 在册 */
	ACTIVE,
	/** 转出 */
	TRANSFERRED_OUT,
	/** 去世 */
	DECEASED;

	public String messageKey() {
		return "party.member.status." + name();
	}

}
