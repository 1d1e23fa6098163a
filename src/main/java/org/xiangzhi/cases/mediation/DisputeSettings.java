package org.xiangzhi.cases.mediation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of dispute work ({@code xiangzhi.cases.disputes.*}).
 *
 * @param revisitCount how many quarterly revisits (季回访) a closed dispute gets
 * @param revisitIntervalMonths months between two revisits, from the closing
 */
@ConfigurationProperties("xiangzhi.cases.disputes")
public record DisputeSettings(Integer revisitCount, Integer revisitIntervalMonths) {

	public DisputeSettings {
		revisitCount = revisitCount == null ? 4 : Math.max(0, Math.min(revisitCount, 20));
		revisitIntervalMonths = revisitIntervalMonths == null ? 3 : Math.max(1, revisitIntervalMonths);
	}

}
