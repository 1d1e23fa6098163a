package org.xiangzhi.platform.crypto;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF with HMAC-SHA256 (RFC 5869), extract then expand. */
final class Hkdf {

	private static final String HMAC = "HmacSHA256";

	private static final int HASH_LEN = 32;

	private Hkdf() {
	}

	/**
	 * Derives {@code length} bytes of output keying material.
	 * @param ikm input keying material
	 * @param salt optional salt; {@code null} or empty means {@code HashLen} zero bytes
	 * @param info context label that separates the derived keys
	 * @param length output length, at most 255 × 32 bytes
	 */
	static byte[] deriveKey(byte[] ikm, byte[] salt, byte[] info, int length) {
		if (length < 1 || length > 255 * HASH_LEN) {
			throw new IllegalArgumentException("HKDF output length must be between 1 and " + 255 * HASH_LEN);
		}
		byte[] prk = extract(salt, ikm);
		try {
			return expand(prk, info, length);
		}
		finally {
			Arrays.fill(prk, (byte) 0);
		}
	}

	static byte[] extract(byte[] salt, byte[] ikm) {
		byte[] effectiveSalt = (salt == null || salt.length == 0) ? new byte[HASH_LEN] : salt;
		return mac(effectiveSalt).doFinal(ikm);
	}

	static byte[] expand(byte[] prk, byte[] info, int length) {
		Mac mac = mac(prk);
		byte[] context = (info != null) ? info : new byte[0];
		ByteArrayOutputStream okm = new ByteArrayOutputStream(length + HASH_LEN);
		byte[] previous = new byte[0];
		for (int counter = 1; okm.size() < length; counter++) {
			mac.update(previous);
			mac.update(context);
			mac.update((byte) counter);
			previous = mac.doFinal();
			okm.writeBytes(previous);
		}
		byte[] all = okm.toByteArray();
		byte[] result = Arrays.copyOf(all, length);
		Arrays.fill(all, (byte) 0);
		return result;
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
