package org.xiangzhi.platform;

/**
 * Protection of personal identifiers (ID number, phone) used by every module: AES-GCM at
 * rest, a keyed blind index for exact-match search, and masking for display. Revealing a
 * masked value is the caller's job and must write an audit row ({@code REVEAL}).
 */
public interface PersonalData {

	/** Encrypts with a fresh nonce; {@code null} stays {@code null}. */
	String encrypt(String plaintext);

	/**
	 * Decrypts; {@code null} stays {@code null}.
	 * @throws PersonalDataException when the ciphertext was altered or the key is wrong
	 */
	String decrypt(String ciphertext);

	/**
	 * Keyed hash of the normalized value for exact-match lookup, so a column can be
	 * searched without storing the plaintext. {@code kind} separates, e.g., phone from ID
	 * number.
	 */
	String blindIndex(String kind, String value);

	/** Failure to decrypt: the system fails closed and shows nothing. */
	class PersonalDataException extends RuntimeException {

		public PersonalDataException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
