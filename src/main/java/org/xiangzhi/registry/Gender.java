package org.xiangzhi.registry;

/** 性别 */
public enum Gender {

	MALE, FEMALE;

	public String messageKey() {
		return "gender." + name();
	}

}
