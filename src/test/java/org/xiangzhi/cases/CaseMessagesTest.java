package org.xiangzhi.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.xiangzhi.cases.domain.CaseLifecycle;
import org.xiangzhi.cases.domain.TransitionPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class CaseMessagesTest {

	static Properties load(String name) throws IOException {
		try (InputStream in = CaseMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
			assertThat(in).as(name).isNotNull();
			Properties properties = new Properties();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			return properties;
		}
	}

	static List<String> keysTheCodeUses() throws IllegalAccessException {
		List<String> keys = new ArrayList<>();
		for (CaseStatus status : CaseStatus.values()) {
			keys.add(status.messageKey());
		}
		for (CaseAction action : CaseAction.values()) {
			keys.add(action.messageKey());
		}
		for (HandlingLevel level : HandlingLevel.values()) {
			keys.add(level.messageKey());
		}
		keys.add(IllegalTransitionException.MESSAGE_KEY);
		keys.add(ConcurrentTransitionException.MESSAGE_KEY);
		CaseLifecycle lifecycle = new CaseLifecycle();
		for (CaseAction action : CaseAction.values()) {
			for (TransitionPolicy policy : lifecycle.policiesFor(action)) {
				for (var field : policy.getClass().getFields()) {
					if (field.getType() == String.class) {
						keys.add((String) field.get(null));
					}
				}
			}
		}
		return keys;
	}

	@Test
	void everyKeyTheCodeUsesHasAChineseAndAnEnglishText() throws Exception {
		Properties chinese = load("cases.properties");
		Properties english = load("cases_en.properties");
		List<String> keys = keysTheCodeUses();
		assertThat(keys).hasSizeGreaterThan(40);
		for (String key : keys) {
			assertThat(chinese.getProperty(key)).as("zh " + key).isNotBlank();
			assertThat(english.getProperty(key)).as("en " + key).isNotBlank();
		}
	}

	@Test
	void bothLanguagesHaveTheSameKeys() throws Exception {
		assertThat(load("cases_en.properties").keySet())
			.containsExactlyInAnyOrderElementsOf(load("cases.properties").keySet());
	}

	@Test
	void theChineseLabelsOfTheMessagesMatchTheLabelsOfTheEnums() throws Exception {
		Properties chinese = load("cases.properties");
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(chinese.getProperty(status.messageKey())).isEqualTo(status.label());
		}
		for (CaseAction action : CaseAction.values()) {
			assertThat(chinese.getProperty(action.messageKey())).isEqualTo(action.label());
		}
	}

}
