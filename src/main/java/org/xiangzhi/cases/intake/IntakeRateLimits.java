package org.xiangzhi.cases.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.PersonalData;

/**
 * Per-address and per-device limits of the public report form, counted in the database
 * ({@code intake_rate}) so that they hold across application nodes. A report is counted
 * inside the transaction that creates it: if it would exceed a limit, the whole report
 * rolls back, so the count never runs ahead of the cases and a replayed submission is not
 * counted twice. The keys are keyed hashes (blind indexes) of the address and the device
 * id: the table never holds an address.
 */
@Component
class IntakeRateLimits {

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final IntakeSettings settings;

	private final Clock clock;

	IntakeRateLimits(JdbcClient jdbc, PersonalData personalData, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.settings = settings;
		this.clock = clock;
	}

	/** Who is sending: the client address and the device cookie's id. */
	record Sender(String address, String deviceId) {
	}

	/** Thrown when a sender is over a limit; answered with the generic 429 page. */
	static class RateLimitedException extends RuntimeException {

		RateLimitedException() {
			super("report rate limit reached");
		}

	}

	/** Whether the sender is already at a limit (a cheap check before any work). */
	boolean exhausted(Sender sender) {
		Timestamp window = window();
		for (Bucket bucket : buckets(sender)) {
			Integer hits = jdbc.sql("select hits from intake_rate where bucket = :b and window_start = :w")
				.param("b", bucket.key())
				.param("w", window)
				.query(Integer.class)
				.optional()
				.orElse(0);
			if (hits >= bucket.limit()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Counts one report of the sender in the caller's transaction.
	 * @throws RateLimitedException when that exceeds a limit (the caller's transaction
	 * must roll back)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void count(Sender sender) {
		Timestamp window = window();
		for (Bucket bucket : buckets(sender)) {
			// portable upsert: the insert cannot fail, the update takes the row lock, so
			// concurrent reports of one sender on several nodes count one after the other
			jdbc.sql("insert into intake_rate (bucket, window_start, hits) values (:b, :w, 0) on conflict do nothing")
				.param("b", bucket.key())
				.param("w", window)
				.update();
			jdbc.sql("update intake_rate set hits = hits + 1 where bucket = :b and window_start = :w")
				.param("b", bucket.key())
				.param("w", window)
				.update();
			int hits = jdbc.sql("select hits from intake_rate where bucket = :b and window_start = :w")
				.param("b", bucket.key())
				.param("w", window)
				.query(Integer.class)
				.single();
			if (hits > bucket.limit()) {
				throw new RateLimitedException();
			}
		}
	}

	private record Bucket(String key, int limit) {
	}

	private List<Bucket> buckets(Sender sender) {
		Bucket address = new Bucket("a:" + personalData.blindIndex("intake-address", sender.address()),
				settings.reportsPerAddress());
		if (sender.deviceId() == null) {
			return List.of(address);
		}
		return List.of(address, new Bucket("d:" + personalData.blindIndex("intake-device", sender.deviceId()),
				settings.reportsPerDevice()));
	}

	private Timestamp window() {
		long size = settings.rateWindow().toMillis();
		long now = clock.millis();
		return Timestamp.from(Instant.ofEpochMilli(now - now % size));
	}

	/** Counts of past windows are worth nothing. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	@Transactional
	void purge() {
		jdbc.sql("delete from intake_rate where window_start < :oldest")
			.param("oldest", Timestamp.from(clock.instant().minus(settings.rateWindow()).minus(Duration.ofDays(1))))
			.update();
	}

}
