package org.xiangzhi.registry;

/** A resident is never deleted: moving out and death are statuses. */
public enum ResidentStatus {

	/** 在册 */
	ACTIVE,
	/** 迁出 */
	MOVED_OUT,
	/** 死亡 */
	DECEASED;

	public String messageKey() {
		return "residentStatus." + name();
	}

}
