package org.xiangzhi.cases.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xiangzhi.cases.time.WorkingDayCalendar;

/** The working-day calendar every time limit is counted on. */
@Configuration(proxyBeanMethods = false)
class CaseCalendarConfig {

	@Bean
	WorkingDayCalendar workingDayCalendar(CaseSettings settings) {
		if (settings.holidaysFile() == null) {
			return WorkingDayCalendar.china2026();
		}
		try (InputStream in = Files.newInputStream(settings.holidaysFile())) {
			return WorkingDayCalendar.fromCsv(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read xiangzhi.cases.holidays-file", ex);
		}
	}

}
