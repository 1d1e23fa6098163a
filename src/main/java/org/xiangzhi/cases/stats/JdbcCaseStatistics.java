package org.xiangzhi.cases.stats;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseStatistics;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * Statistics by one aggregate query per report. A county, town, village or grid is
 * selected by equality on its code column, whose index is ordered by submission time, so
 * the query reads exactly the unit's cases of the period; only places above the county
 * fall back to the path prefix.
 */
@Service
@Transactional(noRollbackFor = RecordNotFoundException.class)
class JdbcCaseStatistics implements CaseStatistics {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final String PLACE_OBJECT = "place";

	private final JdbcClient jdbc;

	private final Places places;

	private final AuditLog audit;

	JdbcCaseStatistics(JdbcClient jdbc, Places places, AuditLog audit) {
		this.jdbc = jdbc;
		this.places = places;
		this.audit = audit;
	}

	@Override
	public Report of(Actor actor, String placeCode, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new IllegalArgumentException("bad period " + from + " .. " + to);
		}
		DataScope scope = CaseAccess.readScope(actor);
		Place place = places.find(placeCode == null ? "" : placeCode)
			.orElseThrow(() -> new RecordNotFoundException(PLACE_OBJECT, placeCode));
		if (!scope.contains(place.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, PLACE_OBJECT, placeCode, AuditOutcome.DENIED));
			throw new RecordNotFoundException(PLACE_OBJECT, placeCode);
		}
		String where;
		Map<String, Object> params = new LinkedHashMap<>();
		String column = switch (place.level()) {
			case COUNTY -> "county_code";
			case TOWN -> "town_code";
			case VILLAGE -> "village_code";
			case GRID -> "grid_code";
			default -> null;
		};
		if (column != null) {
			where = column + " = :code";
			params.put("code", place.code());
		}
		else {
			DataScope.SqlCondition under = DataScope.of(place.path()).condition("org_path");
			where = under.sql();
			params.putAll(under.params());
		}
		params.put("from", Timestamp.from(from.atStartOfDay(ZONE).toInstant()));
		params.put("to", Timestamp.from(to.plusDays(1).atStartOfDay(ZONE).toInstant()));
		List<Line> lines = jdbc.sql("select category_code, handling_level, count(*) as received, "
				+ "sum(case when accepted_at is not null then 1 else 0 end) as accepted, "
				+ "sum(case when status = 'CLOSED' then 1 else 0 end) as closed, "
				+ "sum(case when handled_at is not null then 1 else 0 end) as handled, "
				+ "sum(case when handled_at is not null and handled_at < handle_due then 1 else 0 end) as on_time, "
				+ "sum(case when satisfaction is not null then 1 else 0 end) as rated, "
				+ "sum(case when satisfaction >= 4 then 1 else 0 end) as satisfied " + "from case_record where " + where
				+ " and submitted_at >= :from and submitted_at < :to " + "group by category_code, handling_level")
			.params(params)
			.query((rs, i) -> new Line(rs.getString("category_code"),
					HandlingLevel.valueOf(rs.getString("handling_level")),
					new Counts(rs.getLong("received"), rs.getLong("accepted"), rs.getLong("closed"),
							rs.getLong("handled"), rs.getLong("on_time"), rs.getLong("rated"),
							rs.getLong("satisfied"))))
			.list();
		Counts total = Counts.ZERO;
		Map<String, Counts> byCategory = new LinkedHashMap<>();
		Map<HandlingLevel, Counts> byLevel = new EnumMap<>(HandlingLevel.class);
		for (Line line : lines) {
			total = total.plus(line.counts());
			byCategory.merge(line.category(), line.counts(), Counts::plus);
			byLevel.merge(line.level(), line.counts(), Counts::plus);
		}
		List<Row> categories = new ArrayList<>();
		byCategory.forEach((code, counts) -> categories.add(new Row(code, counts)));
		categories.sort(Comparator.comparingLong((Row r) -> r.counts().received()).reversed().thenComparing(Row::key));
		List<Row> levels = new ArrayList<>();
		byLevel.forEach((level, counts) -> levels.add(new Row(level.name(), counts)));
		return new Report(place.code(), place.name(), from, to, total, List.copyOf(categories), List.copyOf(levels));
	}

	private record Line(String category, HandlingLevel level, Counts counts) {
	}

}
