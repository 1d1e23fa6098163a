package org.xiangzhi.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Base32Tests {

	/** RFC 4648 §10 test vectors. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "|", "f|MY======", "fo|MZXQ====", "foo|MZXW6===", "foob|MZXW6YQ=",
			"fooba|MZXW6YTB", "foobar|MZXW6YTBOI======" })
	void rfc4648Vectors(String plain, String encoded) {
		byte[] bytes = ((plain != null) ? plain : "").getBytes(StandardCharsets.US_ASCII);
		String expected = (encoded != null) ? encoded : "";
		assertThat(Base32.encode(bytes)).isEqualTo(expected);
		assertThat(Base32.encodeWithoutPadding(bytes)).isEqualTo(expected.replace("=", ""));
		assertThat(Base32.decode(expected)).isEqualTo(bytes);
		assertThat(Base32.decode(expected.replace("=", ""))).isEqualTo(bytes);
		assertThat(Base32.decode(expected.toLowerCase())).isEqualTo(bytes);
	}

	@Test
	void rfc6238SecretEncodes() {
		byte[] secret = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
		assertThat(Base32.encodeWithoutPadding(secret)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

	@Test
	void decodeIgnoresWhitespaceGroups() {
		assertThat(Base32.decode("gezd gnbv gy3t qojq\ngezd gnbv gy3t qojq"))
			.isEqualTo("12345678901234567890".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void randomRoundTrips() {
		Random random = new Random(42);
		for (int length = 0; length < 100; length++) {
			byte[] data = new byte[length];
			random.nextBytes(data);
			assertThat(Base32.decode(Base32.encode(data))).isEqualTo(data);
			assertThat(Base32.decode(Base32.encodeWithoutPadding(data))).isEqualTo(data);
			assertThat(Base32.encode(data)).hasSize((length + 4) / 5 * 8);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "M", "MZX", "MZXW6Y", "MY=======", "MY==", "MY=A====", "MZXW6YTB========", "MZ1W", "MZ0W",
			"MZ8W", "MZ!W", "MZÄW", "=" })
	void rejectsInvalidInput(String input) {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode(input));
	}

	@Test
	void rejectsNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode(null));
	}

}
