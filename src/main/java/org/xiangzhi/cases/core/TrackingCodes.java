package org.xiangzhi.cases.core;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes (查询码): 12 characters of Crockford's base 32 (no I, L, O, U, so nothing
 * is misread from a phone screen or a slip of paper), 60 random bits: guessing one is
 * hopeless, and the tracking page shows no personal data anyway.
 */
public final class TrackingCodes {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	public static String next() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	/**
	 * The stored form of what someone typed: dashes and spaces dropped, upper case, the
	 * letters Crockford reads as digits mapped (O→0, I/L→1); {@code null} if it cannot be
	 * a code.
	 */
	public static String normalize(String typed) {
		if (typed == null) {
			return null;
		}
		String code = typed.replaceAll("[\\s-]", "")
			.toUpperCase(Locale.ROOT)
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		return code.matches("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}") ? code : null;
	}

	/** {@code ABCD-EFGH-JKMN}. */
	public static String display(String code) {
		if (code == null || code.length() != LENGTH) {
			return code;
		}
		return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
	}

}
