package org.xiangzhi.registry.importer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of the roster template (one row per resident), with their Chinese headers.
 * Columns are found by header, so their order in an uploaded file does not matter.
 */
public enum ImportColumn {

	/** 户编号 — groups the rows of one household within the file. */
	HOUSEHOLD_KEY("户编号", true),
	/** 村代码 — 12-digit village code. */
	VILLAGE_CODE("村代码", true),
	/** 村民小组 — number (3, 3组, 第3村民小组) or name. */
	GROUP("村民小组", false),
	/** 网格代码 — a grid of the village. */
	GRID_CODE("网格代码", false),
	/** 住址 */
	ADDRESS("住址", true),
	/** 户标签 — tag names or codes, comma-separated. */
	HOUSEHOLD_TAGS("户标签", false),
	/** 姓名 */
	NAME("姓名", true),
	/** 身份证号 */
	ID_NUMBER("身份证号", true),
	/** 性别 — derived from the ID number when empty. */
	GENDER("性别", false),
	/** 出生日期 — derived from the ID number when empty. */
	BIRTH_DATE("出生日期", false),
	/** 与户主关系 */
	RELATION("与户主关系", true),
	/** 手机号 */
	PHONE("手机号", false),
	/** 人员标签 */
	RESIDENT_TAGS("人员标签", false),
	/** 备注 — household notes. */
	NOTES("备注", false);

	private final String header;

	private final boolean required;

	ImportColumn(String header, boolean required) {
		this.header = header;
		this.required = required;
	}

	/** The header in the template's first row. */
	public String header() {
		return header;
	}

	/** Whether every row must fill it. */
	public boolean required() {
		return required;
	}

	public String messageKey() {
		return "import.column." + name();
	}

	/**
	 * The column with this header (surrounding blanks and a trailing asterisk ignored).
	 */
	public static Optional<ImportColumn> ofHeader(String header) {
		String v = header == null ? "" : header.strip().replace("*", "").strip();
		return Arrays.stream(values()).filter(c -> c.header.equals(v)).findFirst();
	}

}
