package org.xiangzhi.party.visits;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.party.visits.VisitRecords.Visit;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.HouseholdId;

/**
 * SQL of visits, their photos and mandatory visits. Lists join the household (address,
 * head) and the member's resident (name) so that a screen is one query.
 */
@Repository
class VisitStore {

	private static final String VISIT_COLUMNS = "select v.id, v.household_id, h.address, hr.name head_name, "
			+ "v.org_path, v.member_id, mr.name member_name, v.kind, v.visited_on, v.notes, v.follow_up, "
			+ "v.follow_up_text, v.has_photo, v.logged_by, v.created_at from party_visit v "
			+ "join household h on h.id = v.household_id left join resident hr on hr.id = h.head_resident_id "
			+ "join party_member m on m.id = v.member_id join resident mr on mr.id = m.resident_id ";

	private static final String TASK_COLUMNS = "select t.id, t.household_id, h.address, hr.name head_name, "
			+ "t.org_path, t.member_id, mr.name member_name, t.trigger_kind, t.trigger_note, t.occurred_on, t.source, "
			+ "t.source_case_id, t.status, t.due_on, t.reminded_at, t.overdue_at, t.visit_id, t.cancel_reason, "
			+ "t.created_by, t.created_at, t.closed_by, t.closed_at, t.version from party_visit_task t "
			+ "join household h on h.id = t.household_id left join resident hr on hr.id = h.head_resident_id "
			+ "left join party_member m on m.id = t.member_id left join resident mr on mr.id = m.resident_id ";

	private final JdbcClient jdbc;

	VisitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------- visits

	/** A visit as stored. */
	record NewVisit(HouseholdId household, MemberId member, OrgPath path, VisitKind kind, LocalDate visitedOn,
			String notes, boolean followUp, String followUpText, boolean hasPhoto, String loggedBy, Instant at) {
	}

	long insertVisit(NewVisit v) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into party_visit (household_id, member_id, org_path, kind, visited_on, notes, follow_up, "
				+ "follow_up_text, has_photo, logged_by, created_at) values (:household, :member, :path, :kind, "
				+ ":visited, :notes, :followUp, :followUpText, :photo, :by, :at)")
			.param("household", v.household().value())
			.param("member", v.member().value())
			.param("path", v.path().value())
			.param("kind", v.kind().name())
			.param("visited", Date.valueOf(v.visitedOn()))
			.param("notes", v.notes())
			.param("followUp", v.followUp())
			.param("followUpText", v.followUpText())
			.param("photo", v.hasPhoto())
			.param("by", v.loggedBy())
			.param("at", Timestamp.from(v.at()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertPhoto(long visitId, VisitPhotos.Encoded photo, Instant at) {
		jdbc.sql("insert into party_visit_photo (visit_id, content_type, width, height, bytes, content, created_at) "
				+ "values (:visit, 'image/jpeg', :w, :h, :bytes, :content, :at)")
			.param("visit", visitId)
			.param("w", photo.width())
			.param("h", photo.height())
			.param("bytes", photo.jpeg().length)
			.param("content", photo.jpeg())
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<byte[]> photo(long visitId) {
		return jdbc.sql("select content from party_visit_photo where visit_id = :visit")
			.param("visit", visitId)
			.query((rs, i) -> rs.getBytes(1))
			.optional();
	}

	Optional<Visit> visit(long id) {
		return jdbc.sql(VISIT_COLUMNS + "where v.id = :id").param("id", id).query(VisitStore::visit).optional();
	}

	/** Which visits a list shows. */
	record VisitFilter(DataScope scope, OrgPath within, MemberId member, HouseholdId household, int limit) {
	}

	/** Visits newest first. */
	List<Visit> visits(VisitFilter f) {
		Where where = new Where();
		if (f.scope() != null) {
			where.scope(f.scope(), "v.org_path");
		}
		if (f.within() != null) {
			where.add("v.org_path like :within", "within", f.within().value() + "%");
		}
		if (f.member() != null) {
			where.add("v.member_id = :member", "member", f.member().value());
		}
		if (f.household() != null) {
			where.add("v.household_id = :household", "household", f.household().value());
		}
		return jdbc
			.sql(VISIT_COLUMNS + where.sql() + " order by v.visited_on desc, v.id desc fetch first "
					+ Math.max(1, f.limit()) + " rows only")
			.params(where.params)
			.query(VisitStore::visit)
			.list();
	}

	// ---------------------------------------------------------------- tasks

	/** A mandatory visit as raised. */
	record NewTask(HouseholdId household, OrgPath path, MemberId member, TriggerKind trigger, String note,
			LocalDate occurredOn, String source, Long caseId, LocalDate dueOn, String createdBy, Instant at) {
	}

	long insertTask(NewTask t) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into party_visit_task (household_id, org_path, member_id, trigger_kind, trigger_note, "
				+ "occurred_on, source, source_case_id, status, due_on, created_by, created_at, version) values "
				+ "(:household, :path, :member, :trigger, :note, :occurred, :source, :case, 'OPEN', :due, :by, :at, 0)")
			.param("household", t.household().value())
			.param("path", t.path().value())
			.param("member", t.member() == null ? null : t.member().value())
			.param("trigger", t.trigger().name())
			.param("note", t.note())
			.param("occurred", t.occurredOn() == null ? null : Date.valueOf(t.occurredOn()))
			.param("source", t.source())
			.param("case", t.caseId())
			.param("due", Date.valueOf(t.dueOn()))
			.param("by", t.createdBy())
			.param("at", Timestamp.from(t.at()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean taskExistsForCase(long caseId) {
		return jdbc.sql("select count(*) from party_visit_task where source_case_id = :case")
			.param("case", caseId)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Task> task(long id) {
		return jdbc.sql(TASK_COLUMNS + "where t.id = :id").param("id", id).query(VisitStore::task).optional();
	}

	List<Task> openTasksOf(HouseholdId household) {
		return jdbc.sql(TASK_COLUMNS + "where t.household_id = :h and t.status = 'OPEN' order by t.due_on, t.id")
			.param("h", household.value())
			.query(VisitStore::task)
			.list();
	}

	/**
	 * Which tasks a list shows. {@code member} with {@code orHouseholds}: the member's
	 * own tasks and the branch's tasks (no member) of those households.
	 */
	record TaskFilter(DataScope scope, OrgPath within, MemberId member, List<HouseholdId> orHouseholds,
			HouseholdId household, Set<TaskStatus> statuses, int limit) {
	}

	/** Open tasks by deadline; closed ones most recently closed first. */
	List<Task> tasks(TaskFilter f) {
		Where where = new Where();
		if (f.scope() != null) {
			where.scope(f.scope(), "t.org_path");
		}
		if (f.within() != null) {
			where.add("t.org_path like :within", "within", f.within().value() + "%");
		}
		if (f.member() != null) {
			if (f.orHouseholds() == null || f.orHouseholds().isEmpty()) {
				where.add("t.member_id = :member", "member", f.member().value());
			}
			else {
				where.add("(t.member_id = :member or (t.member_id is null and t.household_id in (:households)))",
						"member", f.member().value());
				where.params.put("households", f.orHouseholds().stream().map(HouseholdId::value).toList());
			}
		}
		if (f.household() != null) {
			where.add("t.household_id = :household", "household", f.household().value());
		}
		if (f.statuses() != null && !f.statuses().isEmpty()) {
			where.add("t.status in (:statuses)", "statuses", f.statuses().stream().map(Enum::name).toList());
		}
		return jdbc
			.sql(TASK_COLUMNS + where.sql() + " order by case when t.status = 'OPEN' then 0 else 1 end, "
					+ "case when t.status = 'OPEN' then t.due_on end, t.closed_at desc, t.id desc fetch first "
					+ Math.max(1, f.limit()) + " rows only")
			.params(where.params)
			.query(VisitStore::task)
			.list();
	}

	/**
	 * Moves an open task to its end state at the version read.
	 * @return whether this write did it (false: someone else was faster)
	 */
	boolean close(long id, int version, TaskStatus to, Long visitId, String reason, String by, Instant at) {
		return jdbc
			.sql("update party_visit_task set status = :to, visit_id = :visit, cancel_reason = :reason, "
					+ "closed_by = :by, closed_at = :at, version = version + 1 where id = :id and version = :version "
					+ "and status = 'OPEN'")
			.param("to", to.name())
			.param("visit", visitId)
			.param("reason", reason)
			.param("by", by)
			.param("at", Timestamp.from(at))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Open tasks past their last day not flagged yet, by id after {@code afterId}. */
	List<Task> overdueUnflagged(LocalDate today, OrgPath within, long afterId, int batch) {
		return jdbc
			.sql(TASK_COLUMNS
					+ "where t.status = 'OPEN' and t.due_on < :today and t.overdue_at is null and t.id > :after"
					+ " and t.org_path like :within order by t.id fetch first " + batch + " rows only")
			.param("today", Date.valueOf(today))
			.param("after", afterId)
			.param("within", within.value() + "%")
			.query(VisitStore::task)
			.list();
	}

	/** Open tasks in their last days, not reminded yet and not overdue. */
	List<Task> dueSoonUnreminded(LocalDate today, LocalDate until, OrgPath within, long afterId, int batch) {
		return jdbc
			.sql(TASK_COLUMNS + "where t.status = 'OPEN' and t.due_on >= :today and t.due_on <= :until "
					+ "and t.reminded_at is null and t.id > :after and t.org_path like :within "
					+ "order by t.id fetch first " + batch + " rows only")
			.param("today", Date.valueOf(today))
			.param("until", Date.valueOf(until))
			.param("after", afterId)
			.param("within", within.value() + "%")
			.query(VisitStore::task)
			.list();
	}

	/** Flags the task overdue once; false when another run already did. */
	boolean flagOverdue(long id, Instant at) {
		return jdbc
			.sql("update party_visit_task set overdue_at = :at, version = version + 1 where id = :id "
					+ "and overdue_at is null and status = 'OPEN'")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	/** Marks the task reminded once; false when another run already did. */
	boolean markReminded(long id, Instant at) {
		return jdbc
			.sql("update party_visit_task set reminded_at = :at, version = version + 1 where id = :id "
					+ "and reminded_at is null and status = 'OPEN'")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update() == 1;
	}

	// ---------------------------------------------------------------- mapping

	static Visit visit(ResultSet rs, int row) throws SQLException {
		return new Visit(rs.getLong("id"), new HouseholdId(rs.getLong("household_id")), rs.getString("address"),
				rs.getString("head_name"), OrgPath.of(rs.getString("org_path")), new MemberId(rs.getLong("member_id")),
				rs.getString("member_name"), VisitKind.valueOf(rs.getString("kind")),
				rs.getDate("visited_on").toLocalDate(), rs.getString("notes"), rs.getBoolean("follow_up"),
				rs.getString("follow_up_text"), rs.getBoolean("has_photo"), rs.getString("logged_by"),
				instant(rs, "created_at"));
	}

	static Task task(ResultSet rs, int row) throws SQLException {
		long member = rs.getLong("member_id");
		MemberId memberId = rs.wasNull() ? null : new MemberId(member);
		long caseId = rs.getLong("source_case_id");
		Long sourceCase = rs.wasNull() ? null : caseId;
		long visit = rs.getLong("visit_id");
		Long visitId = rs.wasNull() ? null : visit;
		Date occurred = rs.getDate("occurred_on");
		return new Task(rs.getLong("id"), new HouseholdId(rs.getLong("household_id")), rs.getString("address"),
				rs.getString("head_name"), OrgPath.of(rs.getString("org_path")), memberId, rs.getString("member_name"),
				TriggerKind.valueOf(rs.getString("trigger_kind")), rs.getString("trigger_note"),
				occurred == null ? null : occurred.toLocalDate(), rs.getString("source"), sourceCase,
				TaskStatus.valueOf(rs.getString("status")), rs.getDate("due_on").toLocalDate(),
				instant(rs, "reminded_at"), instant(rs, "overdue_at"), visitId, rs.getString("cancel_reason"),
				rs.getString("created_by"), instant(rs, "created_at"), rs.getString("closed_by"),
				instant(rs, "closed_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** A WHERE clause built from optional conditions. */
	private static final class Where {

		final List<String> terms = new ArrayList<>();

		final Map<String, Object> params = new LinkedHashMap<>();

		void add(String term, String name, Object value) {
			terms.add(term);
			params.put(name, value);
		}

		void scope(DataScope scope, String column) {
			DataScope.SqlCondition c = scope.condition(column);
			terms.add(c.sql());
			params.putAll(c.params());
		}

		String sql() {
			return terms.isEmpty() ? "" : "where " + String.join(" and ", terms);
		}

	}

}
