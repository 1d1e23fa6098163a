package org.xiangzhi.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the place tree a caller may read or write: a set of subtree roots. This is
 * the one data-scope mechanism of every module: queries add {@link #condition(String)} to
 * their {@code WHERE} clause, writes check {@link #contains(OrgPath)} for every path they
 * would store. A record outside the scope must behave exactly like a record that does not
 * exist (see {@link RecordNotFoundException}).
 */
public record DataScope(List<OrgPath> roots) {

	private static final DataScope NONE = new DataScope(List.of());

	public DataScope {
		roots = normalize(roots);
	}

	/** A scope that holds nothing. */
	public static DataScope none() {
		return NONE;
	}

	public static DataScope of(Collection<OrgPath> roots) {
		return new DataScope(new ArrayList<>(roots));
	}

	public static DataScope of(OrgPath... roots) {
		return new DataScope(List.of(roots));
	}

	public boolean isEmpty() {
		return roots.isEmpty();
	}

	/** True when the node at {@code path} lies inside one of the roots. */
	public boolean contains(OrgPath path) {
		return path != null && roots.stream().anyMatch(root -> root.contains(path));
	}

	/** True when every node of {@code other} lies inside this scope. */
	public boolean covers(DataScope other) {
		return other.roots.stream().allMatch(this::contains);
	}

	/**
	 * The SQL condition restricting {@code column} (an {@code org_path} column) to this
	 * scope, with named parameters {@code scope0, scope1...}. Paths hold only letters,
	 * digits, dashes and slashes (see {@link OrgPath}), so they need no LIKE escaping.
	 */
	public SqlCondition condition(String column) {
		if (!column.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
			throw new IllegalArgumentException("Not a column name: " + column);
		}
		if (roots.isEmpty()) {
			return new SqlCondition("1 = 0", Map.of());
		}
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < roots.size(); i++) {
			params.put("scope" + i, roots.get(i).value() + "%");
			terms.add(column + " LIKE :scope" + i);
		}
		return new SqlCondition("(" + String.join(" OR ", terms) + ")", params);
	}

	/** Human-readable form, for the audit log. */
	public String describe() {
		return String.join(",", roots.stream().map(OrgPath::value).toList());
	}

	private static List<OrgPath> normalize(List<OrgPath> roots) {
		List<OrgPath> sorted = new ArrayList<>(roots);
		sorted.sort(Comparator.comparingInt((OrgPath p) -> p.value().length()).thenComparing(OrgPath::value));
		List<OrgPath> kept = new ArrayList<>();
		for (OrgPath candidate : sorted) {
			if (kept.stream().noneMatch(k -> k.contains(candidate))) {
				kept.add(candidate);
			}
		}
		return List.copyOf(kept);
	}

	/** A SQL fragment and the named parameters it binds. */
	public record SqlCondition(String sql, Map<String, Object> params) {
	}

}
