package org.xiangzhi.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DataKeysTests {

	/** The fixed test key of application-test.yml: bytes 0..31. */
	static final String TEST_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	@TempDir
	Path tempDir;

	private final Logger logger = (Logger) LoggerFactory.getLogger(DataKeys.class);

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureLogs() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.logs.start();
		this.logger.addAppender(this.logs);
	}

	@AfterEach
	void releaseLogs() {
		this.logger.detachAppender(this.logs);
		this.logger.setLevel(this.previousLevel);
	}

	@Test
	void propertyKeyIsDecoded() {
		byte[] key = DataKeys.loadMasterKey(new DataKeyProperties(TEST_KEY, null));
		assertThat(key).hasSize(32);
		for (int i = 0; i < 32; i++) {
			assertThat(key[i]).isEqualTo((byte) i);
		}
	}

	@Test
	void propertyKeyToleratesSurroundingWhitespaceAndUrlSafeAlphabet() {
		byte[] raw = new byte[32];
		for (int i = 0; i < raw.length; i++) {
			raw[i] = (byte) (0xF0 + i);
		}
		String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		assertThat(urlSafe).containsAnyOf("-", "_");
		assertThat(DataKeys.loadMasterKey(new DataKeyProperties(" " + urlSafe + "\n", null))).isEqualTo(raw);
	}

	@Test
	void propertyWinsOverFile() throws IOException {
		Path file = this.tempDir.resolve("unused.key");
		byte[] key = DataKeys.loadMasterKey(new DataKeyProperties(TEST_KEY, file.toString()));
		assertThat(key).isEqualTo(Base64.getDecoder().decode(TEST_KEY));
		assertThat(file).doesNotExist();
		assertThat(this.logs.list).isEmpty();
	}

	@Test
	void noKeyAndNoFileFailsStartUpNamingTheVariable() {
		assertThatIllegalStateException().isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties("", "")))
			.withMessageContaining("XIANGZHI_DATA_KEY");
		assertThatIllegalStateException().isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties(null, " ")))
			.withMessageContaining("XIANGZHI_DATA_KEY");
		assertThatIllegalStateException().isThrownBy(() -> new DataKeys(new DataKeyProperties(null, null)))
			.withMessageContaining("XIANGZHI_DATA_KEY");
	}

	@Test
	void keyOfWrongLengthIsRejectedWithoutQuotingIt() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		String longKey = Base64.getEncoder().encodeToString(new byte[33]);
		assertThatIllegalStateException()
			.isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties(shortKey, null)))
			.withMessageContaining("32 bytes")
			.withMessageContaining("16 bytes")
			.withMessageNotContaining(shortKey);
		assertThatIllegalStateException().isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties(longKey, null)))
			.withMessageContaining("33 bytes")
			.withMessageNotContaining(longKey);
		assertThatIllegalStateException().isThrownBy(() -> new DataKeys(new byte[31]))
			.withMessageContaining("32 bytes");
	}

	@Test
	void keyThatIsNotBase64IsRejectedWithoutQuotingIt() {
		String notBase64 = "this is not base64 at all!*";
		assertThatIllegalStateException()
			.isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties(notBase64, null)))
			.withMessageContaining("not valid base64")
			.withMessageNotContaining(notBase64)
			.withNoCause();
	}

	@Test
	void missingKeyFileIsGeneratedWithOwnerOnlyPermissionsAndReReadIdentically() throws IOException {
		Path file = this.tempDir.resolve("data/nested/xiangzhi-data.key");
		DataKeyProperties properties = new DataKeyProperties("", file.toString());

		byte[] first = DataKeys.loadMasterKey(properties);

		assertThat(first).hasSize(32);
		assertThat(file).isRegularFile();
		String content = Files.readString(file, StandardCharsets.US_ASCII).strip();
		assertThat(Base64.getDecoder().decode(content)).isEqualTo(first);
		assertThat(this.logs.list).anySatisfy((event) -> {
			assertThat(event.getLevel()).isEqualTo(Level.WARN);
			assertThat(event.getFormattedMessage()).contains("auto-generated").contains("not for production");
		});
		assertThat(this.logs.list)
			.allSatisfy((event) -> assertThat(event.getFormattedMessage()).doesNotContain(content));

		byte[] second = DataKeys.loadMasterKey(properties);
		assertThat(second).isEqualTo(first);
		assertThat(Files.readString(file, StandardCharsets.US_ASCII).strip()).isEqualTo(content);

		AesGcmPersonalData writer = new AesGcmPersonalData(new DataKeys(first));
		AesGcmPersonalData reader = new AesGcmPersonalData(new DataKeys(properties));
		assertThat(reader.decrypt(writer.encrypt("620902199001011234"))).isEqualTo("620902199001011234");
		assertThat(reader.blindIndex("phone", "13812345678")).isEqualTo(writer.blindIndex("phone", "13812345678"));
	}

	@Test
	void generatedKeyFileIsReadableByTheOwnerOnly() throws IOException {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path file = this.tempDir.resolve("k/xiangzhi-data.key");
		DataKeys.loadMasterKey(new DataKeyProperties(null, file.toString()));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void twoGeneratedKeysDiffer() {
		byte[] a = DataKeys.loadMasterKey(new DataKeyProperties(null, this.tempDir.resolve("a.key").toString()));
		byte[] b = DataKeys.loadMasterKey(new DataKeyProperties(null, this.tempDir.resolve("b.key").toString()));
		assertThat(a).isNotEqualTo(b);
	}

	@Test
	void existingKeyFileIsUsedAndWarnedAbout() throws IOException {
		Path file = this.tempDir.resolve("given.key");
		Files.writeString(file, TEST_KEY + "\n", StandardCharsets.US_ASCII);
		assertThat(DataKeys.loadMasterKey(new DataKeyProperties(null, file.toString())))
			.isEqualTo(Base64.getDecoder().decode(TEST_KEY));
		List<String> warnings = this.logs.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(warnings).anySatisfy((message) -> assertThat(message).contains("auto-generated"));
		assertThat(warnings).allSatisfy((message) -> assertThat(message).doesNotContain(TEST_KEY));
	}

	@Test
	void emptyOrCorruptKeyFileIsRejectedAndNotOverwritten() throws IOException {
		Path empty = this.tempDir.resolve("empty.key");
		Files.writeString(empty, "\n");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties(null, empty.toString())))
			.withMessageContaining("empty");
		assertThat(Files.readString(empty)).isEqualTo("\n");

		Path truncated = this.tempDir.resolve("truncated.key");
		Files.writeString(truncated, "AAECAwQFBgcICQoLDA0ODw==");
		assertThatIllegalStateException()
			.isThrownBy(() -> DataKeys.loadMasterKey(new DataKeyProperties(null, truncated.toString())))
			.withMessageContaining("32 bytes")
			.withMessageContaining(truncated.getFileName().toString());
	}

	@Test
	void subKeysAreDistinctDeterministicAndNeverPrinted() {
		DataKeys keys = new DataKeys(Base64.getDecoder().decode(TEST_KEY));
		DataKeys again = new DataKeys(new DataKeyProperties(TEST_KEY, null));
		assertThat(keys.encryptionKey().getEncoded()).hasSize(32)
			.isNotEqualTo(keys.blindIndexKey().getEncoded())
			.isNotEqualTo(Base64.getDecoder().decode(TEST_KEY))
			.isEqualTo(again.encryptionKey().getEncoded());
		assertThat(keys.blindIndexKey().getEncoded()).isEqualTo(again.blindIndexKey().getEncoded());
		assertThat(keys.encryptionKey().getAlgorithm()).isEqualTo("AES");
		assertThat(keys).hasToString("DataKeys[<redacted>]");
		assertThat(new DataKeyProperties(TEST_KEY, "x.key").toString()).doesNotContain(TEST_KEY);
	}

}
