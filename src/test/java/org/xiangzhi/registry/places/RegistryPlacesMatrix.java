package org.xiangzhi.registry.places;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.authz.Relation;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;
import static org.xiangzhi.platform.Role.COUNTY_ADMIN;
import static org.xiangzhi.platform.Role.GRID_WORKER;
import static org.xiangzhi.platform.Role.MEDIATOR;
import static org.xiangzhi.platform.Role.SYSTEM_ADMIN;
import static org.xiangzhi.platform.Role.TOWN_ADMIN;
import static org.xiangzhi.platform.Role.TOWN_CADRE;
import static org.xiangzhi.platform.Role.VILLAGE_CADRE;

/**
 * Rows of the authorization matrix for divisions, villager groups, grids and grid staff.
 * Record kinds: {@code village} (a village code) and {@code grid} (a grid code). POSTs
 * send values the service refuses, so that they change nothing and answer with the same
 * redirect for every allowed role.
 */
public class RegistryPlacesMatrix implements MatrixContribution {

	private static final Role[] IMPORTERS = { SYSTEM_ADMIN, COUNTY_ADMIN, TOWN_ADMIN, TOWN_CADRE, VILLAGE_CADRE };

	private static final Role[] READERS = { SYSTEM_ADMIN, COUNTY_ADMIN, TOWN_ADMIN, TOWN_CADRE, VILLAGE_CADRE,
			GRID_WORKER, MEDIATOR };

	/**
	 * The village standing for a division above village level: inside it, but outside the
	 * matrix's nodes below it, so that the parent relation really lies outside.
	 */
	private static final Map<String, String> VILLAGE_FOR = Map.of("000000", "410922101209", "62", "620602001001",
			"6206", "620602001001", "620602", "620602001001", "620621", "620621116202", "620621110", "620621110201",
			"620621116", "620621116202");

	@Override
	public List<Endpoint> endpoints() {
		return List.of(get("/registry/grids").anonymous(302).only(200, IMPORTERS),
				get("/registry/grids/villages/{id}").record("village").anonymous(302).only(200, IMPORTERS),
				post("/registry/grids/villages/{id}/groups").record("village")
					.param("number", "0")
					.param("name", "")
					.anonymous(302)
					.only(302, IMPORTERS),
				post("/registry/grids/villages/{id}/groups/rename").record("village")
					.param("number", "0")
					.param("name", "")
					.anonymous(302)
					.only(302, IMPORTERS),
				post("/registry/grids/villages/{id}/groups/delete").record("village")
					.param("number", "0")
					.anonymous(302)
					.only(302, IMPORTERS),
				post("/registry/grids/villages/{id}/grids").record("village")
					.param("name", "")
					.anonymous(302)
					.only(302, IMPORTERS),
				get("/registry/grids/{id}").record("grid").anonymous(302).only(200, IMPORTERS),
				post("/registry/grids/{id}").record("grid").param("name", "").anonymous(302).only(302, IMPORTERS),
				post("/registry/grids/{id}/micro-grids").record("grid")
					.param("name", "")
					.anonymous(302)
					.only(302, IMPORTERS),
				post("/registry/grids/{id}/staff").record("grid")
					.param("personName", "")
					.anonymous(302)
					.only(302, IMPORTERS),
				post("/registry/grids/{id}/staff/remove").record("grid")
					.param("staffId", "0")
					.anonymous(302)
					.only(302, IMPORTERS),
				get("/registry/divisions").anonymous(302).only(200, SYSTEM_ADMIN, COUNTY_ADMIN),
				post("/registry/divisions").anonymous(302).only(200, SYSTEM_ADMIN, COUNTY_ADMIN),
				// a grid worker's scope is the grid: the village (and its groups) lies
				// above it
				get("/api/v1/villages/{id}/groups").record("village")
					.anonymous(401)
					.only(200, READERS)
					.except(GRID_WORKER, Relation.IN_SCOPE, 404),
				get("/api/v1/grids/{id}").record("grid").anonymous(401).only(200, READERS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("village", RegistryPlacesMatrix::village, "grid", (place, context) -> {
			if (place.level() == PlaceLevel.GRID || place.level() == PlaceLevel.MICRO_GRID) {
				return place.code();
			}
			Places places = context.getBean(Places.class);
			Place village = places.find(village(place, context)).orElseThrow();
			return context.getBean(GridService.class).insertGrid(village, "矩阵测试网格").code();
		});
	}

	/** A village at or below the place (for a grid: the grid's village). */
	static String village(Place place, ApplicationContext context) {
		if (place.level() == PlaceLevel.VILLAGE) {
			return place.code();
		}
		if (place.level() == PlaceLevel.GRID || place.level() == PlaceLevel.MICRO_GRID) {
			return place.path().codes().stream().filter(c -> c.length() == 12).findFirst().orElseThrow();
		}
		Places places = context.getBean(Places.class);
		places.addIfAbsent("620602", "凉州区", PlaceLevel.COUNTY, "6206");
		places.addIfAbsent("620602001", "东大街街道", PlaceLevel.TOWN, "620602");
		places.addIfAbsent("620602001001", "南苑社区居委会", PlaceLevel.VILLAGE, "620602001");
		String chosen = VILLAGE_FOR.get(place.code());
		if (chosen != null) {
			return chosen;
		}
		return context.getBean(JdbcClient.class)
			.sql("select code from place where level = 'VILLAGE' and org_path like :p order by code")
			.param("p", place.path().value() + "%")
			.query(String.class)
			.list()
			.get(0);
	}

}
