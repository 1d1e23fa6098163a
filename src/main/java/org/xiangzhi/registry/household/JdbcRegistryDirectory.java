package org.xiangzhi.registry.household;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.RegistryDirectory;
import org.xiangzhi.registry.ResidentId;
import org.xiangzhi.registry.places.GridBoundaries;

@Repository
class JdbcRegistryDirectory implements RegistryDirectory {

	private final JdbcClient jdbc;

	private final GridBoundaries boundaries;

	JdbcRegistryDirectory(JdbcClient jdbc, GridBoundaries boundaries) {
		this.jdbc = jdbc;
		this.boundaries = boundaries;
	}

	@Override
	public Optional<HouseholdRef> household(HouseholdId id, DataScope scope) {
		DataScope.SqlCondition inScope = scope.condition("h.org_path");
		return jdbc
			.sql("select h.id, h.org_path, h.village_code, h.grid_code, h.address, r.name head_name from household h "
					+ "left join resident r on r.id = h.head_resident_id where h.id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id.value())
			.query((rs, i) -> new HouseholdRef(new HouseholdId(rs.getLong("id")), OrgPath.of(rs.getString("org_path")),
					rs.getString("village_code"), rs.getString("grid_code"), rs.getString("address"),
					rs.getString("head_name")))
			.optional();
	}

	@Override
	public Optional<ResidentRef> resident(ResidentId id, DataScope scope) {
		DataScope.SqlCondition inScope = scope.condition("org_path");
		return jdbc.sql("select id, household_id, org_path, name from resident where id = :id and " + inScope.sql())
			.params(inScope.params())
			.param("id", id.value())
			.query((rs, i) -> residentRef(rs))
			.optional();
	}

	@Override
	public List<ResidentRef> residentsNamed(String namePrefix, DataScope scope, int limit) {
		if (namePrefix == null || namePrefix.isBlank()) {
			return List.of();
		}
		DataScope.SqlCondition inScope = scope.condition("org_path");
		return jdbc
			.sql("select id, household_id, org_path, name from resident where name like :prefix and " + inScope.sql()
					+ " order by name, id limit :limit")
			.params(inScope.params())
			.param("prefix", escapeLike(namePrefix.strip()) + "%")
			.param("limit", limit)
			.query((rs, i) -> residentRef(rs))
			.list();
	}

	@Override
	public Optional<String> gridContaining(OrgPath underPath, double latitude, double longitude) {
		return boundaries.gridContaining(underPath, latitude, longitude);
	}

	private static ResidentRef residentRef(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ResidentRef(new ResidentId(rs.getLong("id")), new HouseholdId(rs.getLong("household_id")),
				OrgPath.of(rs.getString("org_path")), rs.getString("name"));
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
