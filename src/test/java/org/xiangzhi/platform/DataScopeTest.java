package org.xiangzhi.platform;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DataScopeTest {

	private static final OrgPath MINQIN = OrgPath.of("/62/6206/620621/");

	private static final OrgPath SUWU = MINQIN.child("620621110");

	private static final OrgPath CHENGCAO = SUWU.child("620621110212");

	private static final OrgPath SHOUCHENG = MINQIN.child("620621116");

	private static final OrgPath SUZHOU = OrgPath.of("/62/6209/620902/");

	@Test
	void aRootNestedInsideAnotherCollapsesIntoIt() {
		assertThat(DataScope.of(CHENGCAO, MINQIN, SUWU).roots()).containsExactly(MINQIN);
		assertThat(DataScope.of(SUWU, OrgPath.ROOT).roots()).containsExactly(OrgPath.ROOT);
	}

	@Test
	void duplicateRootsAreRemoved() {
		assertThat(DataScope.of(SUWU, SUWU, OrgPath.of(SUWU.value())).roots()).containsExactly(SUWU);
		assertThat(DataScope.of(List.of(SUZHOU, SUWU, SUZHOU)).roots()).containsExactlyInAnyOrder(SUWU, SUZHOU);
	}

	@Test
	void siblingRootsSharingACodePrefixAreBothKept() {
		OrgPath wuwei = OrgPath.of("/62/6206/");
		OrgPath other = OrgPath.of("/62/62061/");
		assertThat(DataScope.of(other, wuwei).roots()).containsExactlyInAnyOrder(wuwei, other);
	}

	@Test
	void normalisedRootsAreOrderedShortestFirstAndIndependentOfInputOrder() {
		DataScope one = DataScope.of(CHENGCAO, SUZHOU, SHOUCHENG);
		DataScope other = DataScope.of(SHOUCHENG, CHENGCAO, SUZHOU);
		assertThat(one).isEqualTo(other);
		assertThat(one.roots()).containsExactly(SUZHOU, SHOUCHENG, CHENGCAO);
	}

	@Test
	void theRootsCannotBeChangedAfterwards() {
		List<OrgPath> roots = new java.util.ArrayList<>(List.of(SUWU));
		DataScope scope = DataScope.of(roots);
		roots.add(SUZHOU);
		assertThat(scope.roots()).containsExactly(SUWU);
		assertThat(scope.roots()).isUnmodifiable();
	}

	@Test
	void anEmptyScopeContainsNothing() {
		assertThat(DataScope.none().isEmpty()).isTrue();
		assertThat(DataScope.of().isEmpty()).isTrue();
		assertThat(DataScope.none().contains(OrgPath.ROOT)).isFalse();
		assertThat(DataScope.none().contains(CHENGCAO)).isFalse();
		assertThat(DataScope.none().describe()).isEmpty();
	}

	@Test
	void containsHoldsForNodesUnderAnyRootOnly() {
		DataScope scope = DataScope.of(SUWU, SUZHOU);
		assertThat(scope.contains(SUWU)).isTrue();
		assertThat(scope.contains(CHENGCAO)).isTrue();
		assertThat(scope.contains(SUZHOU.child("620902101"))).isTrue();
		assertThat(scope.contains(SHOUCHENG)).isFalse();
		assertThat(scope.contains(MINQIN)).isFalse();
		assertThat(scope.contains(OrgPath.of("/62/6209/6209021/"))).isFalse();
		assertThat(scope.contains(null)).isFalse();
	}

	@Test
	void coversHoldsWhenEveryRootOfTheOtherScopeIsInside() {
		DataScope county = DataScope.of(MINQIN);
		assertThat(county.covers(DataScope.of(SUWU, SHOUCHENG))).isTrue();
		assertThat(county.covers(county)).isTrue();
		assertThat(county.covers(DataScope.none())).isTrue();
		assertThat(county.covers(DataScope.of(SUWU, SUZHOU))).isFalse();
		assertThat(DataScope.of(SUWU).covers(county)).isFalse();
		assertThat(DataScope.none().covers(DataScope.of(SUWU))).isFalse();
		assertThat(DataScope.of(SUWU, SHOUCHENG).covers(county)).isFalse();
	}

	@Test
	void noRootsGiveAConditionThatMatchesNothing() {
		DataScope.SqlCondition condition = DataScope.none().condition("org_path");
		assertThat(condition.sql()).isEqualTo("1 = 0");
		assertThat(condition.params()).isEmpty();
	}

	@Test
	void oneRootGivesOnePrefixMatch() {
		DataScope.SqlCondition condition = DataScope.of(SUWU).condition("org_path");
		assertThat(condition.sql()).isEqualTo("(org_path LIKE :scope0)");
		assertThat(condition.params()).containsExactly(Map.entry("scope0", "/62/6206/620621/620621110/%"));
	}

	@Test
	void twoRootsGiveTwoPrefixMatchesJoinedWithOr() {
		DataScope.SqlCondition condition = DataScope.of(SUWU, SUZHOU).condition("p.org_path");
		assertThat(condition.sql()).isEqualTo("(p.org_path LIKE :scope0 OR p.org_path LIKE :scope1)");
		assertThat(condition.params()).containsExactly(Map.entry("scope0", "/62/6209/620902/%"),
				Map.entry("scope1", "/62/6206/620621/620621110/%"));
	}

	@Test
	void theWholeTreeMatchesEveryPath() {
		DataScope.SqlCondition condition = DataScope.of(OrgPath.ROOT, SUWU).condition("org_path");
		assertThat(condition.sql()).isEqualTo("(org_path LIKE :scope0)");
		assertThat(condition.params()).containsExactly(Map.entry("scope0", "/%"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "org_path; drop table account", "org_path;", "org_path or 1=1", "org_path--", "",
			" org_path", "1org_path", "org-path", "\"org_path\"", "org_path)", "org_path/*" })
	void aColumnNameThatIsNotAnIdentifierIsRejected(String column) {
		assertThatIllegalArgumentException().isThrownBy(() -> DataScope.of(SUWU).condition(column))
			.withMessageContaining("column");
		assertThatIllegalArgumentException().isThrownBy(() -> DataScope.none().condition(column));
	}

	@Test
	void describeListsTheNormalisedRoots() {
		assertThat(DataScope.of(CHENGCAO, SUZHOU, SUWU).describe())
			.isEqualTo("/62/6209/620902/,/62/6206/620621/620621110/");
	}

}
