package org.xiangzhi.platform;

/**
 * Masks identifiers for display. The ID mask has a fixed width so it does not tell an
 * 18-digit number from a 15-digit one.
 */
public final class Masking {

	/**
	 * Shown instead of a value that failed to decrypt: fail closed without hiding a whole
	 * list.
	 */
	public static final String UNREADABLE = "⚠ ****";

	private Masking() {
	}

	/** {@code 620902199001011234} → {@code 620902**********1234}. */
	public static String idNumber(String id) {
		if (id == null || id.isBlank()) {
			return "";
		}
		String v = id.strip();
		if (v.length() < 10) {
			return "**********";
		}
		return v.substring(0, 6) + "**********" + v.substring(v.length() - 4);
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String phone) {
		if (phone == null || phone.isBlank()) {
			return "";
		}
		String v = phone.strip();
		if (v.length() < 7) {
			return "****";
		}
		return v.substring(0, 3) + "****" + v.substring(v.length() - 4);
	}

}
