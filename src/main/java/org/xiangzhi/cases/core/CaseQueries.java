package org.xiangzhi.cases.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;

/**
 * Case lists, newest first, always inside a scope. A scope root at a county, town,
 * village or grid is matched by equality on that code's column, whose index is ordered by
 * submission time: "the 20 newest in my town" reads 20 index entries whatever the town's
 * share of the table. (The obvious {@code org_path LIKE 'prefix%' ORDER BY submitted_at
 * DESC LIMIT 20} lets PostgreSQL walk the time index backwards past every other town's
 * cases; see docs/adr/0009.) A city or province is read county by county; the whole
 * country (system administrators) reads the time index alone. Several roots are read one
 * by one and merged.
 */
@Repository
public class CaseQueries {

	/** Statuses in which someone still has work to do. */
	public static final Set<CaseStatus> OPEN = Set.of(CaseStatus.SUBMITTED, CaseStatus.ACCEPTED, CaseStatus.DISPATCHED,
			CaseStatus.HANDLING, CaseStatus.HANDLED, CaseStatus.VERIFIED, CaseStatus.REOPENED);

	private final JdbcClient jdbc;

	private final Places places;

	public CaseQueries(JdbcClient jdbc, Places places) {
		this.jdbc = jdbc;
		this.places = places;
	}

	/**
	 * What to list; null fields do not filter.
	 *
	 * @param statuses only these statuses (empty: all)
	 * @param categoryCode this category and its sub-categories
	 * @param level the handling level
	 * @param submittedFrom submitted at or after
	 * @param submittedBefore submitted before
	 * @param unitCode handled by this unit (单位待办)
	 * @param assigneeAccountId dispatched to this person (我的待办)
	 * @param overdueOnly only cases flagged overdue
	 * @param disputesOnly only disputes (矛盾纠纷)
	 */
	public record Filter(Set<CaseStatus> statuses, String categoryCode, HandlingLevel level, Instant submittedFrom,
			Instant submittedBefore, String unitCode, Long assigneeAccountId, boolean overdueOnly,
			boolean disputesOnly) {

		public Filter {
			statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
		}

		public static Filter all() {
			return new Filter(Set.of(), null, null, null, null, null, null, false, false);
		}

		public Filter withStatuses(Set<CaseStatus> statuses) {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode,
					assigneeAccountId, overdueOnly, disputesOnly);
		}

		public Filter withCategory(String categoryCode) {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode,
					assigneeAccountId, overdueOnly, disputesOnly);
		}

		public Filter withLevel(HandlingLevel level) {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode,
					assigneeAccountId, overdueOnly, disputesOnly);
		}

		public Filter withPeriod(Instant from, Instant before) {
			return new Filter(statuses, categoryCode, level, from, before, unitCode, assigneeAccountId, overdueOnly,
					disputesOnly);
		}

		public Filter withUnit(String unitCode) {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode,
					assigneeAccountId, overdueOnly, disputesOnly);
		}

		public Filter withAssignee(Long accountId) {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode, accountId,
					overdueOnly, disputesOnly);
		}

		public Filter overdue() {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode,
					assigneeAccountId, true, disputesOnly);
		}

		public Filter disputes() {
			return new Filter(statuses, categoryCode, level, submittedFrom, submittedBefore, unitCode,
					assigneeAccountId, overdueOnly, true);
		}

	}

	/** Where the next page starts: strictly older than this case. */
	public record Cursor(Instant submittedAt, long id) {

		/** {@code 1732000000000-42}, for a page link. */
		public String token() {
			return submittedAt.toEpochMilli() + "-" + id;
		}

		public static Optional<Cursor> parse(String token) {
			if (token == null || !token.matches("\\d{1,15}-\\d{1,19}")) {
				return Optional.empty();
			}
			String[] parts = token.split("-");
			return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), Long.parseLong(parts[1])));
		}

	}

	/** One page and where the next one starts (null on the last page). */
	public record Page(List<CaseRecord> cases, Cursor next) {
	}

	/** The newest cases inside the scope that pass the filter, at most {@code limit}. */
	public Page newest(DataScope scope, Filter filter, Cursor after, int limit) {
		List<CaseRecord> merged = new ArrayList<>();
		for (OrgPath root : scope.roots()) {
			for (OrgPath part : indexedParts(root)) {
				merged.addAll(newestUnder(part, filter, after, limit + 1));
			}
		}
		merged.sort(Comparator.comparing(CaseRecord::submittedAt).thenComparing(c -> c.id().value()).reversed());
		boolean more = merged.size() > limit;
		List<CaseRecord> page = more ? List.copyOf(merged.subList(0, limit)) : List.copyOf(merged);
		CaseRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
		return new Page(page, more && last != null ? new Cursor(last.submittedAt(), last.id().value()) : null);
	}

	/**
	 * A root a code column can answer for, or the counties under a city or province root
	 * (each answered by its index and merged: a rare city must not walk the whole table).
	 * The whole country stays one root: it holds every case, so the time index alone
	 * serves it.
	 */
	private List<OrgPath> indexedParts(OrgPath root) {
		if (root.leafCode() == null) {
			return List.of(root);
		}
		Optional<Place> place = places.find(root.leafCode());
		if (place.isEmpty() || codeColumn(place.get()) != null) {
			return List.of(root);
		}
		DataScope.SqlCondition under = DataScope.of(root).condition("org_path");
		return jdbc.sql("select org_path from place where level = 'COUNTY' and " + under.sql() + " order by org_path")
			.params(under.params())
			.query((rs, i) -> OrgPath.of(rs.getString(1)))
			.list();
	}

	private List<CaseRecord> newestUnder(OrgPath root, Filter filter, Cursor after, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder("where ");
		String column = root.leafCode() == null ? null
				: places.find(root.leafCode()).map(CaseQueries::codeColumn).orElse(null);
		if (root.leafCode() == null) {
			where.append("1 = 1");
		}
		else if (column != null) {
			where.append(column).append(" = :root");
			params.put("root", root.leafCode());
		}
		else {
			DataScope.SqlCondition inScope = DataScope.of(root).condition("org_path");
			where.append(inScope.sql());
			params.putAll(inScope.params());
		}
		if (!filter.statuses().isEmpty()) {
			where.append(" and status in (:statuses)");
			params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
		}
		if (filter.categoryCode() != null) {
			where.append(" and (category_code = :category or category_code like :categoryPrefix)");
			params.put("category", filter.categoryCode());
			params.put("categoryPrefix", filter.categoryCode() + ".%");
		}
		if (filter.level() != null) {
			where.append(" and handling_level = :level");
			params.put("level", filter.level().name());
		}
		if (filter.submittedFrom() != null) {
			where.append(" and submitted_at >= :from");
			params.put("from", Timestamp.from(filter.submittedFrom()));
		}
		if (filter.submittedBefore() != null) {
			where.append(" and submitted_at < :before");
			params.put("before", Timestamp.from(filter.submittedBefore()));
		}
		if (filter.unitCode() != null) {
			where.append(" and unit_code = :unit");
			params.put("unit", filter.unitCode());
		}
		if (filter.assigneeAccountId() != null) {
			where.append(" and assignee_account_id = :assignee");
			params.put("assignee", filter.assigneeAccountId());
		}
		if (filter.overdueOnly()) {
			where.append(" and overdue_step is not null");
		}
		if (filter.disputesOnly()) {
			where.append(" and dispute = true");
		}
		if (after != null) {
			where.append(" and (submitted_at < :afterAt or (submitted_at = :afterAt and id < :afterId))");
			params.put("afterAt", Timestamp.from(after.submittedAt()));
			params.put("afterId", after.id());
		}
		params.put("limit", limit);
		return jdbc.sql(CaseStore.COLUMNS + where + " order by submitted_at desc, id desc limit :limit")
			.params(params)
			.query(CaseStore::map)
			.list();
	}

	private static String codeColumn(Place place) {
		return switch (place.level()) {
			case COUNTY -> "county_code";
			case TOWN -> "town_code";
			case VILLAGE -> "village_code";
			case GRID -> "grid_code";
			default -> null;
		};
	}

}
