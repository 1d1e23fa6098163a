package org.xiangzhi.cases;

/**
 * Where a case stands in its workflow. Which action leads where is declared once, in the
 * domain's transition table ({@code CaseWorkflow}).
 */
public enum CaseStatus {

	/** 已提交 — reported, nobody has looked at it yet. */
	SUBMITTED("已提交"),
	/** 已受理 — a unit has taken the case in. */
	ACCEPTED("已受理"),
	/**
	 * 不予受理 — refused at intake, with a reason shown to the reporter. Final: a resident
	 * who disagrees reports again, which starts a new case with its own clock.
	 */
	REJECTED("不予受理"),
	/** 已派遣 — put in front of a named person. */
	DISPATCHED("已派遣"),
	/** 办理中 */
	HANDLING("办理中"),
	/** 已办结 — the handler reports a result with after-photos. */
	HANDLED("已办结"),
	/** 已核查 — the level above or the reporter has confirmed the result. */
	VERIFIED("已核查"),
	/** 已结案 */
	CLOSED("已结案"),
	/** 已重办 — a resolution was rejected, or a closed case came back. */
	REOPENED("已重办"),
	/** 已合并 — a duplicate of another case, which carries on. Final. */
	MERGED("已合并");

	private final String label;

	CaseStatus(String label) {
		this.label = label;
	}

	/** The Chinese label; pages use {@link #messageKey()} for the user's language. */
	public String label() {
		return label;
	}

	public String messageKey() {
		return "case.status." + name();
	}

}
