package org.xiangzhi.platform.security;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second
 * steps, 6 digits, the parameters every authenticator app supports. A code is accepted
 * for the current step ±1, and only for a step later than the last one used, so a code
 * cannot be replayed.
 */
public final class Totp {

	/** Issuer shown in authenticator apps. */
	public static final String ISSUER = "Xiangzhi";

	public static final int DIGITS = 6;

	public static final int PERIOD_SECONDS = 30;

	/** Steps accepted either side of the current one (clock drift, typing time). */
	public static final int WINDOW = 1;

	private static final int SECRET_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	/** A new random 160-bit secret, base32 without padding (32 characters). */
	public static String newSecret() {
		byte[] secret = new byte[SECRET_BYTES];
		RANDOM.nextBytes(secret);
		return Base32.encodeWithoutPadding(secret);
	}

	/** The time step containing {@code now}: seconds since the epoch divided by 30. */
	public static long step(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), PERIOD_SECONDS);
	}

	/**
	 * The 6-digit code of a step (HOTP with the step as counter).
	 * @throws IllegalArgumentException when the secret is not valid base32
	 */
	public static String code(String base32Secret, long step) {
		return hotp(secretBytes(base32Secret), step);
	}

	/**
	 * Checks a code typed by the user.
	 * @param base32Secret the user's secret
	 * @param code the code; spaces are ignored, anything but 6 digits is refused
	 * @param now the current time
	 * @param lastUsedStep the step of the last accepted code, or {@code null}
	 * @return the matched step, to be stored as the new {@code lastUsedStep}; empty when
	 * the code is wrong, outside the window, or not later than {@code lastUsedStep}
	 * @throws IllegalArgumentException when the stored secret is not valid base32
	 */
	public static Optional<Long> verify(String base32Secret, String code, Instant now, Long lastUsedStep) {
		byte[] secret = secretBytes(base32Secret);
		String digits = normalizeCode(code);
		if (digits == null) {
			return Optional.empty();
		}
		byte[] given = digits.getBytes(StandardCharsets.US_ASCII);
		long current = step(now);
		Long matched = null;
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			if (lastUsedStep != null && step <= lastUsedStep) {
				continue;
			}
			byte[] expected = hotp(secret, step).getBytes(StandardCharsets.US_ASCII);
			if (MessageDigest.isEqual(expected, given) && matched == null) {
				matched = step;
			}
		}
		return Optional.ofNullable(matched);
	}

	/**
	 * The key URI an authenticator app reads from a QR code (Google Authenticator key-URI
	 * format): {@code otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=ISSUER&…}.
	 * @throws IllegalArgumentException when issuer or account name is blank or contains a
	 * colon, which the format forbids
	 */
	public static String otpauthUri(String issuer, String accountName, String secret) {
		requireLabelPart(issuer, "issuer");
		requireLabelPart(accountName, "account name");
		byte[] decoded = secretBytes(secret);
		String label = encode(issuer) + ":" + encode(accountName);
		return "otpauth://totp/" + label + "?secret=" + Base32.encodeWithoutPadding(decoded) + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
	}

	static String hotp(byte[] secret, long counter) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
		int offset = hash[hash.length - 1] & 0x0F;
		int binary = ((hash[offset] & 0x7F) << 24) | ((hash[offset + 1] & 0xFF) << 16)
				| ((hash[offset + 2] & 0xFF) << 8) | (hash[offset + 3] & 0xFF);
		int otp = binary % 1_000_000;
		return String.format("%06d", otp);
	}

	/** Six ASCII digits, or {@code null}; spaces dropped, full-width digits accepted. */
	static String normalizeCode(String code) {
		if (code == null) {
			return null;
		}
		StringBuilder digits = new StringBuilder(DIGITS);
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				continue;
			}
			if (c >= '\uFF10' && c <= '\uFF19') {
				c = (char) (c - '\uFF10' + '0');
			}
			if (c < '0' || c > '9' || digits.length() == DIGITS) {
				return null;
			}
			digits.append(c);
		}
		return (digits.length() == DIGITS) ? digits.toString() : null;
	}

	private static byte[] secretBytes(String base32Secret) {
		if (base32Secret == null || base32Secret.isBlank()) {
			throw new IllegalArgumentException("TOTP secret is missing");
		}
		byte[] secret = Base32.decode(base32Secret);
		if (secret.length == 0) {
			throw new IllegalArgumentException("TOTP secret is empty");
		}
		return secret;
	}

	private static void requireLabelPart(String value, String name) {
		if (value == null || value.isBlank() || value.indexOf(':') >= 0) {
			throw new IllegalArgumentException("The " + name + " of a TOTP key URI must be non-blank without ':'");
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
