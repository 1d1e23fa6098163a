package org.xiangzhi.registry.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xiangzhi.platform.PlaceLevel;

/**
 * Reads the CSV files of the {@code china-division} package (provinces, cities, areas,
 * streets, villages). The kind of file is told by its header, not its name, so an
 * uploaded {@code villages.csv} under any name works. Every bad row becomes a
 * {@link Problem} with its line number; good rows become {@link Division}s.
 */
final class DivisionCsv {

	/** Which column holds the parent code, by the level of the rows in the file. */
	private static final Map<PlaceLevel, String> PARENT_COLUMN = Map.of(PlaceLevel.CITY, "provincecode",
			PlaceLevel.COUNTY, "citycode", PlaceLevel.TOWN, "areacode", PlaceLevel.VILLAGE, "streetcode");

	private DivisionCsv() {
	}

	/** One division row: the place to add under its parent. */
	record Division(String code, String name, PlaceLevel level, String parentCode, String file, int line) {
	}

	/** A row (or the header) that cannot be loaded; {@code messageKey} says why. */
	record Problem(String file, int line, String messageKey, String value) {
	}

	/** What one file gave. */
	record Parsed(List<Division> divisions, List<Problem> problems) {
	}

	/** The level of a division code by its length (GB/T 2260 and 统计用区划代码). */
	static PlaceLevel levelOf(String code) {
		return switch (code.length()) {
			case 2 -> PlaceLevel.PROVINCE;
			case 4 -> PlaceLevel.CITY;
			case 6 -> PlaceLevel.COUNTY;
			case 9 -> PlaceLevel.TOWN;
			case 12 -> PlaceLevel.VILLAGE;
			default -> null;
		};
	}

	static Parsed parse(String file, Reader reader) {
		List<Division> divisions = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(reader)) {
			String headerLine = in.readLine();
			if (headerLine == null) {
				problems.add(new Problem(file, 1, "places.divisions.error.empty", ""));
				return new Parsed(divisions, problems);
			}
			List<String> header = fields(stripBom(headerLine)).stream()
				.map(h -> h.strip().toLowerCase(Locale.ROOT))
				.toList();
			int codeColumn = header.indexOf("code");
			int nameColumn = header.indexOf("name");
			PlaceLevel fileLevel = levelOfHeader(header);
			if (codeColumn < 0 || nameColumn < 0 || fileLevel == null) {
				problems.add(new Problem(file, 1, "places.divisions.error.header", headerLine));
				return new Parsed(divisions, problems);
			}
			int parentColumn = fileLevel == PlaceLevel.PROVINCE ? -1 : header.indexOf(PARENT_COLUMN.get(fileLevel));
			String line;
			int number = 1;
			while ((line = in.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				List<String> f = fields(line);
				if (f.size() < header.size()) {
					problems.add(new Problem(file, number, "places.divisions.error.columns", line));
					continue;
				}
				String code = f.get(codeColumn).strip();
				String name = f.get(nameColumn).strip();
				String parent = parentColumn < 0 ? Divisions.NATION : f.get(parentColumn).strip();
				if (!code.matches("[0-9]+") || levelOf(code) != fileLevel) {
					problems.add(new Problem(file, number, "places.divisions.error.code", code));
				}
				else if (name.isEmpty() || name.length() > 100) {
					problems.add(new Problem(file, number, "places.divisions.error.name", code));
				}
				else if (parentColumn >= 0 && (!parent.matches("[0-9]+") || !code.startsWith(parent))) {
					problems.add(new Problem(file, number, "places.divisions.error.parent", code + " " + parent));
				}
				else {
					divisions.add(new Division(code, name, fileLevel, parent, file, number));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Parsed(divisions, problems);
	}

	/** The level of the rows, told by the parent column the header has. */
	private static PlaceLevel levelOfHeader(List<String> header) {
		if (header.contains("streetcode")) {
			return PlaceLevel.VILLAGE;
		}
		if (header.contains("areacode")) {
			return PlaceLevel.TOWN;
		}
		if (header.contains("citycode")) {
			return PlaceLevel.COUNTY;
		}
		if (header.contains("provincecode")) {
			return PlaceLevel.CITY;
		}
		return header.size() == 2 ? PlaceLevel.PROVINCE : null;
	}

	private static String stripBom(String line) {
		return line.startsWith("\uFEFF") ? line.substring(1) : line;
	}

	/** Splits one CSV line; quoted fields may hold commas and doubled quotes. */
	static List<String> fields(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						current.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					current.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				out.add(current.toString());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		out.add(current.toString());
		return out;
	}

}
