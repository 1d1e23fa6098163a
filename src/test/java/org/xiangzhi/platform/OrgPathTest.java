package org.xiangzhi.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OrgPathTest {

	private static final OrgPath GANSU = OrgPath.of("/62/");

	private static final OrgPath WUWEI = OrgPath.of("/62/6206/");

	private static final OrgPath MINQIN = OrgPath.of("/62/6206/620621/");

	private static final OrgPath CHENGCAO = OrgPath.of("/62/6206/620621/620621110/620621110212/");

	@Test
	void theRootAndDivisionPathsAreAccepted() {
		assertThat(OrgPath.ROOT.value()).isEqualTo("/");
		assertThat(OrgPath.of("/").depth()).isZero();
		assertThat(CHENGCAO.value()).isEqualTo("/62/6206/620621/620621110/620621110212/");
		assertThat(OrgPath.of("/62/6206/620621/620621110/620621110212/620621110212G01/").leafCode())
			.isEqualTo("620621110212G01");
		assertThat(OrgPath.of("/a-b/C9/").codes()).containsExactly("a-b", "C9");
	}

	@Test
	void nullIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgPath.of(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "62", "62/", "/62", "62/6206/", "/62/6206", "//", "/62//6206/", "/62/%/", "/62/6206%/",
			"/62/%", "/62/_/", "/6_2/", "/62/6206 /", "/ 62/", " /62/", "/62/ ", "/62/../", "/../", "/62/./",
			"/62.6206/", "/62/6206/;/", "/62\\6206/", "/62/'/", "/县/" })
	void malformedPathsAreRejected(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgPath.of(value)).withMessageContaining("path");
	}

	@Test
	void pathsUpTo255CharactersAreAcceptedAndLongerOnesRejected() {
		String longest = "/" + "a".repeat(253) + "/";
		assertThat(longest).hasSize(255);
		assertThat(OrgPath.of(longest).depth()).isEqualTo(1);
		String tooLong = "/" + "a".repeat(254) + "/";
		assertThatIllegalArgumentException().isThrownBy(() -> OrgPath.of(tooLong));
	}

	@Test
	void ofCodesBuildsThePathRootFirst() {
		assertThat(OrgPath.ofCodes()).isEqualTo(OrgPath.ROOT);
		assertThat(OrgPath.ofCodes("62")).isEqualTo(GANSU);
		assertThat(OrgPath.ofCodes("62", "6206", "620621")).isEqualTo(MINQIN);
	}

	@Test
	void ofCodesRejectsCodesThatAreNotPathSegments() {
		assertThatIllegalArgumentException().isThrownBy(() -> OrgPath.ofCodes("62", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> OrgPath.ofCodes("62", "62%"));
		assertThatIllegalArgumentException().isThrownBy(() -> OrgPath.ofCodes("62", ".."));
	}

	@Test
	void childAppendsOneCode() {
		assertThat(OrgPath.ROOT.child("62")).isEqualTo(GANSU);
		assertThat(WUWEI.child("620621")).isEqualTo(MINQIN);
		assertThat(WUWEI.child("620621").depth()).isEqualTo(WUWEI.depth() + 1);
	}

	@Test
	void childRejectsAnEmptyOrUnsafeCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> WUWEI.child(""));
		assertThatIllegalArgumentException().isThrownBy(() -> WUWEI.child("%"));
		assertThatIllegalArgumentException().isThrownBy(() -> WUWEI.child("_"));
		assertThatIllegalArgumentException().isThrownBy(() -> WUWEI.child(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> WUWEI.child("a b"));
	}

	@Test
	void parentDropsTheLastCodeAndTheRootIsItsOwnParent() {
		assertThat(MINQIN.parent()).isEqualTo(WUWEI);
		assertThat(WUWEI.parent()).isEqualTo(GANSU);
		assertThat(GANSU.parent()).isEqualTo(OrgPath.ROOT);
		assertThat(OrgPath.ROOT.parent()).isEqualTo(OrgPath.ROOT);
	}

	@Test
	void depthCountsTheCodes() {
		assertThat(OrgPath.ROOT.depth()).isZero();
		assertThat(GANSU.depth()).isEqualTo(1);
		assertThat(MINQIN.depth()).isEqualTo(3);
		assertThat(CHENGCAO.depth()).isEqualTo(5);
	}

	@Test
	void leafCodeIsTheLastCodeAndNullForTheRoot() {
		assertThat(OrgPath.ROOT.leafCode()).isNull();
		assertThat(OrgPath.ROOT.codes()).isEmpty();
		assertThat(GANSU.leafCode()).isEqualTo("62");
		assertThat(CHENGCAO.leafCode()).isEqualTo("620621110212");
		assertThat(CHENGCAO.codes()).containsExactly("62", "6206", "620621", "620621110", "620621110212");
	}

	@Test
	void aNodeContainsItselfAndItsDescendants() {
		assertThat(MINQIN.contains(MINQIN)).isTrue();
		assertThat(MINQIN.contains(MINQIN.child("620621110"))).isTrue();
		assertThat(MINQIN.contains(CHENGCAO)).isTrue();
		assertThat(OrgPath.ROOT.contains(CHENGCAO)).isTrue();
		assertThat(OrgPath.ROOT.contains(OrgPath.ROOT)).isTrue();
	}

	@Test
	void aNodeDoesNotContainItsAncestors() {
		assertThat(CHENGCAO.contains(MINQIN)).isFalse();
		assertThat(MINQIN.contains(GANSU)).isFalse();
		assertThat(GANSU.contains(OrgPath.ROOT)).isFalse();
	}

	@Test
	void aNodeNeverContainsASiblingWhoseCodeSharesItsPrefix() {
		OrgPath sibling = OrgPath.of("/62/62061/");
		assertThat(WUWEI.contains(sibling)).isFalse();
		assertThat(sibling.contains(WUWEI)).isFalse();
		assertThat(WUWEI.contains(sibling.child("620611"))).isFalse();
		assertThat(OrgPath.of("/62/6206/620621/620621110/")
			.contains(OrgPath.of("/62/6206/620621/6206211101/620621110212/"))).isFalse();
	}

	@Test
	void toStringIsTheValue() {
		assertThat(MINQIN).hasToString("/62/6206/620621/");
	}

}
