package org.xiangzhi.platform.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiangzhi.platform.account.PasswordPolicy.CLASSES;
import static org.xiangzhi.platform.account.PasswordPolicy.COMMON;
import static org.xiangzhi.platform.account.PasswordPolicy.CONTAINS_USERNAME;
import static org.xiangzhi.platform.account.PasswordPolicy.TOO_SHORT;

class PasswordPolicyTests {

	private static final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void demoAndStrongPasswordsAreAccepted() {
		assertThat(policy.violations("Xiangzhi@2026", "admin")).isEmpty();
		assertThat(policy.violations("Xiangzhi@2026", null)).isEmpty();
		assertThat(policy.violations("Qingshui-Grid7-Duty", "wangwu")).isEmpty();
		assertThat(policy.violations("correct-Horse-battery-9", "zhangsan")).isEmpty();
		// a listed word inside a longer passphrase is not "common"
		assertThat(policy.violations("Password-Manager-Safe-7", "li")).isEmpty();
		assertThat(policy.violations("Woaini-Gansu-Grid-42", null)).isEmpty();
	}

	@Test
	void tooShortBelowTwelveCharacters() {
		assertThat(policy.violations("Ab1!", null)).containsExactly(TOO_SHORT);
		assertThat(policy.violations("Tq7!vZ9#kLp", null)).containsExactly(TOO_SHORT); // 11
		assertThat(policy.violations("Tq7!vZ9#kLpW", null)).isEmpty(); // 12
	}

	@Test
	void lengthCountsCharactersNotBytesOrUtf16Units() {
		// 8 Chinese characters + 4 = 12 characters
		assertThat(policy.violations("清水网格值班村组Tq7!", null)).doesNotContain(TOO_SHORT);
		// 11 characters, though 25 UTF-8 bytes
		assertThat(policy.violations("清水网格值班村Tq7!", null)).contains(TOO_SHORT);
		// 😀 is two UTF-16 units but one character: 11 characters
		assertThat(policy.violations("Tq7!vZ9#kL😀", null)).contains(TOO_SHORT);
	}

	@Test
	void needsThreeOfFourCharacterClasses() {
		assertThat(policy.violations("tqvzkqlpwmxr", null)).containsExactly(CLASSES); // lower
		assertThat(policy.violations("tqvzkqlpwmx7", null)).containsExactly(CLASSES); // lower+digit
		assertThat(policy.violations("tqvzkqlpwm#7", null)).isEmpty(); // lower+digit+other
		assertThat(policy.violations("TqvzkqlpwmX7", null)).isEmpty(); // lower+upper+digit
		assertThat(policy.violations("TQVZKQLP#WMX", null)).containsExactly(CLASSES); // upper+other
		assertThat(policy.violations("TQVZKQLP#WM7", null)).isEmpty(); // upper+other+digit
		assertThat(policy.violations("清水网格值班清水网格值班", null)).containsExactly(CLASSES);
	}

	@Test
	void characterClassesAreCounted() {
		assertThat(PasswordPolicy.characterClasses("")).isZero();
		assertThat(PasswordPolicy.characterClasses("a")).isEqualTo(1);
		assertThat(PasswordPolicy.characterClasses("aA")).isEqualTo(2);
		assertThat(PasswordPolicy.characterClasses("aA1")).isEqualTo(3);
		assertThat(PasswordPolicy.characterClasses("aA1 ")).isEqualTo(4);
		assertThat(PasswordPolicy.characterClasses("aA1乡")).isEqualTo(4);
	}

	@ParameterizedTest
	@ValueSource(strings = { "password", "PASSWORD", "Password2024!", "P@ssw0rd2024!", "p@$$w0rd!!", "Passw0rd#1234",
			"qwerty123456", "Qwertyuiop1!", "1Qaz2Wsx!@#$", "1qaz2wsx3edc", "Iloveyou1314", "1l0veyou2024!",
			"Admin@123456", "admin123!@#", "Welcome2024!", "123456789012", "Abc123456!!!", "88888888888888" })
	void commonEnglishAndNumericPasswordsAreRefused(String password) {
		assertThat(policy.isCommon(password)).isTrue();
		assertThat(policy.violations(password, null)).contains(COMMON);
	}

	@ParameterizedTest
	@ValueSource(strings = { "woaini1314", "Woaini1314!", "Woaini1314!!", "WoAiNi1314520", "WOAINI520!!!", "w0aini1314",
			"5201314520", "1314520!!", "Aini1314@@@@", "woaiwojia888", "Zhang123456!", "Wang123456@@", "Li123456!!!!",
			"Liu123456#", "Chen123456!", "Qq123456!!!!", "A123456789!", "Zhongguo2024!", "Beijing2008!!", "Huawei@2024",
			"Wodemima123!", "Mima123456!!", "Nihao123!@#", "Xiaoming1998.", "147258369!!!" })
	void commonPinyinPasswordsAreRefused(String password) {
		assertThat(policy.isCommon(password)).as(password).isTrue();
	}

	@Test
	void pinyinVariantsReportEveryBrokenRule() {
		// 11 characters and common
		assertThat(policy.violations("Woaini1314!", null)).containsExactly(TOO_SHORT, COMMON);
		// long enough and 4 classes, still common
		assertThat(policy.violations("Woaini1314!!", null)).containsExactly(COMMON);
		assertThat(policy.violations("WoAiNi1314520", null)).containsExactly(COMMON);
		assertThat(policy.violations("Zhang123456!", "zhang")).containsExactly(COMMON, CONTAINS_USERNAME);
	}

	@Test
	void wordsFollowedByLettersAreNotCommon() {
		assertThat(policy.isCommon("5201314!Abc")).isFalse();
		assertThat(policy.isCommon("passwordless")).isFalse();
		assertThat(policy.isCommon("Xiangzhi@2026")).isFalse();
		assertThat(policy.isCommon("Qingshui-Grid7-Duty")).isFalse();
		assertThat(policy.isCommon("")).isFalse();
		assertThat(policy.isCommon(null)).isFalse();
		assertThat(policy.isCommon("!!!!")).isFalse();
	}

	@Test
	void everyListedEntryAndItsDecoratedFormIsRefused() {
		List<String> entries = listEntries();
		for (String entry : entries) {
			assertThat(policy.isCommon(entry)).as(entry).isTrue();
			String decorated = entry.substring(0, 1).toUpperCase(Locale.ROOT) + entry.substring(1) + "2024!!";
			assertThat(policy.isCommon(decorated)).as(decorated).isTrue();
		}
	}

	@Test
	void listIsLargeLowerCaseAndHasTheExpectedFavourites() {
		List<String> entries = listEntries();
		assertThat(entries).hasSizeGreaterThanOrEqualTo(300).doesNotHaveDuplicates();
		assertThat(policy.commonPasswordCount()).isEqualTo(entries.size());
		assertThat(entries).allSatisfy(
				(entry) -> assertThat(entry).isEqualTo(entry.toLowerCase(Locale.ROOT)).isEqualTo(entry.strip()));
		assertThat(entries).contains("123456", "password", "qwerty", "1qaz2wsx", "qwertyuiop", "iloveyou", "admin123",
				"p@ssw0rd".replace('@', 'a').replace('0', 'o'), "woaini1314", "woaini520", "5201314", "1314520",
				"aini1314", "iloveyou1314", "woaiwojia", "zhang123", "wang123456", "li123456", "liu123456",
				"chen123456", "qq123456", "a123456", "abc123456", "88888888", "66666666", "147258369", "159357",
				"112233", "zxcvbnm", "woaini", "wodemima", "mima123", "nihao123", "zhongguo", "beijing", "shanghai",
				"xiaoming", "huawei", "baidu");
		// the demo password must stay usable
		assertThat(entries).noneMatch((entry) -> entry.startsWith("xiangzhi") || entry.startsWith("qingshui"));
	}

	@Test
	void usernameIsNotAllowedInsideThePassword() {
		assertThat(policy.violations("Gridworker#2026", "gridworker")).containsExactly(CONTAINS_USERNAME);
		assertThat(policy.violations("My-GRIDWORKER-7x", "GridWorker")).containsExactly(CONTAINS_USERNAME);
		assertThat(policy.violations("Tq7!abcvZ9#kLp", "abc")).containsExactly(CONTAINS_USERNAME);
		assertThat(policy.violations("Tq7!张小明vZ9#kLp", "张小明")).containsExactly(CONTAINS_USERNAME);
	}

	@Test
	void shortOrMissingUsernamesAreNotChecked() {
		assertThat(policy.violations("Li-Tq7!vZ9#kLp", "li")).isEmpty();
		assertThat(policy.violations("Li-Tq7!vZ9#kLp", " li ")).isEmpty();
		assertThat(policy.violations("Li-Tq7!vZ9#kLp", "")).isEmpty();
		assertThat(policy.violations("Li-Tq7!vZ9#kLp", null)).isEmpty();
	}

	@Test
	void nullPasswordBreaksLengthAndClasses() {
		assertThat(policy.violations(null, "zhangsan")).containsExactly(TOO_SHORT, CLASSES);
		assertThat(policy.violations("", null)).containsExactly(TOO_SHORT, CLASSES);
	}

	@Test
	void allRulesCanFailTogether() {
		assertThat(policy.violations("admin123", "admin")).containsExactly(TOO_SHORT, CLASSES, COMMON,
				CONTAINS_USERNAME);
	}

	@Test
	void customListIsLowerCased() {
		PasswordPolicy custom = new PasswordPolicy(List.of("Gansu", " ", "JiuQuan"));
		assertThat(custom.commonPasswordCount()).isEqualTo(2);
		assertThat(custom.isCommon("GANSU2026!!")).isTrue();
		assertThat(custom.isCommon("jiuquan")).isTrue();
		assertThat(custom.isCommon("password")).isFalse();
	}

	@Test
	void everyKeyHasAChineseAndAnEnglishMessage() throws IOException {
		Properties zh = bundle("i18n/security.properties");
		Properties en = bundle("i18n/security_en.properties");
		assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
		for (String key : List.of(TOO_SHORT, CLASSES, COMMON, CONTAINS_USERNAME)) {
			assertThat(zh.getProperty(key)).as(key).isNotBlank().containsPattern("\\p{IsHan}");
			assertThat(en.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("\\p{IsHan}");
		}
		assertThat(zh.getProperty(TOO_SHORT)).contains("12");
		assertThat(en.getProperty(TOO_SHORT)).contains("12");
		assertThat(zh.getProperty(CLASSES)).contains("大写字母", "小写字母", "数字", "符号", "三");
		assertThat(en.getProperty(CLASSES)).contains("3 of").contains("4");
	}

	private static Properties bundle(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = PasswordPolicyTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static List<String> listEntries() {
		try (InputStream in = PasswordPolicyTests.class.getClassLoader()
			.getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
			assertThat(in).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
