package org.xiangzhi.cases.time;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryDefaultsTest {

	@Test
	void theTopLevelCategoriesAreThoseOfTheIssueInOrder() {
		assertThat(CategoryDefaults.topLevel()).extracting(CaseCategory::nameZh)
			.containsExactly("矛盾纠纷", "环境卫生", "基础设施", "社会救助", "安全隐患", "治安", "政策咨询", "意见建议", "表扬", "其他");
	}

	@Test
	void infrastructureAndSocialAssistanceHaveTheirSubcategories() {
		assertThat(CategoryDefaults.children("infrastructure")).extracting(CaseCategory::nameZh)
			.containsExactly("道路", "供水", "供电", "路灯");
		assertThat(CategoryDefaults.children("social_assistance")).extracting(CaseCategory::nameZh)
			.containsExactly("低保", "特困", "临时救助");
		assertThat(CategoryDefaults.children("dispute")).isEmpty();
	}

	@Test
	void everyCodeIsUnique() {
		List<String> codes = CategoryDefaults.all().stream().map(CaseCategory::code).toList();
		assertThat(new HashSet<>(codes)).hasSameSizeAs(codes);
		assertThat(codes).hasSize(17);
	}

	@Test
	void everyParentExistsAndComesBeforeItsChildren() {
		Set<String> seen = new HashSet<>();
		for (CaseCategory category : CategoryDefaults.all()) {
			if (category.parentCode() != null) {
				assertThat(seen).as("parent of %s", category.code()).contains(category.parentCode());
				assertThat(CategoryDefaults.byCode(category.parentCode())).isPresent();
			}
			seen.add(category.code());
		}
	}

	@Test
	void everyCategoryHasAHandlingLevelAndBothNames() {
		assertThat(CategoryDefaults.all()).allSatisfy((category) -> {
			assertThat(category.handlingLevel()).isIn(CaseCategory.HANDLING_LEVELS);
			assertThat(category.nameZh()).isNotBlank();
			assertThat(category.nameEn()).isNotBlank();
		});
		assertThat(CategoryDefaults.byCode("environment").orElseThrow().handlingLevel()).isEqualTo("GRID");
		assertThat(CategoryDefaults.byCode("dispute").orElseThrow().handlingLevel()).isEqualTo("VILLAGE");
		assertThat(CategoryDefaults.byCode("public_security").orElseThrow().handlingLevel()).isEqualTo("TOWN");
	}

	@Test
	void theNameFollowsTheLanguage() {
		CaseCategory road = CategoryDefaults.byCode("infrastructure.road").orElseThrow();
		assertThat(road.name("zh")).isEqualTo("道路");
		assertThat(road.name("en")).isEqualTo("Roads");
	}

	@Test
	void safetyHazardsAreFasterThan13710AndSuggestionsAreNot() {
		TimeLimits safety = CategoryDefaults.timeLimitsOf("safety_hazard");
		assertThat(safety.accept()).isLessThan(TimeLimits.DEFAULT_13710.accept());
		assertThat(safety.handle()).isLessThan(TimeLimits.DEFAULT_13710.handle());
		assertThat(CategoryDefaults.timeLimitsOf("suggestion")).isEqualTo(TimeLimits.DEFAULT_13710);
	}

	@Test
	void aSubcategoryWithoutOverrideInheritsAndOneWithOverrideKeepsIt() {
		assertThat(CategoryDefaults.timeLimitsOf("social_assistance.minimum_living"))
			.isEqualTo(TimeLimits.DEFAULT_13710);
		assertThat(CategoryDefaults.timeLimitsOf("social_assistance.temporary"))
			.isEqualTo(CategoryDefaults.TEMPORARY_RELIEF_LIMITS);
	}

	@Test
	void thePolicyAgreesWithTheTreeForEveryCategory() {
		TimeLimitPolicy policy = CategoryDefaults.timeLimitPolicy();
		assertThat(CategoryDefaults.all()).allSatisfy((category) -> assertThat(policy.forCategory(category.code()))
			.isEqualTo(CategoryDefaults.timeLimitsOf(category.code())));
		assertThat(policy.overrides()).containsOnlyKeys("safety_hazard", "public_security", "policy_inquiry",
				"social_assistance.temporary");
	}

	@Test
	void anUnknownCodeIsAbsentAndHasNoLimits() {
		assertThat(CategoryDefaults.byCode("nonexistent")).isEmpty();
		assertThatThrownBy(() -> CategoryDefaults.timeLimitsOf("nonexistent"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("nonexistent");
	}

	@Test
	void aCategoryWithAnUnknownLevelOrAForeignParentIsRefused() {
		assertThatThrownBy(() -> new CaseCategory("roads", "道路", "Roads", null, "PROVINCE", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("PROVINCE");
		assertThatThrownBy(() -> new CaseCategory("roads", "道路", "Roads", "infrastructure", "VILLAGE", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("parent");
	}

}
