package org.xiangzhi.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC quotes identifiers by default, which makes them case-sensitive and
 * differs between H2 (upper case) and PostgreSQL (lower case). The schema uses plain
 * unquoted snake_case names everywhere, so the mapping must not quote either.
 */
@Configuration(proxyBeanMethods = false)
class JdbcIdentifiers {

	@Bean
	static BeanPostProcessor unquotedJdbcIdentifiers() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}
		};
	}

}
