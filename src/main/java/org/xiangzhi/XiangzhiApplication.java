package org.xiangzhi;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Xiangzhi 乡治 — party-building-led grassroots governance, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class XiangzhiApplication {

	/** The one clock of the application; tests replace it to move time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(XiangzhiApplication.class, args);
	}

}
