package org.xiangzhi.platform.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Under {@code prod} the application refuses to start on H2, without a data key, with
 * demo data switched on, or while demo accounts exist. The configuration checks run
 * before any bean is created (so not even an H2 file is made); the demo-account check
 * runs once the database is migrated.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionGuard {

	@Bean
	static BeanFactoryPostProcessor productionConfigurationGuard(Environment environment) {
		return beanFactory -> {
			List<String> problems = configurationProblems(environment.getProperty("spring.datasource.url", ""),
					environment.getProperty("xiangzhi.security.data-key", ""),
					environment.getProperty("xiangzhi.demo.enabled", Boolean.class, false));
			if (!problems.isEmpty()) {
				throw new IllegalStateException(
						"Refusing to start under the prod profile: " + String.join("; ", problems));
			}
		};
	}

	@Bean
	SmartInitializingSingleton productionDemoAccountGuard(JdbcClient jdbc) {
		return () -> {
			long demo = jdbc.sql("select count(*) from account where demo = true").query(Long.class).single();
			if (demo > 0) {
				throw new IllegalStateException("Refusing to start under the prod profile: " + demo
						+ " demo accounts exist; delete them first (delete from account where demo = true)");
			}
		};
	}

	/** The reasons the configuration is not fit for production; empty when it is. */
	static List<String> configurationProblems(String datasourceUrl, String dataKey, boolean demoEnabled) {
		List<String> problems = new ArrayList<>();
		if (datasourceUrl == null || !datasourceUrl.startsWith("jdbc:postgresql:")) {
			problems.add("XIANGZHI_DB_URL must point to PostgreSQL (jdbc:postgresql://...), not H2 or nothing");
		}
		if (dataKey == null || dataKey.isBlank()) {
			problems.add("XIANGZHI_DATA_KEY must be set (base64 of 32 random bytes)");
		}
		if (demoEnabled) {
			problems.add("demo data must be off (xiangzhi.demo.enabled=false)");
		}
		return problems;
	}

}
