package org.xiangzhi.cases.web;

import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.platform.InvalidInputException;

/**
 * A category of the county's tree as edited on the settings page. Blank limits inherit
 * (from the parent, else 13710).
 */
public class CategoryForm {

	private String county;

	private String code;

	private String parentCode;

	private String nameZh;

	private String nameEn;

	private String handlingLevel = "VILLAGE";

	private Integer acceptDays;

	private Integer dispatchDays;

	private Integer handleDays;

	private Integer revisitDays;

	private boolean active = true;

	private boolean existing;

	static CategoryForm of(String county, CaseCategory c, boolean active) {
		CategoryForm form = new CategoryForm();
		form.county = county;
		form.code = c.code();
		form.parentCode = c.parentCode();
		form.nameZh = c.nameZh();
		form.nameEn = c.nameEn();
		form.handlingLevel = c.handlingLevel();
		TimeLimits limits = c.timeLimitsOverride();
		if (limits != null) {
			form.acceptDays = limits.accept();
			form.dispatchDays = limits.dispatch();
			form.handleDays = limits.handle();
			form.revisitDays = limits.revisit();
		}
		form.active = active;
		form.existing = true;
		return form;
	}

	/**
	 * The category, checked field by field.
	 * @throws InvalidInputException {@code case.desk.category.*}
	 */
	CaseCategory toCategory() {
		String theCode = code == null ? "" : code.strip();
		String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.strip();
		if (!theCode.matches("[a-z][a-z_]*(\\.[a-z][a-z_]*)*") || theCode.length() > 64) {
			throw new InvalidInputException("code", "case.desk.category.code.invalid");
		}
		if (parent != null && !theCode.startsWith(parent + ".")) {
			throw new InvalidInputException("code", "case.desk.category.code.parent");
		}
		if (parent == null && theCode.contains(".")) {
			throw new InvalidInputException("parentCode", "case.desk.category.parent.required");
		}
		if (blank(nameZh) || nameZh.strip().length() > 100) {
			throw new InvalidInputException("nameZh", "case.desk.category.name.required");
		}
		if (blank(nameEn) || nameEn.strip().length() > 100) {
			throw new InvalidInputException("nameEn", "case.desk.category.name.required");
		}
		if (!CaseCategory.HANDLING_LEVELS.contains(handlingLevel)) {
			throw new InvalidInputException("handlingLevel", "case.desk.category.level.invalid");
		}
		return new CaseCategory(theCode, nameZh.strip(), nameEn.strip(), parent, handlingLevel, limits());
	}

	private TimeLimits limits() {
		boolean none = acceptDays == null && dispatchDays == null && handleDays == null && revisitDays == null;
		if (none) {
			return null;
		}
		if (acceptDays == null || dispatchDays == null || handleDays == null || revisitDays == null) {
			throw new InvalidInputException("acceptDays", "case.desk.category.limits.incomplete");
		}
		if (acceptDays > 365 || revisitDays > 365) {
			throw new InvalidInputException("acceptDays", "case.desk.category.limits.invalid");
		}
		try {
			return new TimeLimits(acceptDays, dispatchDays, handleDays, revisitDays);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("acceptDays", "case.desk.category.limits.invalid");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
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

	public String getParentCode() {
		return parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
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

	public String getHandlingLevel() {
		return handlingLevel;
	}

	public void setHandlingLevel(String handlingLevel) {
		this.handlingLevel = handlingLevel;
	}

	public Integer getAcceptDays() {
		return acceptDays;
	}

	public void setAcceptDays(Integer acceptDays) {
		this.acceptDays = acceptDays;
	}

	public Integer getDispatchDays() {
		return dispatchDays;
	}

	public void setDispatchDays(Integer dispatchDays) {
		this.dispatchDays = dispatchDays;
	}

	public Integer getHandleDays() {
		return handleDays;
	}

	public void setHandleDays(Integer handleDays) {
		this.handleDays = handleDays;
	}

	public Integer getRevisitDays() {
		return revisitDays;
	}

	public void setRevisitDays(Integer revisitDays) {
		this.revisitDays = revisitDays;
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
