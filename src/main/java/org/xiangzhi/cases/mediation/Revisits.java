package org.xiangzhi.cases.mediation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * 季回访: revisits of closed disputes, scheduled every quarter after the closing, listed for
 * the cadres of the case's area and recorded by them. An unstable revisit may reopen the
 * case.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class Revisits {

	/** Record kind of a revisit in "not found" answers and audit rows. */
	public static final String REVISIT = "revisit";

	private final JdbcClient jdbc;

	private final CaseStore cases;

	private final CaseDesk desk;

	private final AuditLog audit;

	private final RevisitPlan plan;

	private final Clock clock;

	Revisits(JdbcClient jdbc, CaseStore cases, CaseDesk desk, AuditLog audit, DisputeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.desk = desk;
		this.audit = audit;
		this.plan = new RevisitPlan(settings.revisitCount(), settings.revisitIntervalMonths());
		this.clock = clock;
	}

	/** A revisit as listed. */
	record Revisit(long id, long caseId, String trackingCode, String categoryCode, String villageCode, LocalDate dueOn,
			Instant doneAt, String doneBy, Boolean stable, String note) {

		public boolean done() {
			return doneAt != null;
		}

	}

	/**
	 * Schedules the revisits of a dispute closed at {@code closedAt}; undone revisits of
	 * an earlier closing are replaced. Does nothing for other cases.
	 * @return how many were scheduled
	 */
	int scheduleAfterClosing(CaseId id) {
		CaseRecord c = cases.find(id).orElse(null);
		if (c == null || !c.dispute() || c.status() != CaseStatus.CLOSED || c.closedAt() == null) {
			return 0;
		}
		jdbc.sql("delete from case_revisit where case_id = :id and done_at is null").param("id", id.value()).update();
		LocalDate closedOn = c.closedAt().atZone(WorkingDayCalendar.ZONE).toLocalDate();
		int scheduled = 0;
		for (LocalDate due : plan.datesAfter(closedOn)) {
			scheduled += jdbc
				.sql("insert into case_revisit (case_id, org_path, due_on) select :id, :path, :due "
						+ "where not exists (select 1 from case_revisit where case_id = :id and due_on = :due)")
				.param("id", id.value())
				.param("path", c.path().value())
				.param("due", due)
				.update();
		}
		return scheduled;
	}

	/** The revisits of one case (the mediation page shows them). */
	List<Revisit> ofCase(long caseId) {
		return jdbc.sql(SELECT + "where v.case_id = :id order by v.due_on")
			.param("id", caseId)
			.query(Revisits::map)
			.list();
	}

	/** Open revisits in the actor's area, earliest first; with done ones when asked. */
	List<Revisit> list(Actor actor, boolean withDone, int limit) {
		DataScope.SqlCondition scope = CaseAccess.handleScope(actor).condition("v.org_path");
		return jdbc
			.sql(SELECT + "where " + scope.sql() + (withDone ? "" : " and v.done_at is null")
					+ " order by v.due_on, v.id fetch first " + limit + " rows only")
			.params(scope.params())
			.query(Revisits::map)
			.list();
	}

	/**
	 * Records a revisit: stable or not, with a note; an unstable one reopens the case
	 * when asked (through the case desk, with the actor's rights).
	 */
	void record(Actor actor, long revisitId, Boolean stable, String note, boolean reopen) {
		Revisit revisit = jdbc.sql(SELECT + "where v.id = :id")
			.param("id", revisitId)
			.query(Revisits::map)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(REVISIT, revisitId));
		String path = jdbc.sql("select org_path from case_revisit where id = :id")
			.param("id", revisitId)
			.query(String.class)
			.single();
		if (!CaseAccess.handleScope(actor).contains(org.xiangzhi.platform.OrgPath.of(path))) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, REVISIT, revisitId, AuditOutcome.DENIED));
			throw new RecordNotFoundException(REVISIT, revisitId);
		}
		if (stable == null) {
			throw new InvalidInputException("stable", "revisit.stable.required");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 2000) {
			throw new InvalidInputException("note", "mediation.input.tooLong");
		}
		if (!stable && reopen && text == null) {
			throw new InvalidInputException("note", "revisit.note.required");
		}
		int updated = jdbc
			.sql("update case_revisit set done_at = :now, done_by = :by, stable = :stable, note = :note "
					+ "where id = :id and done_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", actor.username())
			.param("stable", stable)
			.param("note", text)
			.param("id", revisitId)
			.update();
		if (updated != 1) {
			throw new InvalidInputException("stable", "revisit.done.already");
		}
		if (!stable && reopen) {
			CaseRecord c = cases.find(new CaseId(revisit.caseId())).orElseThrow();
			desk.act(actor, c.id(), CaseCommand.of(CaseAction.REOPEN, c.version()).withReason("回访不稳定：" + text));
		}
	}

	private static final String SELECT = "select v.id, v.case_id, c.tracking_code, c.category_code, c.village_code, "
			+ "v.due_on, v.done_at, v.done_by, v.stable, v.note from case_revisit v "
			+ "join case_record c on c.id = v.case_id ";

	private static Revisit map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Revisit(rs.getLong("id"), rs.getLong("case_id"), rs.getString("tracking_code"),
				rs.getString("category_code"), rs.getString("village_code"), rs.getObject("due_on", LocalDate.class),
				rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
				rs.getString("done_by"), (Boolean) rs.getObject("stable", Boolean.class), rs.getString("note"));
	}

}
