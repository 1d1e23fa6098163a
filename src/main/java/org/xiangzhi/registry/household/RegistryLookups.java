package org.xiangzhi.registry.household;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;

/**
 * Read-only reference data the household forms need: tag lists per county, villager
 * groups, grids and the children of a place. None of it is personal data.
 */
@Repository
public class RegistryLookups {

	private final JdbcClient jdbc;

	RegistryLookups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A tag a household or resident may carry. */
	public record TagDefinition(String code, String nameZh, String nameEn) {

		/** The name in the given language (Chinese unless English). */
		public String name(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}

	}

	/** A villager group (社/村民小组) of a village. */
	public record Group(long id, String villageCode, int number, String name) {
	}

	/**
	 * The tags of a county for a target (HOUSEHOLD or RESIDENT): the county's own list
	 * when it has one, else the defaults (county_code null).
	 */
	public List<TagDefinition> tags(String countyCode, String target) {
		return jdbc
			.sql("select code, name_zh, name_en from tag_definition where target = :t and ((county_code = :c) or "
					+ "(county_code is null and not exists (select 1 from tag_definition d where d.target = :t "
					+ "and d.county_code = :c))) order by sort_order, code")
			.param("t", target)
			.param("c", countyCode == null ? "" : countyCode)
			.query((rs, i) -> new TagDefinition(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")))
			.list();
	}

	/**
	 * The county code on a path (the code of its COUNTY node), or null above counties.
	 */
	public String countyOf(OrgPath path) {
		List<String> codes = path.codes();
		if (codes.isEmpty()) {
			return null;
		}
		return jdbc.sql("select code from place where code in (:codes) and level = 'COUNTY'")
			.param("codes", codes)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	public List<Group> groups(String villageCode) {
		return jdbc
			.sql("select id, village_code, number, name from villager_group where village_code = :v order by number")
			.param("v", villageCode)
			.query((rs, i) -> new Group(rs.getLong("id"), rs.getString("village_code"), rs.getInt("number"),
					rs.getString("name")))
			.list();
	}

	public Optional<Group> group(long id) {
		return jdbc.sql("select id, village_code, number, name from villager_group where id = :id")
			.param("id", id)
			.query((rs, i) -> new Group(rs.getLong("id"), rs.getString("village_code"), rs.getInt("number"),
					rs.getString("name")))
			.optional();
	}

	/** The direct children of a place in the tree, by code. */
	public List<Place> children(String code) {
		return jdbc
			.sql("select code, name, level, parent_code, org_path from place where parent_code = :c order by code")
			.param("c", code)
			.query((rs, i) -> new Place(rs.getString("code"), rs.getString("name"),
					PlaceLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
					OrgPath.of(rs.getString("org_path"))))
			.list();
	}

	/** Grids of a village and micro-grids of those grids, in tree order. */
	public List<Place> gridsOf(OrgPath villagePath) {
		return jdbc
			.sql("select code, name, level, parent_code, org_path from place where org_path like :p "
					+ "and level in ('GRID', 'MICRO_GRID') order by org_path")
			.param("p", villagePath.value() + "%")
			.query((rs, i) -> new Place(rs.getString("code"), rs.getString("name"),
					PlaceLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
					OrgPath.of(rs.getString("org_path"))))
			.list();
	}

	/** The code of the place at a path (the root path is the nation, 000000). */
	public String codeOf(OrgPath path) {
		return path.depth() == 0 ? "000000" : path.leafCode();
	}

}
