package org.xiangzhi.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Says loudly at start-up when the application runs on the embedded H2 database. */
@Component
class EmbeddedModeWarning implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedModeWarning.class);

	private final String url;

	EmbeddedModeWarning(@Value("${spring.datasource.url:}") String url) {
		this.url = url;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (url.startsWith("jdbc:h2:")) {
			log.warn("""

					************************************************************************
					*  EMBEDDED H2 DATABASE ({}) — FOR TRYING XIANGZHI OUT ONLY.
					*  NOT FOR PRODUCTION: use PostgreSQL and the prod profile (README).
					************************************************************************""", url);
		}
	}

}
