package org.xiangzhi.platform.security;

import java.io.ByteArrayOutputStream;

/**
 * Base32 with the RFC 4648 §6 alphabet ({@code A–Z2–7}), as used by TOTP secrets. The
 * decoder accepts lower case, embedded spaces and optional {@code '='} padding.
 */
public final class Base32 {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final int[] VALUES = new int[128];

	static {
		java.util.Arrays.fill(VALUES, -1);
		for (int i = 0; i < ALPHABET.length; i++) {
			VALUES[ALPHABET[i]] = i;
			VALUES[Character.toLowerCase(ALPHABET[i])] = i;
		}
	}

	private Base32() {
	}

	/** Encodes with {@code '='} padding to a multiple of 8 characters (RFC 4648). */
	public static String encode(byte[] data) {
		StringBuilder out = new StringBuilder(encodeWithoutPadding(data));
		while (out.length() % 8 != 0) {
			out.append('=');
		}
		return out.toString();
	}

	/** Encodes without padding, the form authenticator apps expect. */
	public static String encodeWithoutPadding(byte[] data) {
		StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET[(buffer >>> (bits - 5)) & 0x1F]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET[(buffer << (5 - bits)) & 0x1F]);
		}
		return out.toString();
	}

	/**
	 * Decodes, ignoring case and whitespace; padding is optional but, when present, must
	 * complete a group of 8.
	 * @throws IllegalArgumentException for characters outside the alphabet or an
	 * impossible length (the message does not quote the input)
	 */
	public static byte[] decode(String text) {
		if (text == null) {
			throw new IllegalArgumentException("Base32 input is null");
		}
		StringBuilder symbols = new StringBuilder(text.length());
		int padding = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isWhitespace(c)) {
				continue;
			}
			if (c == '=') {
				padding++;
				continue;
			}
			if (padding > 0) {
				throw new IllegalArgumentException("Base32 padding must come last");
			}
			if (c >= 128 || VALUES[c] < 0) {
				throw new IllegalArgumentException("Invalid Base32 character at position " + i);
			}
			symbols.append(c);
		}
		int length = symbols.length();
		int remainder = length % 8;
		if (remainder == 1 || remainder == 3 || remainder == 6) {
			throw new IllegalArgumentException("Invalid Base32 length " + length);
		}
		if (padding > 0 && (remainder == 0 || (length + padding) % 8 != 0)) {
			throw new IllegalArgumentException("Invalid Base32 padding");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(length * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < length; i++) {
			buffer = (buffer << 5) | VALUES[symbols.charAt(i)];
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xFF);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

}
