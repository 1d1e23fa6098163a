package org.xiangzhi.cases.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public report form ({@code xiangzhi.cases.intake.*}).
 *
 * @param reportsPerAddress reports one client address may file per window; generous,
 * because a whole village can sit behind one mobile carrier's NAT address
 * @param reportsPerDevice reports one browser (device cookie) may file per window
 * @param rateWindow the fixed window of both limits
 * @param minFillTime a form sent back sooner than this after it was shown was not filled
 * in by a person
 */
@ConfigurationProperties("xiangzhi.cases.intake")
public record IntakeSettings(Integer reportsPerAddress, Integer reportsPerDevice, Duration rateWindow,
		Duration minFillTime) {

	public IntakeSettings {
		reportsPerAddress = reportsPerAddress == null ? 30 : reportsPerAddress;
		reportsPerDevice = reportsPerDevice == null ? 5 : reportsPerDevice;
		rateWindow = rateWindow == null ? Duration.ofHours(1) : rateWindow;
		minFillTime = minFillTime == null ? Duration.ofSeconds(3) : minFillTime;
	}

}
