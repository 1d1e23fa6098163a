package org.xiangzhi.party.points;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

/**
 * The points rules of each county (积分细则): the county's own rows once it has changed
 * anything, else {@link RuleDefaults}. The first change copies the defaults in, so a
 * county always sees one whole catalogue (the same approach as the case categories).
 */
@Service
public class RuleCatalog {

	/**
	 * Who may change a county's catalogue: its county's and its towns' administrators.
	 */
	public static final Set<Role> CONFIGURERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN);

	/** Expression for {@code @PreAuthorize}, the same set as {@link #CONFIGURERS}. */
	public static final String CAN_CONFIGURE = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN','TOWN_ADMIN')";

	static final int MAX_COUNTIES = 200;

	private final JdbcClient jdbc;

	private final Places places;

	RuleCatalog(JdbcClient jdbc, Places places) {
		this.jdbc = jdbc;
		this.places = places;
	}

	/** Every rule of the county, inactive ones too, in display order. */
	@Transactional(readOnly = true)
	public List<PointRule> allOfCounty(String countyCode) {
		return customised(countyCode) ? rows(countyCode) : RuleDefaults.all();
	}

	/** An active rule of the county. */
	@Transactional(readOnly = true)
	public Optional<PointRule> active(String countyCode, String code) {
		return allOfCounty(countyCode).stream().filter(r -> r.active() && r.code().equals(code)).findFirst();
	}

	/**
	 * Adds or changes a rule of the county (copying the defaults in first). Codes are
	 * never renamed.
	 */
	@Transactional
	public void save(String countyCode, PointRule rule) {
		copyDefaultsIfNeeded(countyCode);
		int updated = jdbc
			.sql("update party_point_rule set name_zh = :zh, name_en = :en, kind = :kind, points = :points, "
					+ "active = :active, version = version + 1 where county_code = :county and code = :code")
			.params(params(countyCode, rule))
			.update();
		if (updated == 0) {
			int next = jdbc.sql("select coalesce(max(sort_order), 0) + 10 from party_point_rule where county_code = :c")
				.param("c", countyCode)
				.query(Integer.class)
				.single();
			insert(countyCode, rule, next);
		}
	}

	/** The county a place (a member's organisation, a unit) lies in, if any. */
	public Optional<Place> countyOf(OrgPath path) {
		for (String code : path.codes()) {
			Optional<Place> place = places.find(code);
			if (place.isPresent() && place.get().level() == PlaceLevel.COUNTY) {
				return place;
			}
		}
		return Optional.empty();
	}

	/**
	 * The counties whose catalogue the actor sees (with {@code roles}): every county
	 * inside an assignment, and the county an assignment below a county lies in.
	 */
	@Transactional(readOnly = true)
	public List<Place> countiesFor(Actor actor, Set<Role> roles) {
		Map<String, Place> counties = new LinkedHashMap<>();
		for (Actor.Assignment a : actor.assignments()) {
			if (!roles.contains(a.role())) {
				continue;
			}
			Optional<Place> above = countyOf(a.path());
			if (above.isPresent()) {
				counties.putIfAbsent(above.get().code(), above.get());
				continue;
			}
			for (Place p : places.within(DataScope.of(a.path()), 20_000)) {
				if (p.level() == PlaceLevel.COUNTY && counties.size() < MAX_COUNTIES) {
					counties.putIfAbsent(p.code(), p);
				}
			}
		}
		return new ArrayList<>(counties.values());
	}

	private void copyDefaultsIfNeeded(String countyCode) {
		if (customised(countyCode)) {
			return;
		}
		int order = 0;
		for (PointRule rule : RuleDefaults.all()) {
			insert(countyCode, rule, order += 10);
		}
	}

	private void insert(String countyCode, PointRule rule, int sortOrder) {
		jdbc.sql("insert into party_point_rule (county_code, code, name_zh, name_en, kind, points, active, sort_order) "
				+ "values (:county, :code, :zh, :en, :kind, :points, :active, :sort)")
			.params(params(countyCode, rule))
			.param("sort", sortOrder)
			.update();
	}

	private static Map<String, Object> params(String countyCode, PointRule rule) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("county", countyCode);
		params.put("code", rule.code());
		params.put("zh", rule.nameZh());
		params.put("en", rule.nameEn());
		params.put("kind", rule.kind().name());
		params.put("points", rule.points());
		params.put("active", rule.active());
		return params;
	}

	private boolean customised(String countyCode) {
		return jdbc.sql("select count(*) from party_point_rule where county_code = :county")
			.param("county", countyCode)
			.query(Long.class)
			.single() > 0;
	}

	private List<PointRule> rows(String countyCode) {
		return jdbc
			.sql("select code, name_zh, name_en, kind, points, active from party_point_rule "
					+ "where county_code = :county order by sort_order, code")
			.param("county", countyCode)
			.query((rs, i) -> new PointRule(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
					PointKind.valueOf(rs.getString("kind")), rs.getInt("points"), rs.getBoolean("active")))
			.list();
	}

}
