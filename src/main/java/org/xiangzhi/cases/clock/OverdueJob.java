package org.xiangzhi.cases.clock;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.time.CaseStep;
import org.xiangzhi.cases.time.OverduePolicy;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.platform.JobTicks;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Staff;

/**
 * The overdue job (超期预警与自动上报): every {@link CaseSettings#overdueTick()}, on exactly one
 * node per tick ({@link JobTicks}), every open case whose pending step is past its
 * deadline is flagged, its handler and the level above are told in their inboxes, and
 * once the grace has passed it escalates one level by itself (timeline actor
 * {@code system}). A county-level case cannot go higher and stays flagged.
 * <p>
 * Each case is handled in its own transaction: a cadre acting on it at the same moment
 * wins (the versioned update refuses the job's write) and the next tick looks again.
 */
@Component
public class OverdueJob implements SchedulingConfigurer {

	/** The job's name in {@code job_tick}. */
	public static final String JOB = "case-overdue";

	/** The reason written to the timeline of an automatic escalation. */
	static final String AUTO_REASON = "超期未办，系统自动上报 (overdue: escalated automatically)";

	private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final CaseStore store;

	private final CaseDesk desk;

	private final Places places;

	private final Staff staff;

	private final JobTicks ticks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final CaseSettings settings;

	private final OverdueRule rule;

	private final Clock clock;

	OverdueJob(JdbcClient jdbc, CaseStore store, CaseDesk desk, Places places, Staff staff, JobTicks ticks,
			ApplicationEventPublisher events, TransactionTemplate tx, CaseSettings settings,
			WorkingDayCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.desk = desk;
		this.places = places;
		this.staff = staff;
		this.ticks = ticks;
		this.events = events;
		this.tx = tx;
		this.settings = settings;
		this.rule = new OverdueRule(new OverduePolicy(calendar, settings.overdueGraceWorkingDays()));
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(this::tick, settings.overdueTick());
	}

	/** One scheduled run: the current tick, once across all nodes. */
	void tick() {
		Instant now = clock.instant();
		runTick(now);
	}

	/**
	 * Runs the scan for the tick {@code now} falls in, unless some node already did.
	 * @return whether this call ran it
	 */
	public boolean runTick(Instant now) {
		return ticks.runOnce(JOB, JobTicks.tickOf(now, settings.overdueTick()), tick -> scan(now).describe());
	}

	/** What one scan did. */
	public record Outcome(int flagged, int escalated) {

		String describe() {
			return flagged + " flagged, " + escalated + " escalated";
		}

	}

	/** Checks every open case at {@code now}. */
	public Outcome scan(Instant now) {
		return scan(now, OrgPath.ROOT);
	}

	/**
	 * Checks the open cases below {@code within} at {@code now} (tests look at their own
	 * corner of a shared database).
	 */
	public Outcome scan(Instant now, OrgPath within) {
		return scan(now, within, BATCH);
	}

	/** The scan in batches of {@code batch} cases (small batches test the paging). */
	Outcome scan(Instant now, OrgPath within, int batch) {
		int flagged = 0;
		int escalated = 0;
		for (CaseStatus status : List.of(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.REOPENED,
				CaseStatus.DISPATCHED, CaseStatus.HANDLING)) {
			Candidate after = null;
			while (true) {
				List<Candidate> page = overdueCandidates(status, now, within, after, batch);
				for (Candidate candidate : page) {
					Outcome one = checkSafely(new CaseId(candidate.id()), now);
					flagged += one.flagged();
					escalated += one.escalated();
				}
				if (page.size() < batch) {
					break;
				}
				after = page.get(page.size() - 1);
			}
		}
		return new Outcome(flagged, escalated);
	}

	/** A case found late, and the deadline it was found by (the keyset of the scan). */
	record Candidate(long id, Instant due) {
	}

	/**
	 * Open cases of one status whose pending step's deadline has passed, oldest deadline
	 * first: an equality on the status and a range on one deadline column, walked in
	 * (deadline, id) order on a (status, deadline, id) index, so the scan reads the late
	 * cases only, however many cases are on time. County cases already flagged for the
	 * step are skipped: they cannot go higher.
	 */
	private List<Candidate> overdueCandidates(CaseStatus status, Instant now, OrgPath within, Candidate after,
			int batch) {
		CaseStep step = PendingStep.of(status).orElseThrow();
		String column = switch (step) {
			case ACCEPT -> "accept_due";
			case DISPATCH -> "dispatch_due";
			default -> "handle_due";
		};
		StringBuilder sql = new StringBuilder("select id, " + column
				+ " due from case_record where status = :status and " + column
				+ " <= :now and not (handling_level = 'COUNTY' and overdue_step is not null and overdue_step = :step)");
		if (after != null) {
			// a row-value comparison is an index condition (the OR form would be a
			// filter)
			sql.append(" and (" + column + ", id) > (:afterDue, :afterId)");
		}
		if (!within.equals(OrgPath.ROOT)) {
			sql.append(" and org_path like :within");
		}
		sql.append(" order by " + column + ", id fetch first " + Math.max(1, batch) + " rows only");
		var spec = jdbc.sql(sql.toString())
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.param("step", step.name());
		if (after != null) {
			spec = spec.param("afterDue", Timestamp.from(after.due())).param("afterId", after.id());
		}
		if (!within.equals(OrgPath.ROOT)) {
			spec = spec.param("within", within.value() + "%");
		}
		return spec.query((rs, i) -> new Candidate(rs.getLong("id"), rs.getTimestamp("due").toInstant())).list();
	}

	/**
	 * One case in its own transaction. A cadre acting at the same moment wins; a case
	 * that cannot go up (no unit above on its path) is still flagged; nothing stops the
	 * scan of the other cases.
	 */
	private Outcome checkSafely(CaseId id, Instant now) {
		try {
			return tx.execute(status -> check(id, now, true));
		}
		catch (ConcurrentTransitionException raced) {
			log.debug("overdue check of case {} skipped: {}", id, raced.getMessage());
			return new Outcome(0, 0);
		}
		catch (RuntimeException ex) {
			log.warn("case {} could not escalate by itself: {}", id, ex.toString());
		}
		try {
			return tx.execute(status -> check(id, now, false));
		}
		catch (RuntimeException ex) {
			log.warn("overdue check of case {} failed: {}", id, ex.toString());
			return new Outcome(0, 0);
		}
	}

	private Outcome check(CaseId id, Instant now, boolean mayEscalate) {
		Optional<CaseRecord> found = store.find(id);
		if (found.isEmpty()) {
			return new Outcome(0, 0);
		}
		CaseRecord c = found.get();
		Instant arrived = latest(arrivedAt(id), c.autoEscalatedAt());
		OverdueRule.Decision decision = rule.decide(c.status(), c.level(), c.deadlines(), c.overdueStep(), arrived,
				now);
		if (decision.nothing() || !mayEscalate && !decision.flag()) {
			return new Outcome(0, 0);
		}
		if (decision.escalate() && mayEscalate) {
			CaseRecord moved = desk.actAsSystem(id,
					CaseCommand.of(CaseAction.ESCALATE, c.version()).withReason(AUTO_REASON));
			store.update(new CaseRecord.Builder(moved).autoEscalatedAt(now).build(), moved.version());
			return new Outcome(0, 1);
		}
		store.update(new CaseRecord.Builder(c).overdue(decision.step().name(), now).build(), c.version());
		notifyOverdue(c, decision.step());
		return new Outcome(1, 0);
	}

	/** The handler (or the handling unit) and the staff of the unit above. */
	private void notifyOverdue(CaseRecord c, CaseStep step) {
		List<Long> recipients = new ArrayList<>();
		if (c.assigneeAccountId() != null) {
			recipients.add(c.assigneeAccountId());
		}
		else {
			staffAt(c.unitCode(), recipients);
		}
		places.find(c.unitCode()).map(Place::parentCode).ifPresent(parent -> staffAt(parent, recipients));
		if (recipients.isEmpty()) {
			return;
		}
		events.publishEvent(new NoticeRequested(recipients.stream().distinct().toList(), "CASE_OVERDUE",
				"case.notice.overdue." + step.name(), List.of(c.trackingCodeDisplay()), "/cases/" + c.id().value()));
	}

	private void staffAt(String placeCode, List<Long> into) {
		if (placeCode != null) {
			staff.at(placeCode, CaseAccess.HANDLERS).forEach(m -> into.add(m.accountId()));
		}
	}

	/** When the case last moved to another unit, if ever. */
	private Instant arrivedAt(CaseId id) {
		Timestamp at = jdbc.sql(
				"select max(at) from case_event where case_id = :id and action in ('ESCALATE', 'HAND_DOWN', 'TRANSFER')")
			.param("id", id.value())
			.query(Timestamp.class)
			.optional()
			.orElse(null);
		return at == null ? null : at.toInstant();
	}

	private static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return b == null || a.isAfter(b) ? a : b;
	}

}
