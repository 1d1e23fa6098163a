package org.xiangzhi.party.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.JobTicks;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.RegistryDirectory;

/**
 * Reminds and flags mandatory visits: every {@link VisitSettings#tick()}, on one node per
 * tick ({@link JobTicks}), open tasks in their last days get one reminder (the member, or
 * the village's cadres for the branch's tasks), and tasks past their last day are flagged
 * overdue once, telling the member and the village's cadres.
 * <p>
 * It works from the tasks' own flags ({@code reminded_at}, {@code overdue_at}), not from
 * the time since the last run: ticks missed while every node was down are caught up by
 * the next one. Each task is written in its own transaction with a conditional update, so
 * two runs can never remind twice.
 */
@Component
class ReminderJob implements SchedulingConfigurer {

	/** The job's name in {@code job_tick}. */
	static final String JOB = "party-visit-reminders";

	private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

	private static final int BATCH = 500;

	private final VisitStore store;

	private final Visits visits;

	private final PartyDirectory directory;

	private final RegistryDirectory registry;

	private final JobTicks ticks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final VisitSettings settings;

	private final Clock clock;

	ReminderJob(VisitStore store, Visits visits, PartyDirectory directory, RegistryDirectory registry, JobTicks ticks,
			ApplicationEventPublisher events, TransactionTemplate tx, VisitSettings settings, Clock clock) {
		this.store = store;
		this.visits = visits;
		this.directory = directory;
		this.registry = registry;
		this.ticks = ticks;
		this.events = events;
		this.tx = tx;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(() -> runTick(clock.instant()), settings.tick());
	}

	/**
	 * Runs the scan of the tick {@code now} falls in, unless some node already did.
	 * @return whether this call ran it
	 */
	boolean runTick(Instant now) {
		return ticks.runOnce(JOB, JobTicks.tickOf(now, settings.tick()), tick -> scan(now, OrgPath.ROOT).describe());
	}

	/** What one scan did. */
	record Outcome(int reminded, int flagged) {

		String describe() {
			return reminded + " reminded, " + flagged + " flagged overdue";
		}

	}

	/**
	 * Reminds and flags the open tasks below {@code within} as of {@code now} (tests look
	 * at their own corner of a shared database).
	 */
	Outcome scan(Instant now, OrgPath within) {
		LocalDate today = LocalDate.ofInstant(now, DeadlinePolicy.ZONE);
		DeadlinePolicy policy = visits.policy();
		int flagged = 0;
		long after = 0;
		while (true) {
			List<Task> page = store.overdueUnflagged(today, within, after, BATCH);
			for (Task task : page) {
				if (Boolean.TRUE.equals(safely(task, () -> flag(task, now)))) {
					flagged++;
				}
			}
			if (page.size() < BATCH) {
				break;
			}
			after = page.get(page.size() - 1).id();
		}
		int reminded = 0;
		after = 0;
		while (true) {
			List<Task> page = store.dueSoonUnreminded(today, policy.dueSoonUntil(today), within, after, BATCH);
			for (Task task : page) {
				if (Boolean.TRUE.equals(safely(task, () -> remind(task, now)))) {
					reminded++;
				}
			}
			if (page.size() < BATCH) {
				break;
			}
			after = page.get(page.size() - 1).id();
		}
		return new Outcome(reminded, flagged);
	}

	private Boolean safely(Task task, java.util.function.Supplier<Boolean> work) {
		try {
			return tx.execute(status -> work.get());
		}
		catch (RuntimeException ex) {
			// one bad task must not stop the others; the next tick tries it again
			log.warn("mandatory visit {} could not be reminded or flagged: {}", task.id(), ex.toString());
			return false;
		}
	}

	private boolean flag(Task task, Instant now) {
		if (!store.flagOverdue(task.id(), now)) {
			return false;
		}
		tellMember(task, "party.visits.notice.overdue");
		tellCadres(task, "party.visits.notice.overdue");
		return true;
	}

	private boolean remind(Task task, Instant now) {
		if (!store.markReminded(task.id(), now)) {
			return false;
		}
		if (!tellMember(task, "party.visits.notice.dueSoon")) {
			tellCadres(task, "party.visits.notice.dueSoon");
		}
		return true;
	}

	/** The member's inbox; false when the member cannot be told in the app. */
	private boolean tellMember(Task task, String key) {
		List<Long> account = memberAccount(task.member());
		if (account.isEmpty()) {
			return false;
		}
		events.publishEvent(new NoticeRequested(account, Visits.NOTICE_KIND, key, List.of(task.dueOn().toString()),
				"/party/me/visits"));
		return true;
	}

	private void tellCadres(Task task, String key) {
		registry.household(task.household(), DataScope.of(OrgPath.ROOT))
			.ifPresent(h -> visits.notifyCadres(h.villageCode(), key, task.dueOn(), task.id()));
	}

	private List<Long> memberAccount(MemberId member) {
		if (member == null) {
			return List.of();
		}
		return directory.member(member, DataScope.of(OrgPath.ROOT))
			.filter(PartyDirectory.MemberRef::active)
			.filter(m -> m.accountId() != null)
			.map(PartyDirectory.MemberRef::accountId)
			.map(List::of)
			.orElse(List.of());
	}

}
