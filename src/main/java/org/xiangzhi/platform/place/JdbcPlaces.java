package org.xiangzhi.platform.place;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

@Repository
class JdbcPlaces implements Places {

	private static final String COLUMNS = "select code, name, level, parent_code, org_path from place ";

	private final JdbcClient jdbc;

	JdbcPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Place> find(String code) {
		return jdbc.sql(COLUMNS + "where code = :code").param("code", code).query(JdbcPlaces::map).optional();
	}

	@Override
	public Place require(String code, DataScope scope) {
		return find(code).filter(place -> scope.contains(place.path()))
			.orElseThrow(() -> new RecordNotFoundException("place", code));
	}

	@Override
	public List<Place> within(DataScope scope, int limit) {
		DataScope.SqlCondition condition = scope.condition("org_path");
		return jdbc.sql(COLUMNS + "where " + condition.sql() + " order by org_path limit :limit")
			.params(condition.params())
			.param("limit", limit)
			.query(JdbcPlaces::map)
			.list();
	}

	@Override
	@Transactional
	public Place addIfAbsent(String code, String name, PlaceLevel level, String parentCode) {
		Optional<Place> existing = find(code);
		if (existing.isPresent()) {
			return existing.get();
		}
		Place parent = find(parentCode)
			.orElseThrow(() -> new IllegalArgumentException("No parent place " + parentCode));
		OrgPath path = parent.path().child(code);
		jdbc.sql("insert into place (code, name, level, parent_code, org_path, depth) "
				+ "values (:code, :name, :level, :parent, :path, :depth)")
			.param("code", code)
			.param("name", name)
			.param("level", level.name())
			.param("parent", parentCode)
			.param("path", path.value())
			.param("depth", path.depth())
			.update();
		return new Place(code, name, level, parentCode, path);
	}

	private static Place map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Place(rs.getString("code"), rs.getString("name"), PlaceLevel.valueOf(rs.getString("level")),
				rs.getString("parent_code"), OrgPath.of(rs.getString("org_path")));
	}

}
