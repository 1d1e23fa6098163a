package org.xiangzhi.registry.importer;

/**
 * What is wrong with one row of a roster.
 *
 * @param row the row number as Excel shows it; 0 for the file as a whole
 * @param column the column at fault, or null
 * @param messageKey the reason, a key of the {@code i18n/registry-import} bundle
 * @param argument a value for the message's {0}, or null
 */
public record RowError(int row, ImportColumn column, String messageKey,
		String argument) implements Comparable<RowError> {

	@Override
	public int compareTo(RowError other) {
		int byRow = Integer.compare(row, other.row);
		if (byRow != 0) {
			return byRow;
		}
		int a = column == null ? -1 : column.ordinal();
		int b = other.column == null ? -1 : other.column.ordinal();
		return Integer.compare(a, b);
	}

}
