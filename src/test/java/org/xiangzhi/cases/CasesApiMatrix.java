package org.xiangzhi.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The authorization matrix rows of the cases JSON API, the statistics, the Open311
 * clients screen and Open311 itself (public: an api_key, not a role, decides).
 */
public class CasesApiMatrix implements MatrixContribution {

	private static final Role[] READERS = CaseAccess.READERS.toArray(Role[]::new);

	private static final Role[] HANDLERS = CaseAccess.HANDLERS.toArray(Role[]::new);

	private static final Role[] CONFIGURERS = CaseAccess.CONFIGURERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// JSON API
				get("/api/v1/cases").anonymous(401).only(200, READERS),
				get("/api/v1/cases/{id}").record("case").anonymous(401).only(200, READERS),
				get("/api/v1/cases/{id}/timeline").record("case").anonymous(401).only(200, READERS),
				get("/api/v1/cases/statistics").anonymous(401).only(200, READERS),
				// without a body: every field is missing
				post("/api/v1/cases").anonymous(401).only(422, HANDLERS),
				post("/api/v1/cases/{id}/actions").record("case").anonymous(401).only(422, HANDLERS),
				// pages
				get("/cases/statistics").anonymous(302).only(200, READERS),
				get("/cases/open311-clients").anonymous(302).only(200, CONFIGURERS),
				// an empty form comes back with its error
				post("/cases/open311-clients").anonymous(302).only(302, CONFIGURERS),
				post("/cases/open311-clients/{id}/revoke").record("open311-client")
					.anonymous(302)
					.only(302, CONFIGURERS),
				// Open311: public; the api_key decides, so every role gets what anonymous
				// gets
				get("/open311/v2/discovery.json").anonymous(200).everyRole(200),
				get("/open311/v2/discovery.xml").anonymous(200).everyRole(200),
				get("/open311/v2/services.json").param("jurisdiction_id", "620621").anonymous(200).everyRole(200),
				get("/open311/v2/services.xml").param("jurisdiction_id", "620621").anonymous(200).everyRole(200),
				get("/open311/v2/services/{code}.json").param("jurisdiction_id", "620621")
					.anonymous(404)
					.everyRole(404),
				get("/open311/v2/services/{code}.xml").param("jurisdiction_id", "620621").anonymous(404).everyRole(404),
				post("/open311/v2/requests.json").anonymous(403).everyRole(403),
				post("/open311/v2/requests.xml").anonymous(403).everyRole(403),
				get("/open311/v2/requests.json").anonymous(403).everyRole(403),
				get("/open311/v2/requests.xml").anonymous(403).everyRole(403),
				get("/open311/v2/requests/{id}.json").anonymous(403).everyRole(403),
				get("/open311/v2/requests/{id}.xml").anonymous(403).everyRole(403),
				get("/open311/v2/tokens/{token}.json").anonymous(403).everyRole(403),
				get("/open311/v2/tokens/{token}.xml").anonymous(403).everyRole(403));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("case", CasesApiMatrix::aCase, "open311-client", CasesApiMatrix::aClient);
	}

	/**
	 * A case concerning the place: reported there (village, grid), in a test village
	 * right below it (town, county), or stored directly at it (above the county, where no
	 * report can land).
	 */
	static String aCase(Place place, ApplicationContext context) {
		CaseDesk desk = context.getBean(CaseDesk.class);
		Places places = context.getBean(Places.class);
		String at = place.code();
		if (place.level() == PlaceLevel.COUNTY || place.level() == PlaceLevel.TOWN) {
			at = places.addIfAbsent(place.code() + "MXV", "矩阵测试村", PlaceLevel.VILLAGE, place.code()).code();
		}
		else if (!place.level().isAtOrBelow(PlaceLevel.VILLAGE)) {
			// straight into the table: no report lands above a county
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String code = "MX" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
			Timestamp now = Timestamp.from(Instant.now());
			Timestamp later = Timestamp.from(Instant.now().plusSeconds(86_400));
			jdbc.sql("insert into case_record (tracking_code, org_path, county_code, unit_code, handling_level, "
					+ "category_code, dispute, status, channel, description, submitted_at, accept_due, dispatch_due, "
					+ "handle_due, revisit_due, version, updated_at) values (:code, :path, :place, :place, 'COUNTY', "
					+ "'other', false, 'SUBMITTED', 'API', '矩阵测试', :now, :later, :later, :later, :later, 0, :now)")
				.param("code", code)
				.param("path", place.path().value())
				.param("place", place.code())
				.param("now", now)
				.param("later", later)
				.update();
			return String.valueOf(jdbc.sql("select id from case_record where tracking_code = :code")
				.param("code", code)
				.query(Long.class)
				.single());
		}
		return String
			.valueOf(desk.report(new NewCase(at, "other", "矩阵测试", null, null, null, Channel.QR, null, null, List.of()),
					null, null, null)
				.id()
				.value());
	}

	/** An integration client whose scope path is the place's. */
	static String aClient(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String hash = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("insert into open311_client (name, county_code, org_path, key_hash, key_prefix, created_by, "
				+ "created_at) values ('矩阵测试', :county, :path, :hash, 'o311_matrix', 'matrix', :now)")
			.param("county", place.code())
			.param("path", place.path().value())
			.param("hash", hash)
			.param("now", Timestamp.from(Instant.now()))
			.update();
		return String.valueOf(jdbc.sql("select id from open311_client where key_hash = :hash")
			.param("hash", hash)
			.query(Long.class)
			.single());
	}

}
