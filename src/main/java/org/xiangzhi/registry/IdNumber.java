package org.xiangzhi.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A resident's national identity number (居民身份证号码, GB 11643-1999): 6-digit region code,
 * 8-digit birth date, 3-digit sequence (odd for men, even for women) and a check
 * character computed with ISO 7064 MOD 11-2. Only valid numbers can be constructed.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	public IdNumber {
		String problem = problem(value);
		if (problem != null) {
			throw new InvalidIdNumberException(problem);
		}
	}

	/** Parses user input: trims, drops spaces, upper-cases a trailing x. */
	public static IdNumber parse(String input) {
		return new IdNumber(normalize(input));
	}

	public static String normalize(String input) {
		return input == null ? "" : input.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * The message key of what is wrong with {@code value}, or {@code null} when it is
	 * valid: {@code idNumber.format}, {@code idNumber.birthDate} or
	 * {@code idNumber.checkDigit}.
	 */
	public static String problem(String value) {
		if (value == null || !value.matches("[1-9][0-9]{16}[0-9X]")) {
			return "idNumber.format";
		}
		try {
			LocalDate birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)),
					Integer.parseInt(value.substring(10, 12)), Integer.parseInt(value.substring(12, 14)));
			if (birth.getYear() < 1880 || birth.isAfter(LocalDate.now())) {
				return "idNumber.birthDate";
			}
		}
		catch (DateTimeException ex) {
			return "idNumber.birthDate";
		}
		return value.charAt(17) == checkCharacter(value.substring(0, 17)) ? null : "idNumber.checkDigit";
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	/** Odd sequence digit: male; even: female. */
	public Gender gender() {
		return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	/** The 6-digit administrative region code of the place of first registration. */
	public String regionCode() {
		return value.substring(0, 6);
	}

	@Override
	public String toString() {
		return org.xiangzhi.platform.Masking.idNumber(value);
	}

	/** A malformed ID number; the message is a message key. */
	public static class InvalidIdNumberException extends IllegalArgumentException {

		public InvalidIdNumberException(String messageKey) {
			super(messageKey);
		}

	}

}
