package org.xiangzhi.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void idNumberKeepsSixAndFourBehindAFixedWidthMask() {
		assertThat(Masking.idNumber("620902199001011234")).isEqualTo("620902**********1234");
		assertThat(Masking.idNumber("62090219900101123X")).isEqualTo("620902**********123X");
		// a 15-digit (first-generation) number masks to the same width as an 18-digit one
		assertThat(Masking.idNumber("620902900101123")).isEqualTo("620902**********1123").hasSize(20);
		assertThat(Masking.idNumber(" 620902199001011234\n")).isEqualTo("620902**********1234");
	}

	@Test
	void idNumberNullBlankAndShortValues() {
		assertThat(Masking.idNumber(null)).isEmpty();
		assertThat(Masking.idNumber("")).isEmpty();
		assertThat(Masking.idNumber("   ")).isEmpty();
		assertThat(Masking.idNumber("1")).isEqualTo("**********");
		assertThat(Masking.idNumber("123456789")).isEqualTo("**********");
		assertThat(Masking.idNumber("1234567890")).isEqualTo("123456**********7890");
	}

	@Test
	void idNumberNeverShowsTheMiddleOfAFullNumber() {
		String id = "620902199001011234";
		String masked = Masking.idNumber(id);
		assertThat(masked).doesNotContain("19900101").doesNotContain(id);
	}

	@Test
	void phoneKeepsThreeAndFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masking.phone(" 13812345678 ")).isEqualTo("138****5678");
		assertThat(Masking.phone("0937-2612345")).isEqualTo("093****2345");
		assertThat(Masking.phone("13812345678")).doesNotContain("1234");
	}

	@Test
	void phoneNullBlankAndShortValues() {
		assertThat(Masking.phone(null)).isEmpty();
		assertThat(Masking.phone("")).isEmpty();
		assertThat(Masking.phone(" \t")).isEmpty();
		assertThat(Masking.phone("1")).isEqualTo("****");
		assertThat(Masking.phone("123456")).isEqualTo("****");
		assertThat(Masking.phone("1234567")).isEqualTo("123****4567");
	}

}
