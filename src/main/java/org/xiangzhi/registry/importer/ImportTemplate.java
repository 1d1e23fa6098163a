package org.xiangzhi.registry.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.registry.Relation;

/**
 * The roster template (户籍花名册导入模板): one sheet to fill, one row per resident, and one sheet
 * of instructions with the allowed relations and tags. Columns that hold long digit
 * strings are text-formatted, so Excel keeps 18-digit ID numbers intact.
 */
@Component
class ImportTemplate {

	static final String ROSTER_SHEET = "花名册";

	static final String HELP_SHEET = "填写说明";

	private static final List<ImportColumn> TEXT_COLUMNS = List.of(ImportColumn.HOUSEHOLD_KEY,
			ImportColumn.VILLAGE_CODE, ImportColumn.GRID_CODE, ImportColumn.ID_NUMBER, ImportColumn.BIRTH_DATE,
			ImportColumn.PHONE, ImportColumn.GROUP);

	private final JdbcClient jdbc;

	ImportTemplate(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	byte[] workbook() {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle text = book.createCellStyle();
			text.setDataFormat(book.createDataFormat().getFormat("@"));
			CellStyle header = book.createCellStyle();
			Font bold = book.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setBorderBottom(BorderStyle.THIN);
			header.setDataFormat(text.getDataFormat());
			Sheet roster = book.createSheet(ROSTER_SHEET);
			Row head = roster.createRow(0);
			for (ImportColumn column : ImportColumn.values()) {
				Cell cell = head.createCell(column.ordinal());
				cell.setCellValue(column.required() ? column.header() + "*" : column.header());
				cell.setCellStyle(header);
				roster.setColumnWidth(column.ordinal(), (column == ImportColumn.ID_NUMBER
						|| column == ImportColumn.ADDRESS || column == ImportColumn.NOTES ? 24 : 14) * 256);
				if (TEXT_COLUMNS.contains(column)) {
					roster.setDefaultColumnStyle(column.ordinal(), text);
				}
			}
			roster.createFreezePane(0, 1);
			Sheet help = book.createSheet(HELP_SHEET);
			help.setColumnWidth(0, 20 * 256);
			help.setColumnWidth(1, 90 * 256);
			int r = 0;
			for (String[] line : INSTRUCTIONS) {
				Row row = help.createRow(r++);
				row.createCell(0).setCellValue(line[0]);
				row.createCell(1).setCellValue(line[1]);
			}
			r++;
			help.createRow(r++).createCell(0).setCellValue("与户主关系 可填");
			for (Relation relation : Relation.values()) {
				Row row = help.createRow(r++);
				row.createCell(1).setCellValue(relation.chinese());
			}
			r = tags(help, r + 1, "户标签 可填", "HOUSEHOLD");
			tags(help, r + 1, "人员标签 可填", "RESIDENT");
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private int tags(Sheet help, int r, String title, String target) {
		help.createRow(r++).createCell(0).setCellValue(title);
		List<String[]> tags = jdbc
			.sql("select code, name_zh, county_code from tag_definition where target = :t "
					+ "order by county_code nulls first, sort_order, code")
			.param("t", target)
			.query((rs,
					i) -> new String[] { rs.getString("name_zh"), rs.getString("code"), rs.getString("county_code") })
			.list();
		for (String[] tag : tags) {
			Row row = help.createRow(r++);
			row.createCell(1).setCellValue(tag[0] + "（" + tag[1] + "）" + (tag[2] == null ? "" : "，仅限区县 " + tag[2]));
		}
		return r;
	}

	private static final String[][] INSTRUCTIONS = { { "用途", "按户批量导入户籍台账：每行一名居民，同一户的各行填写相同的“户编号”。" },
			{ "户编号*", "本文件内区分各户的编号（如 1、2、3），只在本文件内有效。同一户的第一行填写户的信息，其余行可留空，填写时须与第一行一致。" },
			{ "村代码*", "12 位统计用区划代码，如 620621110212；必须是您有权导入的村。" }, { "村民小组", "该村已建立的村民小组编号或名称，如 3、3组、第三村民小组的名称。" },
			{ "网格代码", "可选，须是该村的网格，如 620621110212G01。" }, { "住址*", "户的住址，最多 200 字。" },
			{ "户标签", "可选，多个用逗号或顿号分隔，填名称或代码，见下表。" }, { "姓名*", "最多 50 字。" },
			{ "身份证号*", "18 位居民身份证号码，校验码必须正确；本列为文本格式，请勿改为数字。同一身份证号在文件中只能出现一次。" },
			{ "性别", "可选，男/女；留空时取自身份证号，填写时须与身份证号一致。" }, { "出生日期", "可选，如 1980-01-31；留空时取自身份证号，填写时须与身份证号一致。" },
			{ "与户主关系*", "每户必须有且只有一名“户主”；可填写的关系见下表。" }, { "手机号", "可选，11 位手机号码。" }, { "人员标签", "可选，多个用逗号或顿号分隔，见下表。" },
			{ "备注", "户的备注，可选。" }, { "校验", "整个文件先全部校验，任何一行有错都不导入，并列出每个错误的行号、列名和原因。" },
			{ "重复导入", "身份证号已登记的居民保持不变，只计为“未变更”；重复导入同一文件不会产生任何变化。" } };

}
