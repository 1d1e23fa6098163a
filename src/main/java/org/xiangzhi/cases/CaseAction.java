package org.xiangzhi.cases;

/** What a cadre, the reporter or the system can do to a case. */
public enum CaseAction {

	/**
	 * 提交 — the report itself; first line of every timeline. No transition leads here: a
	 * case is created submitted.
	 */
	SUBMIT("提交"),
	/** 受理 */
	ACCEPT("受理"),
	/** 不予受理 */
	REJECT("不予受理"),
	/** 派遣 — to a person. */
	DISPATCH("派遣"),
	/** 开始办理 */
	START("开始办理"),
	/** 办结 */
	HANDLE("办结"),
	/** 核查 — by a level above the handling level. */
	VERIFY("核查"),
	/** 群众确认 — the reporter accepts the resolution. */
	CONFIRM_BY_REPORTER("群众确认"),
	/** 退回重办 — the reporter or the verifier does not accept the resolution. */
	REJECT_RESOLUTION("退回重办"),
	/** 结案 */
	CLOSE("结案"),
	/** 重新办理 — a closed case comes back, e.g. at a revisit (回访). */
	REOPEN("重新办理"),
	/** 合并 — into another case, as its duplicate. */
	MERGE("合并"),
	/** 上报 */
	ESCALATE("上报"),
	/** 下派 */
	HAND_DOWN("下派"),
	/** 转办 — to another unit at the same level. */
	TRANSFER("转办"),
	/** 催办/督办 — recorded and notified, changes nothing else. */
	URGE("催办");

	private final String label;

	CaseAction(String label) {
		this.label = label;
	}

	/** The Chinese label; pages use {@link #messageKey()} for the user's language. */
	public String label() {
		return label;
	}

	public String messageKey() {
		return "case.action." + name();
	}

}
