package org.xiangzhi.platform.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionGuardTest {

	private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/xiangzhi";

	private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	@Test
	void aPostgresUrlWithAKeyAndNoDemoIsFitForProduction() {
		assertThat(ProductionGuard.configurationProblems(POSTGRES, KEY, false)).isEmpty();
	}

	@Test
	void anH2UrlIsRefused() {
		List<String> problems = ProductionGuard.configurationProblems("jdbc:h2:file:./data/xiangzhi;MODE=PostgreSQL",
				KEY, false);
		assertThat(problems).singleElement().asString().contains("PostgreSQL", "XIANGZHI_DB_URL");
	}

	@Test
	void anEmptyOrMissingUrlIsRefused() {
		assertThat(ProductionGuard.configurationProblems("", KEY, false)).singleElement()
			.asString()
			.contains("PostgreSQL");
		assertThat(ProductionGuard.configurationProblems(null, KEY, false)).singleElement()
			.asString()
			.contains("PostgreSQL");
	}

	@Test
	void aUrlThatOnlyMentionsPostgresIsRefused() {
		assertThat(ProductionGuard.configurationProblems("jdbc:h2:mem:postgresql", KEY, false)).hasSize(1);
		assertThat(ProductionGuard.configurationProblems("JDBC:POSTGRESQL://db/xz", KEY, false)).hasSize(1);
	}

	@Test
	void aMissingOrBlankKeyIsRefused() {
		assertThat(ProductionGuard.configurationProblems(POSTGRES, "", false)).singleElement()
			.asString()
			.contains("XIANGZHI_DATA_KEY");
		assertThat(ProductionGuard.configurationProblems(POSTGRES, "  ", false)).singleElement()
			.asString()
			.contains("XIANGZHI_DATA_KEY");
		assertThat(ProductionGuard.configurationProblems(POSTGRES, null, false)).singleElement()
			.asString()
			.contains("XIANGZHI_DATA_KEY");
	}

	@Test
	void demoDataSwitchedOnIsRefused() {
		assertThat(ProductionGuard.configurationProblems(POSTGRES, KEY, true)).singleElement()
			.asString()
			.contains("demo");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		List<String> problems = ProductionGuard.configurationProblems("jdbc:h2:mem:x", "", true);
		assertThat(problems).hasSize(3);
		assertThat(String.join("; ", problems)).contains("PostgreSQL", "XIANGZHI_DATA_KEY", "demo");
	}

}
