package org.xiangzhi.platform.crypto;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xiangzhi.platform.PersonalData.PersonalDataException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AesGcmPersonalDataTests {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	private final AesGcmPersonalData data = new AesGcmPersonalData(
			new DataKeys(Base64.getDecoder().decode(DataKeysTests.TEST_KEY)));

	private final AesGcmPersonalData otherKey = new AesGcmPersonalData(new DataKeys(new byte[32]));

	@ParameterizedTest
	@ValueSource(strings = { "620902199001011234", "13812345678", "张三", "甘肃省酒泉市肃州区西峰乡清水村三组 12 号", "",
			" leading and trailing ", "emoji 👨‍👩‍👧 and ＡＢＣ１２３" })
	void roundTrips(String plaintext) {
		String ciphertext = this.data.encrypt(plaintext);
		assertThat(ciphertext).startsWith("v1:").doesNotContain(plaintext.isEmpty() ? "\u0000" : plaintext);
		assertThat(ciphertext.substring(3)).matches("[A-Za-z0-9_-]+");
		assertThat(this.data.decrypt(ciphertext)).isEqualTo(plaintext);
	}

	@Test
	void nullStaysNull() {
		assertThat(this.data.encrypt(null)).isNull();
		assertThat(this.data.decrypt(null)).isNull();
		assertThat(this.data.blindIndex("phone", null)).isNull();
	}

	@Test
	void sameValueEncryptsDifferentlyEachTime() {
		Set<String> ciphertexts = new HashSet<>();
		Set<String> nonces = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String c = this.data.encrypt("13812345678");
			ciphertexts.add(c);
			nonces.add(c.substring(3, 3 + 16)); // 12 bytes = 16 base64 characters
			assertThat(this.data.decrypt(c)).isEqualTo("13812345678");
		}
		assertThat(ciphertexts).hasSize(200);
		assertThat(nonces).hasSize(200);
	}

	@Test
	void lengthFollowsTheFormulaAndFitsVarchar255() {
		for (int n = 0; n <= 200; n++) {
			String c = this.data.encrypt("x".repeat(n));
			assertThat(c).hasSize(3 + (int) Math.ceil(4.0 * (n + 28) / 3));
		}
		assertThat(this.data.encrypt("a".repeat(100))).hasSizeLessThanOrEqualTo(255);
		assertThat(this.data.encrypt("a".repeat(161))).hasSize(255);
		assertThat(this.data.encrypt("a".repeat(162))).hasSizeGreaterThan(255);
		// a Chinese character is 3 UTF-8 bytes: 53 fit
		assertThat(this.data.encrypt("乡".repeat(53))).hasSizeLessThanOrEqualTo(255);
		assertThat(this.data.encrypt("乡".repeat(54))).hasSizeGreaterThan(255);
		// typical identifiers are far below the limit
		assertThat(this.data.encrypt("62090219900101123X")).hasSize(65);
		assertThat(this.data.encrypt("13812345678")).hasSize(55);
	}

	@Test
	void everySingleByteAlterationFailsClosed() {
		String plaintext = "620902199001011234";
		String ciphertext = this.data.encrypt(plaintext);
		byte[] raw = Base64.getUrlDecoder().decode(ciphertext.substring(3));
		assertThat(raw).hasSize(12 + plaintext.length() + 16);
		int checked = 0;
		for (int position = 0; position < raw.length; position++) {
			for (int mask : new int[] { 0x01, 0x80, 0xFF }) {
				byte[] altered = raw.clone();
				altered[position] ^= (byte) mask;
				String tampered = "v1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
				assertFailsClosed(tampered, plaintext);
				checked++;
			}
		}
		assertThat(checked).isEqualTo(raw.length * 3);
	}

	@Test
	void everySingleCharacterAlterationFailsClosed() {
		String plaintext = "13812345678";
		// lengths whose base64 ends in a partial group: the unused low bits are checked
		// too
		for (String value : new String[] { plaintext, plaintext + "9", plaintext + "98" }) {
			String ciphertext = this.data.encrypt(value);
			for (int position = 0; position < ciphertext.length(); position++) {
				for (char replacement : (ALPHABET + ":v2").toCharArray()) {
					if (ciphertext.charAt(position) == replacement) {
						continue;
					}
					String tampered = ciphertext.substring(0, position) + replacement
							+ ciphertext.substring(position + 1);
					assertFailsClosed(tampered, value);
				}
			}
		}
	}

	@Test
	void truncationExtensionAndSwappingFailClosed() {
		String plaintext = "620902199001011234";
		String ciphertext = this.data.encrypt(plaintext);
		for (int length = 0; length < ciphertext.length(); length++) {
			assertFailsClosed(ciphertext.substring(0, length), plaintext);
		}
		assertFailsClosed(ciphertext + "A", plaintext);
		assertFailsClosed(ciphertext + "AAAA", plaintext);
		assertFailsClosed(ciphertext + "=", plaintext);
		// nonce of one value with the body of another
		String other = this.data.encrypt(plaintext);
		assertFailsClosed(other.substring(0, 19) + ciphertext.substring(19), plaintext);
	}

	@Test
	void wrongKeyFailsClosed() {
		String ciphertext = this.data.encrypt("620902199001011234");
		PersonalDataException ex = catchThrowableOfType(PersonalDataException.class,
				() -> this.otherKey.decrypt(ciphertext));
		assertThat(ex).isNotNull().hasMessageContaining("wrong key").hasNoCause();
		assertThat(ex.getMessage()).doesNotContain("620902199001011234").doesNotContain(ciphertext.substring(3));
		assertThat(this.otherKey.decrypt(this.otherKey.encrypt("x"))).isEqualTo("x");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "v1", "v1:", "v2:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "13812345678", "v1:!!!!",
			"v1:AAAA", "v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1:AAAA AAAA",
			"V1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
			"v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/AA" })
	void malformedInputFailsClosed(String input) {
		assertThat(catchThrowableOfType(PersonalDataException.class, () -> this.data.decrypt(input))).isNotNull()
			.hasNoCause();
	}

	@Test
	void blindIndexIsStableKeyedAnd43Characters() {
		String index = this.data.blindIndex("phone", "13812345678");
		assertThat(index).hasSize(43).matches("[A-Za-z0-9_-]{43}");
		assertThat(this.data.blindIndex("phone", "13812345678")).isEqualTo(index);
		AesGcmPersonalData sameKey = new AesGcmPersonalData(
				new DataKeys(new DataKeyProperties(DataKeysTests.TEST_KEY, null)));
		assertThat(sameKey.blindIndex("phone", "13812345678")).isEqualTo(index);
		assertThat(this.otherKey.blindIndex("phone", "13812345678")).isNotEqualTo(index);
		assertThat(this.data.blindIndex("phone", "13812345679")).isNotEqualTo(index);
	}

	@Test
	void blindIndexNormalizesSpacingDashesCaseAndFullWidth() {
		String phone = this.data.blindIndex("phone", "13812345678");
		assertThat(this.data.blindIndex("phone", "138 1234-5678")).isEqualTo(phone);
		assertThat(this.data.blindIndex("phone", " 138-1234-5678 ")).isEqualTo(phone);
		assertThat(this.data.blindIndex("phone", "１３８１２３４５６７８")).isEqualTo(phone);
		assertThat(this.data.blindIndex("phone", "１３８\u3000１２３４－５６７８")).isEqualTo(phone);
		assertThat(this.data.blindIndex("phone", "138\t1234\u00a05678")).isEqualTo(phone);

		String id = this.data.blindIndex("id", "62090219900101123X");
		assertThat(this.data.blindIndex("id", "62090219900101123x")).isEqualTo(id);
		assertThat(this.data.blindIndex("id", "６２０９０２１９９００１０１１２３ｘ")).isEqualTo(id);
		assertThat(this.data.blindIndex("id", "620902 19900101 123X")).isEqualTo(id);
	}

	@Test
	void blindIndexSeparatesKinds() {
		assertThat(this.data.blindIndex("phone", "13812345678"))
			.isNotEqualTo(this.data.blindIndex("id", "13812345678"));
		assertThat(this.data.blindIndex("id", "620902199001011234"))
			.isNotEqualTo(this.data.blindIndex("ID", "620902199001011234"));
	}

	@Test
	void blankValuesHaveNoIndexAndKindsAreChecked() {
		assertThat(this.data.blindIndex("phone", "")).isNull();
		assertThat(this.data.blindIndex("phone", " - \u3000")).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> this.data.blindIndex(null, "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.data.blindIndex(" ", "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.data.blindIndex("phone:x", "1"));
	}

	@Test
	void normalizeCanonicalizes() {
		assertThat(AesGcmPersonalData.normalize("138 1234-5678")).isEqualTo("13812345678");
		assertThat(AesGcmPersonalData.normalize("０１２３４５６７８９")).isEqualTo("0123456789");
		assertThat(AesGcmPersonalData.normalize("ａｂ－ｃ")).isEqualTo("ABC");
		assertThat(AesGcmPersonalData.normalize("张 三")).isEqualTo("张三");
	}

	private void assertFailsClosed(String tampered, String plaintext) {
		PersonalDataException ex = catchThrowableOfType(PersonalDataException.class, () -> this.data.decrypt(tampered));
		assertThat(ex).as("decrypting altered input %s", tampered).isNotNull();
		assertThat(ex.getMessage()).doesNotContain(plaintext);
		String body = tampered.startsWith("v1:") ? tampered.substring(3) : tampered;
		if (body.length() >= 4) {
			assertThat(ex.getMessage()).doesNotContain(body);
		}
		assertThat(ex).hasNoCause();
	}

}
