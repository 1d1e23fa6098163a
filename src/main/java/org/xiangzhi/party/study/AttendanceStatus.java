package org.xiangzhi.party.study;

/** A member's attendance at a session. */
public enum AttendanceStatus {

	/** 出席: checked in by QR or marked by hand; final once recorded. */
	PRESENT,
	/** 请假: excused by a cadre, with a reason. */
	EXCUSED,
	/** 缺席: recorded for everyone else when the session closes, or by hand. */
	ABSENT;

	public String messageKey() {
		return "party.study.attendance." + name();
	}

}
