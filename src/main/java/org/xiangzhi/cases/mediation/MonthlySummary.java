package org.xiangzhi.cases.mediation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * 月汇总: the month of dispute work of a place, generated from the records — one line per
 * village (or per town, for a county) and a total line for the place itself.
 */
@Service
@Transactional(readOnly = true)
public class MonthlySummary {

	private final JdbcClient jdbc;

	private final Places places;

	private final Clock clock;

	MonthlySummary(JdbcClient jdbc, Places places, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.clock = clock;
	}

	/** The figures of one place in one month. */
	record Line(Place place, long received, long mediated, long agreements, long revisitsDone, long revisitsDue,
			long screeningsSubmitted, long screeningsMissing) {

		/**
		 * Agreements per mediated dispute, in percent; null when nothing was mediated.
		 */
		public Integer successRate() {
			return mediated == 0 ? null : (int) Math.round(100.0 * agreements / mediated);
		}

	}

	/** The whole summary. */
	record Summary(YearMonth month, Place place, List<Line> lines, Line total, Map<String, Long> byCategory,
			Map<String, Long> byStatus) {

		/** The lines, then the total. */
		public List<Line> rows() {
			List<Line> rows = new ArrayList<>(lines);
			rows.add(total);
			return rows;
		}

	}

	/** The place the actor looks at by default: the first unit of its handling scope. */
	Place defaultPlace(Actor actor) {
		return CaseAccess.handleScope(actor)
			.roots()
			.stream()
			.findFirst()
			.flatMap(root -> places.find(root.leafCode() == null ? "000000" : root.leafCode()))
			.orElseThrow(() -> new RecordNotFoundException("place", "-"));
	}

	/**
	 * The summary of a place in the actor's handling scope.
	 * @throws RecordNotFoundException when the place is unknown or outside the scope
	 */
	Summary of(Actor actor, String placeCode, YearMonth month) {
		DataScope scope = CaseAccess.handleScope(actor);
		Place place = placeCode == null || placeCode.isBlank() ? defaultPlace(actor)
				: places.find(placeCode)
					.filter(p -> scope.contains(p.path()))
					.orElseThrow(() -> new RecordNotFoundException("place", placeCode));
		Instant from = WorkingDayCalendar.startOfDay(month.atDay(1));
		Instant to = WorkingDayCalendar.startOfDay(month.plusMonths(1).atDay(1));
		List<Line> lines = new ArrayList<>();
		for (Place row : rowsOf(place)) {
			lines.add(line(row, month, from, to));
		}
		Line total = line(place, month, from, to);
		return new Summary(month, place, lines, total, grouped("category_code", place.path(), from, to),
				grouped("status", place.path(), from, to));
	}

	/**
	 * The direct children of the place: villages of a town, towns of a county, counties
	 * of a city; none below a town (a village is its own total).
	 */
	private List<Place> rowsOf(Place place) {
		if (place.level() == PlaceLevel.VILLAGE || place.level().isAtOrBelow(PlaceLevel.GRID)) {
			return List.of();
		}
		return places.within(DataScope.of(place.path()), 100_000)
			.stream()
			.filter(p -> place.code().equals(p.parentCode()))
			.limit(500)
			.toList();
	}

	private Line line(Place place, YearMonth month, Instant from, Instant to) {
		String like = place.path().value() + "%";
		long received = count("select count(*) from case_record where dispute = true and org_path like :p "
				+ "and submitted_at >= :from and submitted_at < :to", like, from, to);
		long mediated = count("select count(distinct s.case_id) from mediation_session s join mediation m "
				+ "on m.case_id = s.case_id where m.org_path like :p and s.held_at >= :from and s.held_at < :to", like,
				from, to);
		long agreements = count("select count(*) from mediation where org_path like :p and outcome = 'AGREED' "
				+ "and agreement_at >= :from and agreement_at < :to", like, from, to);
		long revisitsDone = count(
				"select count(*) from case_revisit where org_path like :p " + "and done_at >= :from and done_at < :to",
				like, from, to);
		long revisitsDue = jdbc
			.sql("select count(*) from case_revisit where org_path like :p and due_on >= :first and due_on < :next")
			.param("p", like)
			.param("first", month.atDay(1))
			.param("next", month.plusMonths(1).atDay(1))
			.query(Long.class)
			.single();
		List<LocalDate> weeks = weeksDue(month);
		long submitted = weeks.isEmpty() ? 0
				: jdbc.sql("select count(*) from dispute_screening where org_path like :p and week_start in (:weeks)")
					.param("p", like)
					.param("weeks", weeks)
					.query(Long.class)
					.single();
		long villages = jdbc.sql("select count(*) from place where level = 'VILLAGE' and org_path like :p")
			.param("p", like)
			.query(Long.class)
			.single();
		long missing = Math.max(0, villages * weeks.size() - submitted);
		return new Line(place, received, mediated, agreements, revisitsDone, revisitsDue, submitted, missing);
	}

	/** The weeks starting in the month whose Monday has come. */
	List<LocalDate> weeksDue(YearMonth month) {
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
		List<LocalDate> weeks = new ArrayList<>();
		for (LocalDate day = WeekOf.monday(month.atDay(1)); !day.isAfter(month.atEndOfMonth()); day = day
			.plusWeeks(1)) {
			if (!day.isBefore(month.atDay(1)) && !day.isAfter(today)) {
				weeks.add(day);
			}
		}
		return weeks;
	}

	private Map<String, Long> grouped(String column, OrgPath path, Instant from, Instant to) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql("select " + column + " k, count(*) n from case_record where org_path like :p "
				+ "and submitted_at >= :from and submitted_at < :to group by " + column)
			.param("p", path.value() + "%")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(rs -> {
				counts.put(rs.getString("k"), rs.getLong("n"));
			});
		return counts;
	}

	private long count(String sql, String like, Instant from, Instant to) {
		return jdbc.sql(sql)
			.param("p", like)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

}
