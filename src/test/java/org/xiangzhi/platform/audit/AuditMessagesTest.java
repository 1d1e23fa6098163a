package org.xiangzhi.platform.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.audit.AuditVerification.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMessagesTest {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("i18n/audit_en.properties").stringPropertyNames())
			.isEqualTo(load("i18n/audit.properties").stringPropertyNames());
	}

	@Test
	void everyProblemAndOutcomeHasAText() throws IOException {
		Properties zh = load("i18n/audit.properties");
		for (Problem problem : Problem.values()) {
			assertThat(zh).containsKey(AuditVerification.broken(0, 1L, problem).messageKey());
		}
		for (AuditOutcome outcome : AuditOutcome.values()) {
			assertThat(zh).containsKey("audit.outcome." + outcome.name());
		}
		assertThat(zh).containsKey(AuditVerification.ok(0).messageKey());
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = AuditMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
