package org.xiangzhi.registry.places;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.ExpiringCache;
import org.xiangzhi.platform.OrgPath;

/**
 * Which grid a point lies in, from the grids' boundaries kept parsed in memory: every
 * located report asks (an Open311 client asks for its whole county) and boundaries change
 * rarely. A boundary saved on this node counts at once; one saved on another node within
 * {@link #TTL}.
 */
@Component
public class GridBoundaries {

	/** How long the boundaries under a place are served from memory. */
	static final Duration TTL = Duration.ofSeconds(60);

	private record Grid(String code, GeoJson.Area area) {
	}

	private final JdbcClient jdbc;

	private final ExpiringCache<OrgPath, List<Grid>> cache;

	GridBoundaries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.cache = new ExpiringCache<>(TTL, 10_000, clock);
	}

	/** The grid under {@code underPath} whose boundary contains the point, if any. */
	public Optional<String> gridContaining(OrgPath underPath, double latitude, double longitude) {
		return cache.get(underPath, this::gridsUnder)
			.orElse(List.of())
			.stream()
			.filter(grid -> grid.area().contains(latitude, longitude))
			.map(Grid::code)
			.findFirst();
	}

	/** A boundary was drawn or redrawn. */
	void changed() {
		cache.invalidateAll();
	}

	private Optional<List<Grid>> gridsUnder(OrgPath underPath) {
		// a village has a handful of grids: testing their boundaries is cheaper than a
		// spatial index we would need PostGIS for
		DataScope.SqlCondition inScope = DataScope.of(underPath).condition("d.org_path");
		List<Grid> grids = new ArrayList<>();
		jdbc.sql("select d.place_code, d.boundary_geojson from grid_detail d join place p on p.code = d.place_code "
				+ "where p.level = 'GRID' and d.boundary_geojson is not null and " + inScope.sql()
				+ " order by d.place_code")
			.params(inScope.params())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list()
			.forEach(row -> GeoJson.Area.parse(row[1]).ifPresent(area -> grids.add(new Grid(row[0], area))));
		return Optional.of(List.copyOf(grids));
	}

}
