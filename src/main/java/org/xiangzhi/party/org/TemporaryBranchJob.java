package org.xiangzhi.party.org;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.JobTicks;

/**
 * Closes temporary branches (临时党支部) once their end date has passed, once per hour on one
 * node. The screens already show such a branch as ended from the day after its end date;
 * this keeps the stored {@code active} flag (which other sections read through
 * {@code PartyDirectory}) in step.
 */
@Component
class TemporaryBranchJob {

	static final String JOB = "party-temporary-branch-close";

	static final Duration PERIOD = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(TemporaryBranchJob.class);

	private final PartyOrgs orgs;

	private final JobTicks ticks;

	private final Clock clock;

	TemporaryBranchJob(PartyOrgs orgs, JobTicks ticks, Clock clock) {
		this.orgs = orgs;
		this.ticks = ticks;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT3M")
	void tick() {
		ticks.runOnce(JOB, JobTicks.tickOf(clock.instant(), PERIOD), tick -> {
			int closed = orgs.closeEndedTemporaryBranches();
			if (closed > 0) {
				log.info("Closed {} temporary party branches past their end date", closed);
			}
			return closed + " closed";
		});
	}

}
