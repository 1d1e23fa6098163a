package org.xiangzhi.cases.clock;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * 超期台账: per handling unit below a place, the cases overdue now and the automatic
 * escalations of a period, with the list of overdue cases.
 */
@Service
@Transactional(readOnly = true)
class OverdueLedger {

	static final int LIST_LIMIT = 200;

	private final JdbcClient jdbc;

	private final Places places;

	OverdueLedger(JdbcClient jdbc, Places places) {
		this.jdbc = jdbc;
		this.places = places;
	}

	/** One unit's counts. */
	record UnitLine(String unitCode, String unitName, long overdueNow, long autoEscalated) {
	}

	/** One overdue case. */
	record OverdueCase(long id, String trackingCode, String categoryCode, String unitCode, String status, String step,
			Instant since) {
	}

	record Ledger(Place place, LocalDate from, LocalDate to, List<UnitLine> units, List<OverdueCase> cases) {
	}

	Ledger of(Actor actor, String placeCode, LocalDate from, LocalDate to) {
		DataScope scope = CaseAccess.readScope(actor);
		Place place;
		if (placeCode == null || placeCode.isBlank()) {
			place = scope.roots()
				.stream()
				.findFirst()
				.flatMap(root -> places.find(root.leafCode() == null ? "000000" : root.leafCode()))
				.orElseThrow(() -> new RecordNotFoundException("place", "-"));
		}
		else {
			place = places.find(placeCode)
				.filter(p -> scope.contains(p.path()))
				.orElseThrow(() -> new RecordNotFoundException("place", placeCode));
		}
		String like = place.path().value() + "%";
		Map<String, long[]> counts = new TreeMap<>();
		jdbc.sql("select unit_code, count(*) n from case_record where org_path like :p and overdue_step is not null "
				+ "and status not in ('CLOSED', 'REJECTED', 'MERGED') group by unit_code")
			.param("p", like)
			.query(rs -> {
				counts.computeIfAbsent(rs.getString("unit_code"), u -> new long[2])[0] = rs.getLong("n");
			});
		jdbc.sql("select e.from_unit, count(*) n from case_event e join case_record c on c.id = e.case_id "
				+ "where e.action = 'ESCALATE' and e.actor = 'system' and e.at >= :from and e.at < :to "
				+ "and c.org_path like :p group by e.from_unit")
			.param("p", like)
			.param("from", Timestamp.from(WorkingDayCalendar.startOfDay(from)))
			.param("to", Timestamp.from(WorkingDayCalendar.startOfDay(to.plusDays(1))))
			.query(rs -> {
				counts.computeIfAbsent(rs.getString("from_unit"), u -> new long[2])[1] = rs.getLong("n");
			});
		Map<String, String> names = new LinkedHashMap<>();
		List<UnitLine> units = counts.entrySet()
			.stream()
			.map(e -> new UnitLine(e.getKey(),
					names.computeIfAbsent(e.getKey(), code -> places.find(code).map(Place::name).orElse(code)),
					e.getValue()[0], e.getValue()[1]))
			.toList();
		List<OverdueCase> cases = jdbc
			.sql("select id, tracking_code, category_code, unit_code, status, overdue_step, overdue_since "
					+ "from case_record where org_path like :p and overdue_step is not null "
					+ "and status not in ('CLOSED', 'REJECTED', 'MERGED') order by overdue_since, id fetch first "
					+ LIST_LIMIT + " rows only")
			.param("p", like)
			.query((rs, i) -> new OverdueCase(rs.getLong("id"), rs.getString("tracking_code"),
					rs.getString("category_code"), rs.getString("unit_code"), rs.getString("status"),
					rs.getString("overdue_step"), rs.getTimestamp("overdue_since").toInstant()))
			.list();
		return new Ledger(place, from, to, units, cases);
	}

}
