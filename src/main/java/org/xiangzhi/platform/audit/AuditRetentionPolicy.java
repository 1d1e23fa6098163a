package org.xiangzhi.platform.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * How long audit rows must be kept. The Cybersecurity Law (网络安全法 §21(3)) asks for network
 * logs to be kept "not less than six months"; a calendar half-year is 181 to 184 days
 * depending on where it starts, so the policy takes the earlier of six calendar months
 * and 184 days before now (in UTC). A row is purgeable only when it is older than both.
 */
final class AuditRetentionPolicy {

	static final int MINIMUM_MONTHS = 6;

	static final Duration MINIMUM_DAYS = Duration.ofDays(184);

	private final int months;

	/** The legal minimum. */
	AuditRetentionPolicy() {
		this(MINIMUM_MONTHS);
	}

	/**
	 * A longer retention set by the operator.
	 * @param months calendar months to keep, at least {@value #MINIMUM_MONTHS}
	 */
	AuditRetentionPolicy(int months) {
		if (months < MINIMUM_MONTHS) {
			throw new IllegalArgumentException(
					"Audit retention must be at least " + MINIMUM_MONTHS + " months, not " + months);
		}
		this.months = months;
	}

	/** Rows that occurred strictly before the cutoff may be purged. */
	Instant cutoff(Instant now) {
		Instant byMonths = now.atZone(ZoneOffset.UTC).minusMonths(months).toInstant();
		Instant byDays = now.minus(MINIMUM_DAYS);
		return byMonths.isBefore(byDays) ? byMonths : byDays;
	}

	boolean mayPurge(Instant occurredAt, Instant now) {
		return occurredAt.isBefore(cutoff(now));
	}

}
