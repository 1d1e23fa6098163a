package org.xiangzhi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Xiangzhi 乡治 — party-building-led grassroots governance, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class XiangzhiApplication {

	public static void main(String[] args) {
		SpringApplication.run(XiangzhiApplication.class, args);
	}

}
