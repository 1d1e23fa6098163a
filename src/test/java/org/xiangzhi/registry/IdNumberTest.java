package org.xiangzhi.registry;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTest {

	/** A valid number from its first 17 digits, with the computed check character. */
	static String valid(String first17) {
		return first17 + IdNumber.checkCharacter(first17);
	}

	/** The first 17 digits of a number whose check character is X. */
	static String first17WithCheckX() {
		for (int seq = 100; seq < 1000; seq++) {
			String first17 = "62062119850312" + seq;
			if (IdNumber.checkCharacter(first17) == 'X') {
				return first17;
			}
		}
		throw new AssertionError("no sequence gives X");
	}

	@Test
	void aNumberWithTheComputedCheckDigitIsValid() {
		String number = valid("62062119800101123");
		assertThat(IdNumber.problem(number)).isNull();
		assertThat(new IdNumber(number).value()).isEqualTo(number);
	}

	@Test
	void theWellKnownSampleNumberIsValid() {
		// the sample of GB 11643 text books: 11010519491231002X
		assertThat(IdNumber.problem("11010519491231002X")).isNull();
	}

	@Test
	void aCheckCharacterXIsAccepted() {
		String number = first17WithCheckX() + "X";
		assertThat(IdNumber.problem(number)).isNull();
	}

	@Test
	void aWrongCheckDigitIsReported() {
		String number = valid("62062119800101123");
		char wrong = number.charAt(17) == '0' ? '1' : '0';
		assertThat(IdNumber.problem(number.substring(0, 17) + wrong)).isEqualTo("idNumber.checkDigit");
		assertThatThrownBy(() -> new IdNumber(number.substring(0, 17) + wrong))
			.isInstanceOf(IdNumber.InvalidIdNumberException.class)
			.hasMessage("idNumber.checkDigit");
	}

	@Test
	void anImpossibleBirthDateIsReportedBeforeTheCheckDigit() {
		assertThat(IdNumber.problem(valid("62062119900230123"))).isEqualTo("idNumber.birthDate");
		assertThat(IdNumber.problem(valid("62062119901301123"))).isEqualTo("idNumber.birthDate");
		assertThat(IdNumber.problem(valid("62062118700101123"))).isEqualTo("idNumber.birthDate");
	}

	@Test
	void aBirthDateInTheFutureIsReported() {
		String future = LocalDate.now().plusYears(1).toString().replace("-", "");
		assertThat(IdNumber.problem(valid("620621" + future + "123"))).isEqualTo("idNumber.birthDate");
	}

	@Test
	void aNumberOfTheWrongShapeIsAFormatProblem() {
		assertThat(IdNumber.problem(null)).isEqualTo("idNumber.format");
		assertThat(IdNumber.problem("")).isEqualTo("idNumber.format");
		assertThat(IdNumber.problem("62062119800101123")).isEqualTo("idNumber.format");
		assertThat(IdNumber.problem("6206211980010112345")).isEqualTo("idNumber.format");
		assertThat(IdNumber.problem("02062119800101123X")).isEqualTo("idNumber.format");
		assertThat(IdNumber.problem("620621198001011A3X")).isEqualTo("idNumber.format");
		assertThat(IdNumber.problem(valid("62062119800101123").toLowerCase().replace('0', 'o')))
			.isEqualTo("idNumber.format");
	}

	@Test
	void theSeventeenthDigitGivesTheGender() {
		assertThat(new IdNumber(valid("62062119800101123")).gender()).isEqualTo(Gender.MALE);
		assertThat(new IdNumber(valid("62062119800101124")).gender()).isEqualTo(Gender.FEMALE);
		assertThat(new IdNumber(valid("62062119800101120")).gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void theBirthDateAndRegionAreReadFromTheNumber() {
		IdNumber number = new IdNumber(valid("62062119850312457"));
		assertThat(number.birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
		assertThat(number.regionCode()).isEqualTo("620621");
	}

	@Test
	void parsingDropsSpacesAndUpperCasesALowerCaseX() {
		String number = first17WithCheckX() + "X";
		String typed = " " + number.substring(0, 6) + " " + number.substring(6, 14) + " "
				+ number.substring(14).toLowerCase() + " ";
		assertThat(IdNumber.parse(typed).value()).isEqualTo(number);
		assertThat(IdNumber.normalize(null)).isEmpty();
	}

	@Test
	void theTextFormIsMasked() {
		String number = valid("62062119800101123");
		assertThat(new IdNumber(number).toString()).isEqualTo("620621**********" + number.substring(14))
			.doesNotContain("19800101");
	}

}
