package org.xiangzhi.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.registry.household.RegistryStore;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/** The registry's rows of the authorization matrix (households, residents, places). */
public class RegistryMatrix implements MatrixContribution {

	private static final Role[] READERS = RegistryAccess.READERS.toArray(Role[]::new);

	private static final Role[] EDITORS = RegistryAccess.EDITORS.toArray(Role[]::new);

	private static final Role[] REVEALERS = RegistryAccess.REVEALERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// pages
				get("/registry").anonymous(302).only(200, READERS),
				get("/registry/places/{id}").record("place").anonymous(302).only(200, READERS),
				get("/registry/residents").anonymous(302).only(200, READERS),
				get("/registry/residents/{id}").record("resident").anonymous(302).only(200, READERS),
				// an empty form comes back with its field errors
				post("/registry/residents/{id}").record("resident").anonymous(302).only(200, EDITORS),
				post("/registry/residents/{id}/move").record("resident").anonymous(302).only(302, EDITORS),
				post("/registry/residents/{id}/status").record("resident").anonymous(302).only(302, EDITORS),
				post("/registry/residents/{id}/id-number").record("resident").anonymous(302).only(200, REVEALERS),
				post("/registry/residents/{id}/phone").record("resident").anonymous(302).only(200, REVEALERS),
				get("/registry/households/new").anonymous(302).only(200, EDITORS),
				post("/registry/households").anonymous(302).only(200, EDITORS),
				get("/registry/households/{id}").record("household").anonymous(302).only(200, READERS),
				post("/registry/households/{id}").record("household").anonymous(302).only(200, EDITORS),
				post("/registry/households/{id}/residents").record("household").anonymous(302).only(200, EDITORS),
				post("/registry/households/{id}/head").record("household").anonymous(302).only(302, EDITORS),
				post("/registry/households/{id}/split").record("household").anonymous(302).only(302, EDITORS),
				post("/registry/households/{id}/merge").record("household").anonymous(302).only(302, EDITORS),
				// tag settings: county and system administrators (county 620621 is inside
				// the county admin's scope)
				get("/registry/tags").param("county", "620621")
					.anonymous(302)
					.only(200, Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN),
				post("/registry/tags").param("county", "620621")
					.param("target", "HOUSEHOLD")
					.param("code", "")
					.param("nameZh", "")
					.param("nameEn", "")
					.anonymous(302)
					.only(302, Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN),
				post("/registry/tags/remove").param("county", "620621")
					.param("target", "HOUSEHOLD")
					.param("code", "NO_SUCH_TAG")
					.anonymous(302)
					.only(302, Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN),
				// JSON API
				get("/api/v1/places/{id}").record("place").anonymous(401).only(200, READERS),
				get("/api/v1/households/{id}").record("household").anonymous(401).only(200, READERS),
				get("/api/v1/residents").anonymous(401).only(200, READERS),
				get("/api/v1/residents/{id}").record("resident").anonymous(401).only(200, READERS),
				// without a body: every field is missing
				post("/api/v1/households").anonymous(401).only(422, EDITORS),
				post("/api/v1/households/{id}/residents").record("household").anonymous(401).only(422, EDITORS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("place", (place, context) -> place.code(), "household",
				(place, context) -> String.valueOf(household(place, context)), "resident", (place, context) -> {
					long household = household(place, context);
					String id = TestIdNumbers.fresh(Gender.FEMALE);
					return String.valueOf(context.getBean(RegistryStore.class)
						.insertResident(household,
								new RegistryStore.NewResident("矩阵居民", Gender.FEMALE, new IdNumber(id).birthDate(),
										new IdNumber(id), "13800000000", Relation.HEAD, ResidentStatus.ACTIVE,
										Set.of()),
								"matrix"));
				});
	}

	/**
	 * A household at the place: in the village itself, in the grid's village and grid, or
	 * in a test village created right below a place above village level (so it does not
	 * fall into a more specific node of the matrix).
	 */
	static long household(Place place, ApplicationContext context) {
		Places places = context.getBean(Places.class);
		String village;
		String grid = null;
		if (place.level() == PlaceLevel.VILLAGE) {
			village = place.code();
		}
		else if (place.level() == PlaceLevel.GRID) {
			village = place.parentCode();
			grid = place.code();
		}
		else {
			village = places.addIfAbsent(place.code() + "MXV", "矩阵测试村", PlaceLevel.VILLAGE, place.code()).code();
		}
		return context.getBean(RegistryStore.class)
			.insertHousehold(new RegistryStore.NewHousehold(village, null, grid, null, "矩阵测试户 " + LocalDate.now(), null,
					Set.of()), "matrix");
	}

}
