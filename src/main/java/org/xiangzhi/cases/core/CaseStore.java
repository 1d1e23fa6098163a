package org.xiangzhi.cases.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Databases;
import org.xiangzhi.platform.OrgPath;

/**
 * The one writer of {@code case_record} and {@code case_event}. Changes are written with
 * {@code UPDATE ... WHERE version = :expected}: of two concurrent transitions, on any
 * number of nodes, only one can win.
 */
@Repository
public class CaseStore {

	static final String COLUMNS = "select id, tracking_code, org_path, county_code, town_code, village_code, grid_code, "
			+ "unit_code, handling_level, category_code, dispute, status, channel, description, latitude, longitude, "
			+ "reporter_name_enc, reporter_phone_enc, resident_id, household_id, assignee_account_id, created_by, "
			+ "open311_client_id, submitted_at, accept_due, dispatch_due, handle_due, revisit_due, accepted_at, "
			+ "dispatched_at, handled_at, verified_at, closed_at, overdue_step, overdue_since, auto_escalated_at, "
			+ "result_text, public_note, merged_into, reporter_confirmed, satisfaction, satisfaction_comment, rated_at, "
			+ "version, updated_at from case_record ";

	private final JdbcClient jdbc;

	private final boolean postgres;

	public CaseStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	/** Inserts a new case (version 0) without a reporter's phone and returns its id. */
	public CaseId insert(CaseRecord c) {
		return insert(c, null);
	}

	/**
	 * Inserts a new case (version 0) and returns its id.
	 * @param reporterPhoneIndex the blind index of the reporter's phone, or null
	 */
	public CaseId insert(CaseRecord c, String reporterPhoneIndex) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(INSERT_CASE).params(caseParams(c, reporterPhoneIndex)).update(keys, "id");
		return new CaseId(keys.getKey().longValue());
	}

	/**
	 * Inserts a new case with the first event of its timeline, and rows of other tables
	 * that belong to it, and returns its id. On PostgreSQL all of it is one statement
	 * (data-modifying {@code WITH}): the intake's write is then one round trip; elsewhere
	 * (H2) one statement per row.
	 * @param submitted the first event; its case id is ignored
	 * @param companions rows to insert with the new case's id in their {@code case_id}
	 */
	public CaseId insertWithEvent(CaseRecord c, String reporterPhoneIndex, Event submitted,
			List<CompanionRow> companions) {
		if (!postgres) {
			CaseId id = insert(c, reporterPhoneIndex);
			insertEvent(submitted.of(id));
			for (CompanionRow row : companions) {
				Map<String, Object> params = row.params("");
				params.put("case", id.value());
				jdbc.sql("insert into " + row.table() + " (case_id, " + row.columnList() + ") values (:case, "
						+ row.placeholders("") + ")")
					.params(params)
					.update();
			}
			return id;
		}
		Map<String, Object> params = caseParams(c, reporterPhoneIndex);
		params.putAll(eventParams(submitted));
		StringBuilder sql = new StringBuilder("with c as (").append(INSERT_CASE)
			.append(" returning id), e as (")
			.append(INSERT_EVENT_PREFIX)
			.append("select c.id, ")
			.append(EVENT_VALUES)
			.append(" from c)");
		for (int i = 0; i < companions.size(); i++) {
			CompanionRow row = companions.get(i);
			String prefix = "x" + i + "_";
			sql.append(", ")
				.append(prefix)
				.append(" as (insert into ")
				.append(row.table())
				.append(" (case_id, ")
				.append(row.columnList())
				.append(") select c.id, ")
				.append(row.placeholders(prefix))
				.append(" from c)");
			params.putAll(row.params(prefix));
		}
		sql.append(" select id from c");
		return new CaseId(jdbc.sql(sql.toString()).params(params).query(Long.class).single());
	}

	/**
	 * A row of another table of the cases module that belongs to a new case (an Open311
	 * request's own fields, say): its columns other than {@code case_id}.
	 */
	public record CompanionRow(String table, Map<String, Object> columns) {

		private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");

		public CompanionRow {
			// names go into SQL text: only plain identifiers, never data
			if (!IDENTIFIER.matcher(table).matches() || columns.isEmpty()
					|| !columns.keySet().stream().allMatch(k -> IDENTIFIER.matcher(k).matches())) {
				throw new IllegalArgumentException("bad companion row " + table + columns.keySet());
			}
			columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
		}

		String columnList() {
			return String.join(", ", columns.keySet());
		}

		String placeholders(String prefix) {
			return String.join(", ", columns.keySet().stream().map(k -> ":" + prefix + k).toList());
		}

		Map<String, Object> params(String prefix) {
			Map<String, Object> params = new LinkedHashMap<>();
			columns.forEach((k, v) -> params.put(prefix + k, v));
			return params;
		}

	}

	private static final String INSERT_CASE = "insert into case_record (tracking_code, org_path, county_code, "
			+ "town_code, village_code, grid_code, unit_code, handling_level, category_code, dispute, status, channel, "
			+ "description, latitude, longitude, reporter_name_enc, reporter_phone_enc, reporter_phone_bidx, "
			+ "resident_id, household_id, created_by, open311_client_id, submitted_at, accept_due, dispatch_due, "
			+ "handle_due, revisit_due, version, updated_at) values (:tracking, :path, :county, :town, :village, :grid, "
			+ ":unit, :level, :category, :dispute, :status, :channel, :description, :lat, :lng, :name, :phone, "
			+ ":phoneIndex, :resident, :household, :createdBy, :client, :submitted, :acceptDue, :dispatchDue, "
			+ ":handleDue, :revisitDue, 0, :updated)";

	private static final String INSERT_EVENT_PREFIX = "insert into case_event (case_id, at, actor, action, "
			+ "from_status, to_status, from_level, to_level, from_unit, to_unit, note, note_public) ";

	private static final String EVENT_VALUES = ":at, :actor, :action, :from, :to, :fromLevel, :toLevel, :fromUnit, "
			+ ":toUnit, :note, :public";

	private static Map<String, Object> caseParams(CaseRecord c, String reporterPhoneIndex) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("tracking", c.trackingCode());
		p.put("path", c.path().value());
		p.put("county", c.countyCode());
		p.put("town", c.townCode());
		p.put("village", c.villageCode());
		p.put("grid", c.gridCode());
		p.put("unit", c.unitCode());
		p.put("level", c.level().name());
		p.put("category", c.categoryCode());
		p.put("dispute", c.dispute());
		p.put("status", c.status().name());
		p.put("channel", c.channel().name());
		p.put("description", c.description());
		p.put("lat", c.location() == null ? null : c.location().latitude());
		p.put("lng", c.location() == null ? null : c.location().longitude());
		p.put("name", c.reporterNameEnc());
		p.put("phone", c.reporterPhoneEnc());
		p.put("phoneIndex", reporterPhoneIndex);
		p.put("resident", c.residentId());
		p.put("household", c.householdId());
		p.put("createdBy", c.createdBy());
		p.put("client", c.open311ClientId());
		p.put("submitted", ts(c.submittedAt()));
		p.put("acceptDue", ts(c.deadlines().accept()));
		p.put("dispatchDue", ts(c.deadlines().dispatch()));
		p.put("handleDue", ts(c.deadlines().handle()));
		p.put("revisitDue", ts(c.deadlines().revisit()));
		p.put("updated", ts(c.updatedAt()));
		return p;
	}

	public Optional<CaseRecord> find(CaseId id) {
		return jdbc.sql(COLUMNS + "where id = :id").param("id", id.value()).query(CaseStore::map).optional();
	}

	/** The case, if it lies inside the scope. */
	public Optional<CaseRecord> find(CaseId id, DataScope scope) {
		DataScope.SqlCondition inScope = scope.condition("org_path");
		return jdbc.sql(COLUMNS + "where id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id.value())
			.query(CaseStore::map)
			.optional();
	}

	public Optional<CaseRecord> findByTrackingCode(String code) {
		return jdbc.sql(COLUMNS + "where tracking_code = :t").param("t", code).query(CaseStore::map).optional();
	}

	/**
	 * Writes the changed case if nobody changed it since {@code expectedVersion}.
	 * @throws ConcurrentTransitionException if someone did
	 */
	public void update(CaseRecord c, long expectedVersion) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", c.id().value());
		p.put("expected", expectedVersion);
		p.put("path", c.path().value());
		p.put("county", c.countyCode());
		p.put("town", c.townCode());
		p.put("village", c.villageCode());
		p.put("grid", c.gridCode());
		p.put("unit", c.unitCode());
		p.put("level", c.level().name());
		p.put("status", c.status().name());
		p.put("assignee", c.assigneeAccountId());
		p.put("acceptDue", ts(c.deadlines().accept()));
		p.put("dispatchDue", ts(c.deadlines().dispatch()));
		p.put("handleDue", ts(c.deadlines().handle()));
		p.put("revisitDue", ts(c.deadlines().revisit()));
		p.put("accepted", ts(c.acceptedAt()));
		p.put("dispatched", ts(c.dispatchedAt()));
		p.put("handled", ts(c.handledAt()));
		p.put("verified", ts(c.verifiedAt()));
		p.put("closed", ts(c.closedAt()));
		p.put("overdueStep", c.overdueStep());
		p.put("overdueSince", ts(c.overdueSince()));
		p.put("autoEscalated", ts(c.autoEscalatedAt()));
		p.put("result", c.resultText());
		p.put("publicNote", c.publicNote());
		p.put("merged", c.mergedInto());
		p.put("confirmed", c.reporterConfirmed());
		p.put("satisfaction", c.satisfaction());
		p.put("comment", c.satisfactionComment());
		p.put("rated", ts(c.ratedAt()));
		p.put("updated", ts(c.updatedAt()));
		int updated = jdbc.sql("update case_record set org_path = :path, county_code = :county, town_code = :town, "
				+ "village_code = :village, grid_code = :grid, unit_code = :unit, handling_level = :level, "
				+ "status = :status, assignee_account_id = :assignee, accept_due = :acceptDue, "
				+ "dispatch_due = :dispatchDue, handle_due = :handleDue, revisit_due = :revisitDue, "
				+ "accepted_at = :accepted, dispatched_at = :dispatched, handled_at = :handled, verified_at = :verified, "
				+ "closed_at = :closed, overdue_step = :overdueStep, overdue_since = :overdueSince, "
				+ "auto_escalated_at = :autoEscalated, result_text = :result, public_note = :publicNote, "
				+ "merged_into = :merged, reporter_confirmed = :confirmed, satisfaction = :satisfaction, "
				+ "satisfaction_comment = :comment, rated_at = :rated, updated_at = :updated, version = version + 1 "
				+ "where id = :id and version = :expected")
			.params(p)
			.update();
		if (updated != 1) {
			long actual = find(c.id()).map(CaseRecord::version).orElse(-1L);
			throw new ConcurrentTransitionException(c.id(), expectedVersion, actual);
		}
	}

	/** One line of the timeline, as stored. */
	public record Event(long id, CaseId caseId, Instant at, String actor, CaseAction action, CaseStatus from,
			CaseStatus to, HandlingLevel fromLevel, HandlingLevel toLevel, String fromUnit, String toUnit, String note,
			boolean notePublic) {

		/** The same event of another case. */
		Event of(CaseId otherCase) {
			return new Event(id, otherCase, at, actor, action, from, to, fromLevel, toLevel, fromUnit, toUnit, note,
					notePublic);
		}

	}

	public void insertEvent(Event e) {
		Map<String, Object> params = eventParams(e);
		params.put("case", e.caseId().value());
		jdbc.sql(INSERT_EVENT_PREFIX + "values (:case, " + EVENT_VALUES + ")").params(params).update();
	}

	private static Map<String, Object> eventParams(Event e) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("at", ts(e.at()));
		p.put("actor", e.actor());
		p.put("action", e.action().name());
		p.put("from", e.from() == null ? null : e.from().name());
		p.put("to", e.to().name());
		p.put("fromLevel", e.fromLevel() == null ? null : e.fromLevel().name());
		p.put("toLevel", e.toLevel().name());
		p.put("fromUnit", e.fromUnit());
		p.put("toUnit", e.toUnit());
		p.put("note", e.note());
		p.put("public", e.notePublic());
		return p;
	}

	/** The timeline, oldest first. */
	public List<Event> events(CaseId id) {
		return jdbc
			.sql("select id, case_id, at, actor, action, from_status, to_status, from_level, to_level, "
					+ "from_unit, to_unit, note, note_public from case_event where case_id = :id order by id")
			.param("id", id.value())
			.query((rs, i) -> new Event(rs.getLong("id"), new CaseId(rs.getLong("case_id")), instant(rs, "at"),
					rs.getString("actor"), CaseAction.valueOf(rs.getString("action")),
					rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
					CaseStatus.valueOf(rs.getString("to_status")),
					rs.getString("from_level") == null ? null : HandlingLevel.valueOf(rs.getString("from_level")),
					HandlingLevel.valueOf(rs.getString("to_level")), rs.getString("from_unit"), rs.getString("to_unit"),
					rs.getString("note"), rs.getBoolean("note_public")))
			.list();
	}

	static CaseRecord map(ResultSet rs, int row) throws SQLException {
		double lat = rs.getDouble("latitude");
		GeoPoint location = rs.wasNull() ? null : new GeoPoint(lat, rs.getDouble("longitude"));
		return new CaseRecord(new CaseId(rs.getLong("id")), rs.getString("tracking_code"),
				OrgPath.of(rs.getString("org_path")), rs.getString("county_code"), rs.getString("town_code"),
				rs.getString("village_code"), rs.getString("grid_code"), rs.getString("unit_code"),
				HandlingLevel.valueOf(rs.getString("handling_level")), rs.getString("category_code"),
				rs.getBoolean("dispute"), CaseStatus.valueOf(rs.getString("status")),
				Channel.valueOf(rs.getString("channel")), rs.getString("description"), location,
				rs.getString("reporter_name_enc"), rs.getString("reporter_phone_enc"), longOrNull(rs, "resident_id"),
				longOrNull(rs, "household_id"), longOrNull(rs, "assignee_account_id"), rs.getString("created_by"),
				longOrNull(rs, "open311_client_id"), instant(rs, "submitted_at"),
				new TimeLimits.Deadlines(instant(rs, "accept_due"), instant(rs, "dispatch_due"),
						instant(rs, "handle_due"), instant(rs, "revisit_due")),
				instant(rs, "accepted_at"), instant(rs, "dispatched_at"), instant(rs, "handled_at"),
				instant(rs, "verified_at"), instant(rs, "closed_at"), rs.getString("overdue_step"),
				instant(rs, "overdue_since"), instant(rs, "auto_escalated_at"), rs.getString("result_text"),
				rs.getString("public_note"), longOrNull(rs, "merged_into"),
				(Boolean) rs.getObject("reporter_confirmed", Boolean.class),
				(Integer) rs.getObject("satisfaction", Integer.class), rs.getString("satisfaction_comment"),
				instant(rs, "rated_at"), rs.getLong("version"), instant(rs, "updated_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
