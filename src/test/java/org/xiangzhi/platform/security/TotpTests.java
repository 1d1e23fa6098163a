package org.xiangzhi.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TotpTests {

	/** RFC 6238 Appendix B SHA-1 seed, ASCII "12345678901234567890". */
	private static final String RFC_SECRET = Base32
		.encodeWithoutPadding("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	private static final Instant NOW = Instant.ofEpochSecond(1_111_111_111L);

	/** RFC 6238 Appendix B, SHA-1 column, last 6 of the 8 digits. */
	@ParameterizedTest
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
			"20000000000, 353130" })
	void rfc6238Vectors(long seconds, String expected) {
		Instant time = Instant.ofEpochSecond(seconds);
		assertThat(Totp.code(RFC_SECRET, Totp.step(time))).isEqualTo(expected);
		assertThat(Totp.verify(RFC_SECRET, expected, time, null)).contains(seconds / 30);
	}

	/** RFC 4226 Appendix D: HOTP values for counters 0..9 of the same secret. */
	@Test
	void rfc4226Vectors() {
		String[] expected = { "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
				"520489" };
		for (int counter = 0; counter < expected.length; counter++) {
			assertThat(Totp.code(RFC_SECRET, counter)).isEqualTo(expected[counter]);
		}
	}

	@Test
	void stepsAreThirtySeconds() {
		assertThat(Totp.step(Instant.ofEpochSecond(0))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
		assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
		assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
		assertThat(Totp.step(Instant.ofEpochSecond(-1))).isEqualTo(-1);
	}

	@Test
	void windowOfOneStepEitherSideIsAccepted() {
		long step = Totp.step(NOW);
		for (long offset = -1; offset <= 1; offset++) {
			String code = Totp.code(RFC_SECRET, step + offset);
			assertThat(Totp.verify(RFC_SECRET, code, NOW, null)).as("offset %d", offset).contains(step + offset);
		}
	}

	@Test
	void twoStepsAwayIsRefused() {
		long step = Totp.step(NOW);
		for (long offset : new long[] { -3, -2, 2, 3 }) {
			String code = Totp.code(RFC_SECRET, step + offset);
			// only meaningful when the far code differs from all three accepted ones
			assertThat(code).isNotIn(Totp.code(RFC_SECRET, step - 1), Totp.code(RFC_SECRET, step),
					Totp.code(RFC_SECRET, step + 1));
			assertThat(Totp.verify(RFC_SECRET, code, NOW, null)).as("offset %d", offset).isEmpty();
		}
	}

	@Test
	void replayOfTheSameOrAnEarlierStepIsRefused() {
		long step = Totp.step(NOW);
		String code = Totp.code(RFC_SECRET, step);
		Optional<Long> first = Totp.verify(RFC_SECRET, code, NOW, null);
		assertThat(first).contains(step);
		assertThat(Totp.verify(RFC_SECRET, code, NOW, first.get())).isEmpty();
		assertThat(Totp.verify(RFC_SECRET, code, NOW.plusSeconds(10), first.get())).isEmpty();
		// the previous step's code is older than the one just used
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), NOW, first.get())).isEmpty();
		// the next step's code is still fine
		assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), NOW, first.get())).contains(step + 1);
		// a lastUsedStep one before the current step still lets the current code through
		assertThat(Totp.verify(RFC_SECRET, code, NOW, step - 1)).contains(step);
	}

	@Test
	void spacesAndFullWidthDigitsAreTolerated() {
		assertThat(Totp.verify(RFC_SECRET, "050 471", NOW, null)).contains(Totp.step(NOW));
		assertThat(Totp.verify(RFC_SECRET, " 05 04 71 ", NOW, null)).contains(Totp.step(NOW));
		assertThat(Totp.verify(RFC_SECRET, "050\u3000471", NOW, null)).contains(Totp.step(NOW));
		assertThat(Totp.verify(RFC_SECRET, "０５０４７１", NOW, null)).contains(Totp.step(NOW));
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "05047", "0504711", "50471", "05047a", "05o471", "-50471", "+50471", "05047١",
			"050471\u0000", "050,471", "0x1234" })
	void malformedCodesAreRefusedWithoutException(String code) {
		assertThat(Totp.verify(RFC_SECRET, code, NOW, null)).isEmpty();
	}

	@Test
	void wrongCodeIsRefused() {
		assertThat(Totp.verify(RFC_SECRET, "050472", NOW, null)).isEmpty();
		assertThat(Totp.verify(Totp.newSecret(), "050471", NOW, null)).isEmpty();
	}

	@Test
	void newSecretsAre160RandomBits() {
		Set<String> secrets = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String secret = Totp.newSecret();
			assertThat(secret).hasSize(32).matches("[A-Z2-7]{32}");
			assertThat(Base32.decode(secret)).hasSize(20);
			secrets.add(secret);
		}
		assertThat(secrets).hasSize(100);
	}

	@Test
	void secretsInAnyCaseOrGroupingGiveTheSameCodes() {
		String secret = Totp.newSecret();
		String grouped = secret.toLowerCase().replaceAll("(.{4})", "$1 ");
		assertThat(Totp.code(grouped, 123)).isEqualTo(Totp.code(secret, 123));
	}

	@Test
	void invalidSecretIsAProgrammingError() {
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.verify(null, "123456", NOW, null));
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.verify("", "123456", NOW, null));
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.verify("not base32!", "123456", NOW, null));
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.code("1", 0));
	}

	@Test
	void otpauthUriFollowsTheKeyUriFormat() {
		String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
		assertThat(Totp.otpauthUri(Totp.ISSUER, "zhangsan", secret))
			.isEqualTo("otpauth://totp/Xiangzhi:zhangsan?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
					+ "&issuer=Xiangzhi&algorithm=SHA1&digits=6&period=30");
	}

	@Test
	void otpauthUriEncodesLabelAndIssuer() {
		String uri = Totp.otpauthUri("Xiangzhi Qingshui", "张三 admin@qs.example", "gezd gnbv gy3t qojq");
		assertThat(uri).startsWith("otpauth://totp/Xiangzhi%20Qingshui:%E5%BC%A0%E4%B8%89%20admin%40qs.example?")
			.contains("secret=GEZDGNBVGY3TQOJQ&")
			.contains("&issuer=Xiangzhi%20Qingshui&")
			.doesNotContain("+")
			.doesNotContain(" ");
		assertThat(Totp.otpauthUri("A&B", "x?y=z#", "GEZDGNBV")).startsWith("otpauth://totp/A%26B:x%3Fy%3Dz%23?")
			.contains("&issuer=A%26B&");
	}

	@Test
	void otpauthUriRefusesColonsAndBlanks() {
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.otpauthUri("Xiang:zhi", "a", "GEZDGNBV"));
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.otpauthUri("Xiangzhi", "a:b", "GEZDGNBV"));
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.otpauthUri("Xiangzhi", " ", "GEZDGNBV"));
		assertThatIllegalArgumentException().isThrownBy(() -> Totp.otpauthUri(null, "a", "GEZDGNBV"));
	}

}
