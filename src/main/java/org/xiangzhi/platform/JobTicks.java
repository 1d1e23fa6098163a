package org.xiangzhi.platform;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs a scheduled job exactly once per tick across all application nodes: the first node
 * to record the tick in the database runs it, the others skip it. A node that dies in the
 * middle leaves the tick unfinished; jobs are written so that the next tick picks up what
 * was left.
 */
public interface JobTicks {

	/**
	 * The tick {@code now} falls in: {@code now} rounded down to a multiple of
	 * {@code period} since the epoch.
	 */
	static Instant tickOf(Instant now, Duration period) {
		long millis = period.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
	}

	/**
	 * Runs {@code job} if no node has run {@code jobName} for this tick yet.
	 * @return whether this call ran the job
	 */
	boolean runOnce(String jobName, Instant tick, JobBody job);

	/**
	 * The work of one tick; returns a short outcome for the record (e.g. "3 escalated").
	 */
	@FunctionalInterface
	interface JobBody {

		String run(Instant tick);

	}

}
