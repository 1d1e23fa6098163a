package org.xiangzhi.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chinese first, English complete: every bundle has the same keys in both languages,
 * every literal message key used by a template exists, and every role has a name.
 */
class MessagesCompletenessTest {

	static final List<String> BUNDLES = List.of("messages", "i18n/security", "i18n/audit", "i18n/registry",
			"i18n/registry-import", "i18n/registry-places", "i18n/cases", "i18n/cases-desk", "i18n/cases-open311",
			"i18n/cases-mediation", "i18n/notify", "i18n/cases-intake", "i18n/party", "i18n/party-links",
			"i18n/party-visits", "i18n/party-points", "i18n/party-study");

	static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)(?:\\(|})");

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		for (String bundle : BUNDLES) {
			Set<String> chinese = load(bundle + ".properties").stringPropertyNames();
			Set<String> english = load(bundle + "_en.properties").stringPropertyNames();
			assertThat(english).as(bundle + ": keys in Chinese but not in English, or the reverse").isEqualTo(chinese);
		}
	}

	@Test
	void everyMessageKeyATemplateNamesExists() throws IOException {
		Set<String> keys = allKeys();
		List<String> missing = new ArrayList<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:templates/**/*.html")) {
			String html = template.getContentAsString(StandardCharsets.UTF_8);
			Matcher matcher = LITERAL_KEY.matcher(html);
			while (matcher.find()) {
				if (!keys.contains(matcher.group(1))) {
					missing.add(template.getFilename() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRoleHasAName() throws IOException {
		Set<String> keys = allKeys();
		for (Role role : Role.values()) {
			assertThat(keys).contains(role.messageKey());
		}
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new HashSet<>();
		for (String bundle : BUNDLES) {
			keys.addAll(load(bundle + ".properties").stringPropertyNames());
		}
		return keys;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesCompletenessTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
