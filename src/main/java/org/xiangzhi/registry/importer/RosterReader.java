package org.xiangzhi.registry.importer;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx roster with POI's streaming (SAX) reader: a
 * 100,000-row file never becomes a DOM. Every cell comes back as text; date cells as ISO
 * dates.
 */
final class RosterReader {

	/** More rows than this are refused before validation. */
	static final int MAX_ROWS = 200_000;

	private RosterReader() {
	}

	/** A file that is not a readable roster; the message is a message key. */
	static final class UnreadableRosterException extends Exception {

		UnreadableRosterException(String messageKey, Throwable cause) {
			super(messageKey, cause);
		}

	}

	static Roster read(InputStream in) throws UnreadableRosterException {
		try (OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableRosterException("import.file.empty", null);
			}
			Collector collector = new Collector();
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(
						new XSSFSheetXMLHandler(styles, null, strings, collector, new TextFormatter(), false));
				xml.parse(new InputSource(sheet));
			}
			catch (TooManyRows ex) {
				throw new UnreadableRosterException("import.file.tooManyRows", ex);
			}
			if (collector.columns == null) {
				throw new UnreadableRosterException("import.file.noHeader", null);
			}
			List<ImportColumn> missing = Arrays.stream(ImportColumn.values())
				.filter(c -> c.required() && !collector.columns.containsValue(c))
				.toList();
			return new Roster(collector.rows, missing);
		}
		catch (UnreadableRosterException ex) {
			throw ex;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			throw new UnreadableRosterException("import.file.unreadable", ex);
		}
	}

	private static final class TooManyRows extends RuntimeException {

		TooManyRows() {
			super("too many rows", null, false, false);
		}

	}

	/** Collects rows; the first non-blank row is the header. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<Roster.Row> rows = new ArrayList<>();

		Map<Integer, ImportColumn> columns;

		private String[] current;

		private int rowNumber;

		private boolean blank;

		private Map<Integer, String> headerCells;

		@Override
		public void startRow(int rowNum) {
			rowNumber = rowNum + 1;
			blank = true;
			if (columns == null) {
				headerCells = new HashMap<>();
			}
			else {
				current = new String[ImportColumn.values().length];
				Arrays.fill(current, "");
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (blank) {
				return;
			}
			if (columns == null) {
				Map<Integer, ImportColumn> found = new HashMap<>();
				headerCells.forEach((index, text) -> ImportColumn.ofHeader(text).ifPresent(c -> found.put(index, c)));
				columns = found;
				return;
			}
			if (rows.size() >= MAX_ROWS) {
				throw new TooManyRows();
			}
			rows.add(new Roster.Row(rowNumber, current));
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			String text = formattedValue == null ? "" : formattedValue.strip();
			if (text.isEmpty()) {
				return;
			}
			blank = false;
			int index = new CellReference(reference).getCol();
			if (columns == null) {
				headerCells.put(index, text);
				return;
			}
			ImportColumn column = columns.get(index);
			if (column != null) {
				current[column.ordinal()] = text;
			}
		}

	}

	/**
	 * Formats date cells as ISO dates, so 出生日期 does not depend on the cell's display
	 * format or the server's locale.
	 */
	private static final class TextFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				LocalDate date = DateUtil.getLocalDateTime(value).toLocalDate();
				return date.toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

}
