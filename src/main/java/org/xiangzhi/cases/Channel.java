package org.xiangzhi.cases;

/** How a case came in (受理渠道). */
public enum Channel {

	/** 扫码 — the resident scanned a village's or grid's QR code. */
	QR,
	/** 走访 — heard on a cadre's home visit. */
	VISIT,
	/** 电话 */
	PHONE,
	/** 微信 — posted in a WeChat group or sent to a cadre. */
	WECHAT,
	/** 来访 — walked in to the service centre. */
	WALK_IN,
	/** 网格巡查 — found by a grid worker on patrol. */
	PATROL,
	/** Open311 GeoReport v2 client. */
	OPEN311,
	/** The JSON API {@code /api/v1/cases}. */
	API;

	public String messageKey() {
		return "case.channel." + name();
	}

	/** Whether a cadre takes the case in on a resident's behalf. */
	public boolean onBehalf() {
		return this == VISIT || this == PHONE || this == WECHAT || this == WALK_IN || this == PATROL;
	}

}
