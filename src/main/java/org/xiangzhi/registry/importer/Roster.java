package org.xiangzhi.registry.importer;

import java.util.List;

/**
 * The rows of an uploaded roster, read as text.
 *
 * @param rows the non-blank data rows, in file order
 * @param missingColumns required columns without a header
 */
record Roster(List<Row> rows, List<ImportColumn> missingColumns) {

	/**
	 * One data row.
	 *
	 * @param number the row number as Excel shows it (the header is row 1)
	 * @param values cell texts by {@link ImportColumn#ordinal()}, never null
	 */
	record Row(int number, String[] values) {

		String get(ImportColumn column) {
			return values[column.ordinal()];
		}

	}

}
