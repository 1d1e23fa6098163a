package org.xiangzhi.cases.mediation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

/**
 * 周排查: every village reports each ISO week the disputes it found, or a zero report (零报告).
 * A village without a report for the past week is missing, and its town is told.
 */
@Service
@Transactional
public class Screenings {

	static final int MAX_VILLAGES = 2000;

	private final JdbcClient jdbc;

	private final Places places;

	private final Clock clock;

	Screenings(JdbcClient jdbc, Places places, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.clock = clock;
	}

	/** A village's report of one week, if any. */
	record Report(boolean zeroReport, int disputeCount, String note, String reportedBy, Instant reportedAt) {
	}

	/** One village's line for a week: its report, or null when missing. */
	record Line(Place village, Report report) {

		public boolean missing() {
			return report == null;
		}

	}

	/** The villages in the actor's area with their reports of the week (Monday). */
	List<Line> week(Actor actor, LocalDate weekStart) {
		List<Place> villages = villages(CaseAccess.handleScope(actor));
		Map<String, Report> reports = new LinkedHashMap<>();
		DataScope.SqlCondition scope = CaseAccess.handleScope(actor).condition("org_path");
		jdbc.sql("select village_code, zero_report, dispute_count, note, reported_by, reported_at "
				+ "from dispute_screening where week_start = :week and " + scope.sql())
			.params(scope.params())
			.param("week", weekStart)
			.query(rs -> {
				reports.put(rs.getString("village_code"),
						new Report(rs.getBoolean("zero_report"), rs.getInt("dispute_count"), rs.getString("note"),
								rs.getString("reported_by"), rs.getTimestamp("reported_at").toInstant()));
			});
		return villages.stream().map(v -> new Line(v, reports.get(v.code()))).toList();
	}

	/** The villages of a scope, in tree order. */
	List<Place> villages(DataScope scope) {
		return places.within(scope, 100_000)
			.stream()
			.filter(p -> p.level() == PlaceLevel.VILLAGE)
			.limit(MAX_VILLAGES)
			.toList();
	}

	/**
	 * Records (or corrects) a village's report of a week.
	 * @param zeroReport 零报告: no new dispute this week
	 * @param disputeCount the new disputes found, at least 1 unless a zero report
	 */
	void record(Actor actor, String villageCode, LocalDate weekStart, boolean zeroReport, Integer disputeCount,
			String note) {
		Place village = villageCode == null ? null
				: places.find(villageCode)
					.filter(p -> p.level() == PlaceLevel.VILLAGE)
					.filter(p -> CaseAccess.handleScope(actor).contains(p.path()))
					.orElse(null);
		if (village == null) {
			throw new InvalidInputException("village", "screening.village.unknown");
		}
		LocalDate today = LocalDate.now(clock.withZone(org.xiangzhi.cases.time.WorkingDayCalendar.ZONE));
		if (weekStart == null || !WeekOf.isMonday(weekStart) || weekStart.isAfter(today)) {
			throw new InvalidInputException("weekStart", "screening.week.invalid");
		}
		int count = zeroReport ? 0 : disputeCount == null ? 0 : disputeCount;
		if (!zeroReport && (count < 1 || count > 10_000)) {
			throw new InvalidInputException("disputeCount", "screening.count.required");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 2000) {
			throw new InvalidInputException("note", "mediation.input.tooLong");
		}
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc
			.sql("update dispute_screening set zero_report = :zero, dispute_count = :count, note = :note, "
					+ "reported_by = :by, reported_at = :now where village_code = :village and week_start = :week")
			.param("zero", zeroReport)
			.param("count", count)
			.param("note", text)
			.param("by", actor.username())
			.param("now", now)
			.param("village", village.code())
			.param("week", weekStart)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into dispute_screening (village_code, org_path, week_start, zero_report, dispute_count, "
					+ "note, reported_by, reported_at) values (:village, :path, :week, :zero, :count, :note, :by, :now)")
				.param("village", village.code())
				.param("path", village.path().value())
				.param("week", weekStart)
				.param("zero", zeroReport)
				.param("count", count)
				.param("note", text)
				.param("by", actor.username())
				.param("now", now)
				.update();
		}
	}

	/** The villages without a report for the week, by town (the village's parent). */
	Map<String, List<Place>> missing(LocalDate weekStart) {
		Map<String, List<Place>> byTown = new LinkedHashMap<>();
		jdbc.sql("select code, name, parent_code, org_path from place p where level = 'VILLAGE' and not exists "
				+ "(select 1 from dispute_screening s where s.village_code = p.code and s.week_start = :week) "
				+ "order by org_path")
			.param("week", weekStart)
			.query(rs -> {
				Place village = new Place(rs.getString("code"), rs.getString("name"), PlaceLevel.VILLAGE,
						rs.getString("parent_code"), org.xiangzhi.platform.OrgPath.of(rs.getString("org_path")));
				byTown.computeIfAbsent(village.parentCode(), t -> new ArrayList<>()).add(village);
			});
		return byTown;
	}

}
