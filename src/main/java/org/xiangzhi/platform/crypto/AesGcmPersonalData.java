package org.xiangzhi.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;

import org.xiangzhi.platform.PersonalData;

import org.springframework.stereotype.Component;

/**
 * {@link PersonalData} with AES-256-GCM: a fresh random 12-byte nonce per value, a
 * 128-bit tag and a fixed associated-data label. The stored form is {@code v1:} followed
 * by the unpadded base64url of nonce‖ciphertext‖tag, i.e.
 * {@code 3 + ceil(4 × (n + 28) / 3)} characters for {@code n} UTF-8 bytes of plaintext: a
 * {@code varchar(255)} column holds up to 161 bytes (161 ASCII characters, 53 Chinese
 * characters). Decryption fails closed with a {@link PersonalDataException} whose message
 * never quotes the input.
 */
@Component
class AesGcmPersonalData implements PersonalData {

	static final String PREFIX = "v1:";

	static final int NONCE_BYTES = 12;

	static final int TAG_BITS = 128;

	private static final byte[] AAD = "xiangzhi:pd:v1".getBytes(StandardCharsets.US_ASCII);

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final DataKeys keys;

	AesGcmPersonalData(DataKeys keys) {
		this.keys = keys;
	}

	@Override
	public String encrypt(String plaintext) {
		if (plaintext == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, this.keys.encryptionKey(), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(AAD);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + ENCODER.encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	@Override
	public String decrypt(String ciphertext) {
		if (ciphertext == null) {
			return null;
		}
		if (!ciphertext.startsWith(PREFIX)) {
			throw new PersonalDataException("Unsupported personal-data format (expected prefix " + PREFIX + ")", null);
		}
		String body = ciphertext.substring(PREFIX.length());
		byte[] data;
		try {
			data = DECODER.decode(body);
		}
		catch (IllegalArgumentException ex) {
			// the decoder's message quotes the offending character: do not chain it
			throw new PersonalDataException("Personal data is not valid base64url", null);
		}
		// only the canonical encoding is accepted, so no character can change unnoticed
		if (!ENCODER.encodeToString(data).equals(body)) {
			throw new PersonalDataException("Personal data is not canonically encoded", null);
		}
		if (data.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new PersonalDataException("Personal data is too short to be a ciphertext", null);
		}
		byte[] plain;
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, this.keys.encryptionKey(),
					new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
			cipher.updateAAD(AAD);
			plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new PersonalDataException("Personal data failed authentication (altered, or wrong key)", null);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(plain))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new PersonalDataException("Personal data is not valid UTF-8", null);
		}
	}

	/**
	 * HMAC-SHA256 with the blind-index key over {@code kind + ":" + normalize(value)}, as
	 * unpadded base64url (43 characters). {@code null}, or a value that normalizes to
	 * nothing, gives {@code null}, so empty values never match each other.
	 * @param kind what the value is, e.g. {@code phone} or {@code id}; must not contain
	 * {@code ':'}
	 */
	@Override
	public String blindIndex(String kind, String value) {
		if (kind == null || kind.isBlank() || kind.indexOf(':') >= 0) {
			throw new IllegalArgumentException("A blind-index kind must be non-blank and must not contain ':'");
		}
		if (value == null) {
			return null;
		}
		String normalized = normalize(value);
		if (normalized.isEmpty()) {
			return null;
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.keys.blindIndexKey());
			byte[] tag = mac.doFinal((kind + ":" + normalized).getBytes(StandardCharsets.UTF_8));
			return ENCODER.encodeToString(tag);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 failed", ex);
		}
	}

	/**
	 * Canonical form of an identifier: full-width ASCII (U+FF01–U+FF5E, e.g. {@code １３８},
	 * {@code Ｘ}, {@code －}) to ASCII, whitespace (incl. the ideographic space) and
	 * {@code '-'} removed, upper-case.
	 */
	static String normalize(String value) {
		StringBuilder out = new StringBuilder(value.length());
		value.codePoints().forEach((cp) -> {
			int c = (cp >= 0xFF01 && cp <= 0xFF5E) ? cp - 0xFEE0 : cp;
			if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				return;
			}
			out.appendCodePoint(c);
		});
		return out.toString().toUpperCase(Locale.ROOT);
	}

}
