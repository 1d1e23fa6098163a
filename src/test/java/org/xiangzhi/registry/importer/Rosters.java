package org.xiangzhi.registry.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.IdNumber;

/**
 * Object mother for import tests and the benchmark: valid ID numbers, roster rows, .xlsx
 * files written with POI's streaming writer, and a fresh test village with its groups.
 */
public final class Rosters {

	private Rosters() {
	}

	/** A test village under 苏武镇 with a code no demo village has; created if absent. */
	public static Place village(Places places) {
		String code;
		do {
			code = "620621110" + (300 + ThreadLocalRandom.current().nextInt(700));
		}
		while (places.find(code).isPresent());
		return places.addIfAbsent(code, "导入测试村" + code.substring(9), PlaceLevel.VILLAGE, "620621110");
	}

	/** A villager group with a number no other test uses; returns the number. */
	public static int group(JdbcClient jdbc, Place village) {
		for (;;) {
			int number = 100 + ThreadLocalRandom.current().nextInt(9_000);
			int taken = jdbc.sql("select count(*) from villager_group where village_code = :v and number = :n")
				.param("v", village.code())
				.param("n", number)
				.query(Integer.class)
				.single();
			if (taken == 0) {
				jdbc.sql("insert into villager_group (village_code, org_path, number, name) values (:v, :p, :n, :name)")
					.param("v", village.code())
					.param("p", village.path().value())
					.param("n", number)
					.param("name", "第" + number + "组")
					.update();
				return number;
			}
		}
	}

	/**
	 * A random valid ID number, from a random region so runs on a kept database rarely
	 * meet.
	 */
	public static String idNumber(boolean male) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String region = String.valueOf(100_000 + random.nextInt(900_000));
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(27_000));
		int seq = random.nextInt(500) * 2 + (male ? 1 : 0);
		return idNumber(region, birth, seq);
	}

	public static String idNumber(String region, LocalDate birth, int sequence) {
		String first17 = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** One roster row. */
	public static Map<ImportColumn, String> row(String key, String village, String group, String relation, String name,
			String idNumber) {
		Map<ImportColumn, String> row = new EnumMap<>(ImportColumn.class);
		row.put(ImportColumn.HOUSEHOLD_KEY, key);
		row.put(ImportColumn.VILLAGE_CODE, village);
		row.put(ImportColumn.GROUP, group);
		row.put(ImportColumn.ADDRESS, "测试路" + key + "号");
		row.put(ImportColumn.RELATION, relation);
		row.put(ImportColumn.NAME, name);
		row.put(ImportColumn.ID_NUMBER, idNumber);
		return row;
	}

	/**
	 * {@code households} households of {@code size} residents each (head, spouse,
	 * children), all valid.
	 */
	public static List<Map<ImportColumn, String>> households(String village, String group, int households, int size) {
		List<Map<ImportColumn, String>> rows = new ArrayList<>();
		String[] relations = { "户主", "配偶", "子", "女", "孙子女", "父母" };
		for (int h = 1; h <= households; h++) {
			for (int m = 0; m < size; m++) {
				boolean male = m % 2 == 0;
				Map<ImportColumn, String> row = row(String.valueOf(h), village, group, relations[m % relations.length],
						"测试" + h + "-" + m, idNumber(male));
				if (m == 0) {
					row.put(ImportColumn.HOUSEHOLD_TAGS, h % 5 == 0 ? "脱贫户,低保户" : "");
					row.put(ImportColumn.PHONE,
							"139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/** The rows as an .xlsx file in the template's layout (text cells). */
	public static byte[] xlsx(List<Map<ImportColumn, String>> rows) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(1000); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("花名册");
			Row head = sheet.createRow(0);
			for (ImportColumn column : ImportColumn.values()) {
				head.createCell(column.ordinal()).setCellValue(column.header());
			}
			int r = 1;
			for (Map<ImportColumn, String> values : rows) {
				Row row = sheet.createRow(r++);
				values.forEach((column, value) -> {
					if (value != null && !value.isEmpty()) {
						row.createCell(column.ordinal()).setCellValue(value);
					}
				});
			}
			book.write(out);
			book.dispose();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
