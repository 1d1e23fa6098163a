package org.xiangzhi.cases.core;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.cases.time.CategoryDefaults;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.platform.ExpiringCache;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The category tree of each county (案件分类): the county's own rows when it has configured
 * any, else the defaults of {@link CategoryDefaults}. The first change a county makes
 * copies the defaults in, so a county always sees one whole tree.
 */
@Service
public class CategoryCatalog {

	/** The category code of disputes (矛盾纠纷); its sub-categories are disputes too. */
	public static final String DISPUTE = "dispute";

	private final JdbcClient jdbc;

	public CategoryCatalog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.cache = new ExpiringCache<>(CACHE_TTL, 10_000, clock);
	}

	/**
	 * The active categories of the county, parents before children, in display order.
	 * Read through a short cache: every report asks, and a change on another node shows
	 * here within {@link #CACHE_TTL}.
	 */
	public List<CaseCategory> forCounty(String countyCode) {
		return cache.get(countyCode, county -> {
			List<CaseCategory> own = rows(county, true);
			return Optional.of(own.isEmpty() && !customised(county) ? CategoryDefaults.all() : own);
		}).orElseThrow();
	}

	/** How long a county's tree is read from the cache. */
	static final Duration CACHE_TTL = Duration.ofSeconds(30);

	private final ExpiringCache<String, List<CaseCategory>> cache;

	/** Every category of the county, inactive ones too (for the settings screen). */
	public List<CaseCategory> allOfCounty(String countyCode) {
		return customised(countyCode) ? rows(countyCode, false) : CategoryDefaults.all();
	}

	/** An active category of the county. */
	public Optional<CaseCategory> find(String countyCode, String code) {
		if (code == null) {
			return Optional.empty();
		}
		return forCounty(countyCode).stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/**
	 * The category's effective limits: its own, else its nearest ancestor's, else 13710.
	 */
	public TimeLimits limits(String countyCode, String code) {
		Map<String, CaseCategory> byCode = new LinkedHashMap<>();
		List<CaseCategory> tree = forCounty(countyCode);
		if (tree.stream().noneMatch(c -> c.code().equals(code))) {
			// an inactive category of an older case
			tree = allOfCounty(countyCode);
		}
		tree.forEach(c -> byCode.put(c.code(), c));
		CaseCategory category = byCode.get(code);
		while (category != null) {
			if (category.timeLimitsOverride() != null) {
				return category.timeLimitsOverride();
			}
			category = category.parentCode() == null ? null : byCode.get(category.parentCode());
		}
		return TimeLimits.DEFAULT_13710;
	}

	/** The default handling level of the category. */
	public HandlingLevel levelOf(CaseCategory category) {
		return HandlingLevel.valueOf(category.handlingLevel());
	}

	public static boolean isDispute(String code) {
		return DISPUTE.equals(code) || (code != null && code.startsWith(DISPUTE + "."));
	}

	/**
	 * Adds or changes a category of the county (copying the defaults in first if the
	 * county has none of its own). Codes are never renamed: Open311 clients know them.
	 * The category's own limits may be {@code null} to inherit.
	 */
	@Transactional
	public void save(String countyCode, CaseCategory category, boolean active, int sortOrder) {
		if (category.parentCode() != null
				&& allOfCounty(countyCode).stream().noneMatch(c -> c.code().equals(category.parentCode()))) {
			throw new InvalidInputException("parentCode", "case.category.parent.unknown");
		}
		copyDefaultsIfNeeded(countyCode);
		cache.invalidate(countyCode);
		TimeLimits limits = category.timeLimitsOverride();
		int updated = jdbc
			.sql("update case_category set name_zh = :zh, name_en = :en, handling_level = :level, "
					+ "accept_days = :a, dispatch_days = :d, handle_days = :h, revisit_days = :r, active = :active, "
					+ "sort_order = :sort, version = version + 1 where county_code = :county and code = :code")
			.params(categoryParams(countyCode, category, limits, active, sortOrder))
			.update();
		if (updated == 0) {
			jdbc.sql("insert into case_category (county_code, code, parent_code, name_zh, name_en, handling_level, "
					+ "accept_days, dispatch_days, handle_days, revisit_days, sort_order, active) values (:county, "
					+ ":code, :parent, :zh, :en, :level, :a, :d, :h, :r, :sort, :active)")
				.params(categoryParams(countyCode, category, limits, active, sortOrder))
				.param("parent", category.parentCode())
				.update();
		}
	}

	private Map<String, Object> categoryParams(String countyCode, CaseCategory category, TimeLimits limits,
			boolean active, int sortOrder) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("county", countyCode);
		params.put("code", category.code());
		params.put("zh", category.nameZh());
		params.put("en", category.nameEn());
		params.put("level", category.handlingLevel());
		params.put("a", limits == null ? null : limits.accept());
		params.put("d", limits == null ? null : limits.dispatch());
		params.put("h", limits == null ? null : limits.handle());
		params.put("r", limits == null ? null : limits.revisit());
		params.put("active", active);
		params.put("sort", sortOrder);
		return params;
	}

	private void copyDefaultsIfNeeded(String countyCode) {
		if (customised(countyCode)) {
			return;
		}
		int order = 0;
		for (CaseCategory category : CategoryDefaults.all()) {
			TimeLimits limits = category.timeLimitsOverride();
			jdbc.sql("insert into case_category (county_code, code, parent_code, name_zh, name_en, handling_level, "
					+ "accept_days, dispatch_days, handle_days, revisit_days, sort_order, active) values (:county, "
					+ ":code, :parent, :zh, :en, :level, :a, :d, :h, :r, :sort, :active)")
				.params(categoryParams(countyCode, category, limits, true, order++ * 10))
				.param("parent", category.parentCode())
				.update();
		}
	}

	private boolean customised(String countyCode) {
		return jdbc.sql("select count(*) from case_category where county_code = :county")
			.param("county", countyCode)
			.query(Long.class)
			.single() > 0;
	}

	private List<CaseCategory> rows(String countyCode, boolean activeOnly) {
		return jdbc
			.sql("select code, parent_code, name_zh, name_en, handling_level, accept_days, dispatch_days, handle_days, "
					+ "revisit_days from case_category where county_code = :county"
					+ (activeOnly ? " and active = true" : "") + " order by sort_order, code")
			.param("county", countyCode)
			.query(CategoryCatalog::map)
			.list();
	}

	private static CaseCategory map(ResultSet rs, int row) throws SQLException {
		Integer accept = (Integer) rs.getObject("accept_days", Integer.class);
		TimeLimits limits = accept == null ? null : new TimeLimits(accept, rs.getInt("dispatch_days"),
				rs.getInt("handle_days"), rs.getInt("revisit_days"));
		return new CaseCategory(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("parent_code"), rs.getString("handling_level"), limits);
	}

}
