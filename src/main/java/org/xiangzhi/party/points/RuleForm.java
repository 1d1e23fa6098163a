package org.xiangzhi.party.points;

/** A rule of the county's catalogue as edited on the rules screen. */
public class RuleForm {

	private String county;

	private String code;

	private String nameZh;

	private String nameEn;

	private String kind = PointKind.OTHER.name();

	private Integer points;

	private boolean active = true;

	private boolean existing;

	static RuleForm of(String county, PointRule rule) {
		RuleForm form = new RuleForm();
		form.county = county;
		form.code = rule.code();
		form.nameZh = rule.nameZh();
		form.nameEn = rule.nameEn();
		form.kind = rule.kind().name();
		form.points = rule.points();
		form.active = rule.active();
		form.existing = true;
		return form;
	}

	/**
	 * The rule, checked.
	 * @throws org.xiangzhi.platform.InvalidInputException {@code party.points.rule.*}
	 */
	PointRule toRule() {
		PointKind theKind = null;
		for (PointKind k : PointKind.values()) {
			if (k.name().equals(kind)) {
				theKind = k;
			}
		}
		return PointRule.checked(code, nameZh, nameEn, theKind, points, active);
	}

	public String getCounty() {
		return county;
	}

	public void setCounty(String county) {
		this.county = county;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getNameZh() {
		return nameZh;
	}

	public void setNameZh(String nameZh) {
		this.nameZh = nameZh;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public Integer getPoints() {
		return points;
	}

	public void setPoints(Integer points) {
		this.points = points;
	}

	public boolean isActive() {
		return active;
	}

	public void setActive(boolean active) {
		this.active = active;
	}

	public boolean isExisting() {
		return existing;
	}

	public void setExisting(boolean existing) {
		this.existing = existing;
	}

}
