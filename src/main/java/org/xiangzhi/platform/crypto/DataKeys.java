package org.xiangzhi.platform.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The 256-bit master key for personal data and the two sub-keys derived from it with
 * HKDF-SHA256: one for AES-GCM encryption, one for the blind index. The master key comes
 * from {@code xiangzhi.security.data-key} (base64 of 32 bytes,
 * {@code XIANGZHI_DATA_KEY}); when that is empty, from
 * {@code xiangzhi.security.data-key-file}, which is generated on first use. With neither,
 * start-up fails. No key material is ever logged.
 */
@Component
class DataKeys {

	static final int KEY_BYTES = 32;

	static final String ENCRYPTION_INFO = "xiangzhi:pd:aes-gcm:v1";

	static final String BLIND_INDEX_INFO = "xiangzhi:pd:blind-index:v1";

	private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey encryptionKey;

	private final SecretKey blindIndexKey;

	@Autowired
	DataKeys(DataKeyProperties properties) {
		this(loadMasterKey(properties));
	}

	/** Derives the sub-keys from a master key of exactly 32 bytes. */
	DataKeys(byte[] masterKey) {
		if (masterKey == null || masterKey.length != KEY_BYTES) {
			throw new IllegalStateException("The personal-data master key must be exactly " + KEY_BYTES
					+ " bytes (256 bits), not " + ((masterKey != null) ? masterKey.length : 0));
		}
		byte[] enc = Hkdf.deriveKey(masterKey, null, ENCRYPTION_INFO.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
		byte[] idx = Hkdf.deriveKey(masterKey, null, BLIND_INDEX_INFO.getBytes(StandardCharsets.UTF_8), KEY_BYTES);
		this.encryptionKey = new SecretKeySpec(enc, "AES");
		this.blindIndexKey = new SecretKeySpec(idx, "HmacSHA256");
		Arrays.fill(enc, (byte) 0);
		Arrays.fill(idx, (byte) 0);
	}

	/** AES-256 key for {@link AesGcmPersonalData#encrypt(String)}. */
	SecretKey encryptionKey() {
		return this.encryptionKey;
	}

	/** HMAC-SHA256 key for {@link AesGcmPersonalData#blindIndex(String, String)}. */
	SecretKey blindIndexKey() {
		return this.blindIndexKey;
	}

	@Override
	public String toString() {
		return "DataKeys[<redacted>]";
	}

	/**
	 * Resolves the master key: the property if set, else the key file (read, or generated
	 * when missing), else an {@link IllegalStateException}.
	 */
	static byte[] loadMasterKey(DataKeyProperties properties) {
		String dataKey = (properties != null) ? properties.dataKey() : null;
		String dataKeyFile = (properties != null) ? properties.dataKeyFile() : null;
		if (!DataKeyProperties.isBlank(dataKey)) {
			return decodeKey(dataKey, "xiangzhi.security.data-key (XIANGZHI_DATA_KEY)");
		}
		if (!DataKeyProperties.isBlank(dataKeyFile)) {
			return readOrGenerate(Path.of(dataKeyFile.strip()));
		}
		throw new IllegalStateException("No key for personal data is configured: set XIANGZHI_DATA_KEY "
				+ "(property xiangzhi.security.data-key) to the base64 of 32 random bytes, "
				+ "e.g. the output of `openssl rand -base64 32`");
	}

	/** Decodes base64 (standard or URL-safe alphabet) of exactly 32 bytes. */
	static byte[] decodeKey(String base64, String source) {
		String value = base64.strip();
		byte[] key;
		try {
			key = (value.indexOf('-') >= 0 || value.indexOf('_') >= 0) ? Base64.getUrlDecoder().decode(value)
					: Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			// the exception message may quote characters of the key: do not chain it
			throw new IllegalStateException("The personal-data key from " + source
					+ " is not valid base64; it must be the base64 of 32 random bytes "
					+ "(e.g. `openssl rand -base64 32`)");
		}
		if (key.length != KEY_BYTES) {
			int length = key.length;
			Arrays.fill(key, (byte) 0);
			throw new IllegalStateException("The personal-data key from " + source + " must be the base64 of exactly "
					+ KEY_BYTES + " bytes (256 bits), but it decodes to " + length + " bytes "
					+ "(generate one with `openssl rand -base64 32`)");
		}
		return key;
	}

	static byte[] readOrGenerate(Path file) {
		if (Files.exists(file)) {
			byte[] key = read(file);
			warnFileKey(file, "read from");
			return key;
		}
		try {
			return generate(file);
		}
		catch (FileAlreadyExistsException ex) {
			// another process created it between the check and the write
			byte[] key = read(file);
			warnFileKey(file, "read from");
			return key;
		}
	}

	private static byte[] read(Path file) {
		String content;
		try {
			content = Files.readString(file, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the personal-data key file " + file.toAbsolutePath(), ex);
		}
		if (content.isBlank()) {
			throw new IllegalStateException("The personal-data key file " + file.toAbsolutePath()
					+ " is empty; restore it from backup (data encrypted with the lost key cannot be read), "
					+ "or delete it to generate a new key");
		}
		return decodeKey(content, "file " + file.toAbsolutePath());
	}

	private static byte[] generate(Path file) throws FileAlreadyExistsException {
		byte[] key = new byte[KEY_BYTES];
		RANDOM.nextBytes(key);
		Path absolute = file.toAbsolutePath();
		try {
			Path parent = absolute.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
			FileAttribute<?>[] attributes = posix
					? new FileAttribute<?>[] {
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) }
					: new FileAttribute<?>[0];
			Files.createFile(absolute, attributes);
			try (OutputStream out = Files.newOutputStream(absolute, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
				out.write((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
			}
			catch (IOException ex) {
				// leave no empty file behind: the next start would refuse it
				Files.deleteIfExists(absolute);
				throw ex;
			}
		}
		catch (FileAlreadyExistsException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the personal-data key file " + absolute, ex);
		}
		warnFileKey(file, "generated into");
		return key;
	}

	private static void warnFileKey(Path file, String how) {
		Path absolute = file.toAbsolutePath();
		log.warn(
				"An auto-generated personal-data key is in use ({} {}). It is not for production: set "
						+ "XIANGZHI_DATA_KEY, and back up the key, since data encrypted with it is lost without it",
				how, absolute);
		try {
			if (absolute.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(absolute));
				if (!permissions.endsWith("------")) {
					log.warn("The personal-data key file {} is readable by others ({}); restrict it to 600", absolute,
							permissions);
				}
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.debug("Cannot check the permissions of {}", absolute, ex);
		}
	}

}
