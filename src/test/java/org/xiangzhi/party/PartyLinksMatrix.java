package org.xiangzhi.party;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The authorization matrix rows of 党员联户: the cadres' screens and API address a village, a
 * household or a member (404 outside the scope); a party member's own pages. Writes sent
 * without their fields answer 422 (nothing is saved); the matrix's party member has no
 * member record, so every household is "not found" to them.
 */
public class PartyLinksMatrix implements MatrixContribution {

	private static final Role[] READERS = PartyAccess.READERS.toArray(Role[]::new);

	private static final Role[] MANAGERS = PartyAccess.MANAGERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(get("/party/links").anonymous(302).only(200, READERS),
				get("/party/links/{village}").record("party-village").anonymous(302).only(200, READERS),
				get("/party/links/{village}/coverage").record("party-village").anonymous(302).only(200, READERS),
				get("/party/links/{village}/suggestion").record("party-village").anonymous(302).only(200, READERS),
				post("/party/links/{village}/suggestion").record("party-village").anonymous(302).only(422, MANAGERS),
				post("/party/links/{village}/limit").record("party-village").anonymous(302).only(422, MANAGERS),
				get("/party/links/households/{id}").record("party-household").anonymous(302).only(200, READERS),
				post("/party/links/households/{id}").record("party-household").anonymous(302).only(422, MANAGERS),
				post("/party/links/households/{id}/choices").record("party-household")
					.anonymous(302)
					.only(422, MANAGERS),
				get("/party/links/members/{id}").record("party-member").anonymous(302).only(200, READERS),
				get("/party/me/households").anonymous(302).only(200, Role.PARTY_MEMBER),
				get("/party/me/households/{id}").record("party-household").anonymous(302).only(404, Role.PARTY_MEMBER),
				get("/api/v1/party/links/villages/{village}").record("party-village").anonymous(401).only(200, READERS),
				get("/api/v1/party/links/villages/{village}/suggestion").record("party-village")
					.anonymous(401)
					.only(200, READERS),
				// without an Idempotency-Key nothing is saved
				post("/api/v1/party/links/villages/{village}/suggestion").record("party-village")
					.anonymous(401)
					.only(422, MANAGERS),
				get("/api/v1/party/links/villages/{village}/coverage").record("party-village")
					.anonymous(401)
					.only(200, READERS),
				get("/api/v1/party/links/households/{id}/history").record("party-household")
					.anonymous(401)
					.only(200, READERS),
				get("/api/v1/party/links/members/{id}/history").record("party-member")
					.anonymous(401)
					.only(200, READERS),
				get("/api/v1/party/links/me").anonymous(401).only(200, Role.PARTY_MEMBER));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("party-village", PartyLinksMatrix::village, "party-household", PartyLinksMatrix::household,
				"party-member", PartyLinksMatrix::member);
	}

	/**
	 * A village at the place: the village itself, a grid's village, or a test village
	 * right below any other place.
	 */
	static String village(Place place, ApplicationContext context) {
		Places places = context.getBean(Places.class);
		if (place.level() == PlaceLevel.VILLAGE) {
			return place.code();
		}
		if (place.level().isAtOrBelow(PlaceLevel.GRID)) {
			return place.parentCode();
		}
		return places.addIfAbsent(place.code() + "MXV", "矩阵测试村", PlaceLevel.VILLAGE, place.code()).code();
	}

	/** A household stored right at the place (its village: the place itself). */
	static String household(Place place, ApplicationContext context) {
		return String.valueOf(insertHousehold(context.getBean(JdbcClient.class), place));
	}

	/** A member of a branch at the place, living in a household there. */
	static String member(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long household = insertHousehold(jdbc, place);
		String key = UUID.randomUUID().toString();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into resident (household_id, org_path, name, gender, birth_date, id_number_enc, "
				+ "id_number_bidx, relation, status, created_at, updated_at) values (:h, :p, '矩阵党员', 'MALE', :b, "
				+ ":enc, :bidx, 'HEAD', 'ACTIVE', :now, :now)")
			.param("h", household)
			.param("p", place.path().value())
			.param("b", LocalDate.of(1970, 1, 1))
			.param("enc", "matrix:" + key)
			.param("bidx", key)
			.param("now", now)
			.update();
		long resident = jdbc.sql("select id from resident where id_number_bidx = :k")
			.param("k", key)
			.query(Long.class)
			.single();
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, place.code(), null, "矩阵测试党支部");
		return String.valueOf(PartyFixtures.member(jdbc, org, resident, null).value());
	}

	private static long insertHousehold(JdbcClient jdbc, Place place) {
		String address = "矩阵测试" + UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into household (org_path, village_code, address, status, created_at, updated_at) "
				+ "values (:p, :v, :a, 'ACTIVE', :now, :now)")
			.param("p", place.path().value())
			.param("v", place.code())
			.param("a", address)
			.param("now", now)
			.update();
		return jdbc.sql("select id from household where address = :a").param("a", address).query(Long.class).single();
	}

}
