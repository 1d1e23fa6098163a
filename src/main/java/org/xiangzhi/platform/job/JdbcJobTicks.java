package org.xiangzhi.platform.job;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.JobTicks;

/**
 * The tick is claimed by inserting its row: the primary key lets exactly one node in, in
 * a statement of its own (auto-commit) so the claim is visible to the other nodes at
 * once.
 */
@Component
class JdbcJobTicks implements JobTicks {

	private static final Logger log = LoggerFactory.getLogger(JdbcJobTicks.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	JdbcJobTicks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean runOnce(String jobName, Instant tick, JobBody job) {
		try {
			jdbc.sql("insert into job_tick (job, tick, node, started_at) values (:job, :tick, :node, :now)")
				.param("job", jobName)
				.param("tick", java.sql.Timestamp.from(tick))
				.param("node", node)
				.param("now", java.sql.Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException alreadyClaimed) {
			return false;
		}
		String outcome;
		try {
			outcome = job.run(tick);
		}
		catch (RuntimeException ex) {
			log.error("Job {} failed for tick {}", jobName, tick, ex);
			outcome = "failed: " + ex.getClass().getSimpleName();
		}
		jdbc.sql("update job_tick set finished_at = :now, outcome = :outcome where job = :job and tick = :tick")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("outcome", outcome == null ? null : outcome.substring(0, Math.min(outcome.length(), 255)))
			.param("job", jobName)
			.param("tick", java.sql.Timestamp.from(tick))
			.update();
		return true;
	}

}
