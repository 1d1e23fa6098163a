package org.xiangzhi.platform.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules of MLPS 2.0 level 3 (GB/T 22239 §8.1.4.1a): at least 12 characters, at
 * least 3 of the 4 character classes, not a common password (English, numeric or pinyin),
 * and not containing the username. {@link #violations(String, String)} returns message
 * keys of the {@code i18n/security} bundle.
 */
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MIN_CLASSES = 3;

	/** Usernames shorter than this are not looked for in the password. */
	public static final int MIN_USERNAME_LENGTH = 3;

	public static final String TOO_SHORT = "password.tooShort";

	public static final String CLASSES = "password.classes";

	public static final String COMMON = "password.common";

	public static final String CONTAINS_USERNAME = "password.containsUsername";

	/** Classpath location of the common-password list. */
	public static final String COMMON_PASSWORDS = "platform/common-passwords.txt";

	private final Set<String> commonPasswords;

	/** Loads the common-password list from {@value #COMMON_PASSWORDS}. */
	public PasswordPolicy() {
		this(loadCommonPasswords());
	}

	/** With a given list (entries are lower-cased; blank ones ignored). */
	public PasswordPolicy(Collection<String> commonPasswords) {
		Set<String> entries = new HashSet<>();
		for (String entry : commonPasswords) {
			if (entry != null && !entry.isBlank()) {
				entries.add(entry.strip().toLowerCase(Locale.ROOT));
			}
		}
		this.commonPasswords = Set.copyOf(entries);
	}

	/**
	 * The rules the password breaks, as message keys in a fixed order
	 * ({@value #TOO_SHORT}, {@value #CLASSES}, {@value #COMMON},
	 * {@value #CONTAINS_USERNAME}); empty when it is acceptable.
	 * @param password the candidate password ({@code null} counts as empty)
	 * @param username the account's username, or {@code null}
	 */
	public List<String> violations(String password, String username) {
		String candidate = (password != null) ? password : "";
		List<String> violations = new ArrayList<>(4);
		if (candidate.codePointCount(0, candidate.length()) < MIN_LENGTH) {
			violations.add(TOO_SHORT);
		}
		if (characterClasses(candidate) < MIN_CLASSES) {
			violations.add(CLASSES);
		}
		if (isCommon(candidate)) {
			violations.add(COMMON);
		}
		if (containsUsername(candidate, username)) {
			violations.add(CONTAINS_USERNAME);
		}
		return List.copyOf(violations);
	}

	/**
	 * Whether the password is a listed one: compared in lower case, as is and with the
	 * substitutions {@code @→a 0→o 1→i/l $→s 3→e}, and also with any trailing run of
	 * digits and symbols removed, so {@code P@ssw0rd2024!} and {@code Woaini1314!!}
	 * count.
	 */
	public boolean isCommon(String password) {
		if (password == null || password.isEmpty()) {
			return false;
		}
		String lower = password.strip().toLowerCase(Locale.ROOT);
		// every cut point after which only non-letters follow: the whole string, then
		// shorter and shorter prefixes while the removed tail has no letter
		for (int end = lower.length(); end > 0; end--) {
			String prefix = lower.substring(0, end);
			if (matches(prefix)) {
				return true;
			}
			if (Character.isLetter(lower.charAt(end - 1))) {
				break;
			}
		}
		return false;
	}

	/** Number of entries in the common-password list. */
	public int commonPasswordCount() {
		return this.commonPasswords.size();
	}

	private boolean matches(String prefix) {
		if (this.commonPasswords.contains(prefix)) {
			return true;
		}
		String substituted = prefix.replace('@', 'a').replace('0', 'o').replace('$', 's').replace('3', 'e');
		return this.commonPasswords.contains(substituted.replace('1', 'i'))
				|| this.commonPasswords.contains(substituted.replace('1', 'l'));
	}

	static int characterClasses(String password) {
		boolean lower = false;
		boolean upper = false;
		boolean digit = false;
		boolean other = false;
		for (int i = 0; i < password.length();) {
			int cp = password.codePointAt(i);
			if (Character.isLowerCase(cp)) {
				lower = true;
			}
			else if (Character.isUpperCase(cp)) {
				upper = true;
			}
			else if (Character.isDigit(cp)) {
				digit = true;
			}
			else {
				other = true;
			}
			i += Character.charCount(cp);
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static boolean containsUsername(String password, String username) {
		if (username == null) {
			return false;
		}
		String name = username.strip().toLowerCase(Locale.ROOT);
		if (name.codePointCount(0, name.length()) < MIN_USERNAME_LENGTH) {
			return false;
		}
		return password.toLowerCase(Locale.ROOT).contains(name);
	}

	private static List<String> loadCommonPasswords() {
		InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_PASSWORDS);
		if (in == null) {
			throw new IllegalStateException("Common-password list not found on the classpath: " + COMMON_PASSWORDS);
		}
		List<String> entries = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String entry = line.strip();
				if (!entry.isEmpty() && !entry.startsWith("#")) {
					entries.add(entry);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + COMMON_PASSWORDS, ex);
		}
		return entries;
	}

}
