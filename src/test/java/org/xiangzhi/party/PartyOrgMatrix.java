package org.xiangzhi.party;

import java.sql.Date;
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
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The authorization matrix rows of the party organisation section: the cadres' pages and
 * API (readers = managers; a party member gets 403 there), and a party member's own
 * {@code /party/me}. Forms sent empty come back with their errors (302 after a redirect,
 * 422 where the form is shown again or the API answers).
 */
public class PartyOrgMatrix implements MatrixContribution {

	private static final Role[] READERS = PartyAccess.READERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// pages
				get("/party/orgs").anonymous(302).only(200, READERS),
				get("/party/orgs/new").anonymous(302).only(200, READERS),
				post("/party/orgs").anonymous(302).only(422, READERS),
				get("/party/orgs/{id}").record("party-org").anonymous(302).only(200, READERS),
				get("/party/orgs/{id}/edit").record("party-org").anonymous(302).only(200, READERS),
				post("/party/orgs/{id}").record("party-org").anonymous(302).only(422, READERS),
				post("/party/orgs/{id}/deactivate").record("party-org").anonymous(302).only(302, READERS),
				post("/party/orgs/{id}/members").record("party-org").anonymous(302).only(302, READERS),
				get("/party/members/{id}").record("party-member").anonymous(302).only(200, READERS),
				post("/party/members/{id}/positions").record("party-member").anonymous(302).only(302, READERS),
				post("/party/members/{id}/positions/end").record("party-member").anonymous(302).only(302, READERS),
				post("/party/members/{id}/status").record("party-member").anonymous(302).only(302, READERS),
				post("/party/members/{id}/full").record("party-member").anonymous(302).only(302, READERS),
				post("/party/members/{id}/mobile").record("party-member").anonymous(302).only(302, READERS),
				post("/party/members/{id}/account").record("party-member").anonymous(302).only(302, READERS),
				get("/party/posts").anonymous(302).only(200, READERS),
				post("/party/posts").anonymous(302).only(302, READERS),
				get("/party/posts/{id}").record("party-post").anonymous(302).only(200, READERS),
				post("/party/posts/{id}/duty").record("party-post").anonymous(302).only(302, READERS),
				post("/party/posts/{id}/active").record("party-post").anonymous(302).only(302, READERS),
				get("/party/plaques").anonymous(302).only(200, READERS),
				post("/party/plaques").anonymous(302).only(302, READERS),
				post("/party/plaques/{id}/remove").record("party-plaque").anonymous(302).only(302, READERS),
				// a party member's own page: the matrix's member account has no record,
				// and
				// is told so
				get("/party/me").anonymous(302).only(200, Role.PARTY_MEMBER),
				// JSON API
				get("/api/v1/party/orgs").anonymous(401).only(200, READERS),
				get("/api/v1/party/orgs/{id}").record("party-org").anonymous(401).only(200, READERS),
				post("/api/v1/party/orgs").anonymous(401).only(422, READERS),
				get("/api/v1/party/members").anonymous(401).only(200, READERS),
				get("/api/v1/party/members/{id}").record("party-member").anonymous(401).only(200, READERS),
				post("/api/v1/party/members").anonymous(401).only(422, READERS),
				post("/api/v1/party/members/{id}/positions").record("party-member").anonymous(401).only(422, READERS),
				get("/api/v1/party/posts").anonymous(401).only(200, READERS),
				post("/api/v1/party/posts").anonymous(401).only(422, READERS),
				get("/api/v1/party/plaques").anonymous(401).only(200, READERS),
				// the matrix's member account is linked to no record
				get("/api/v1/party/me").anonymous(401).only(404, Role.PARTY_MEMBER));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("party-org", (place, context) -> String.valueOf(org(place, context).value()), "party-member",
				(place, context) -> String.valueOf(member(place, context).value()), "party-post", PartyOrgMatrix::aPost,
				"party-plaque", PartyOrgMatrix::plaque);
	}

	/**
	 * An organisation of the kind that fits the place's level (any other level: a
	 * committee).
	 */
	static PartyOrgId org(Place place, ApplicationContext context) {
		OrgKind kind = switch (place.level()) {
			case VILLAGE -> OrgKind.BRANCH;
			case GRID, MICRO_GRID -> OrgKind.GRID_GROUP;
			default -> OrgKind.TOWN_COMMITTEE;
		};
		return PartyFixtures.org(context.getBean(JdbcClient.class), kind, place.code(), null, "矩阵测试党组织");
	}

	/**
	 * A member of a new organisation at the place, made of a new resident living there.
	 */
	static MemberId member(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		PartyOrgId org = org(place, context);
		Timestamp now = Timestamp.from(Instant.now());
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into household (org_path, village_code, address, created_at, updated_at) "
				+ "values (:path, :code, '矩阵测试户', :now, :now)")
			.param("path", place.path().value())
			.param("code", place.code())
			.param("now", now)
			.update(key, "id");
		long household = key.getKey().longValue();
		key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into resident (household_id, org_path, name, gender, birth_date, id_number_enc, "
				+ "id_number_bidx, relation, created_at, updated_at) values (:h, :path, '矩阵党员', 'MALE', :birth, "
				+ "'matrix', :bidx, 'HEAD', :now, :now)")
			.param("h", household)
			.param("path", place.path().value())
			.param("birth", Date.valueOf(LocalDate.of(1970, 1, 1)))
			.param("bidx", "mx-" + UUID.randomUUID())
			.param("now", now)
			.update(key, "id");
		return PartyFixtures.member(jdbc, org, key.getKey().longValue(), null);
	}

	static String aPost(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into party_pioneer_post (name, place_code, org_path, active, created_at, updated_at) "
				+ "values ('矩阵测试先锋岗', :code, :path, true, :now, :now)")
			.param("code", place.code())
			.param("path", place.path().value())
			.param("now", now)
			.update(key, "id");
		return String.valueOf(key.getKey().longValue());
	}

	static String plaque(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		MemberId member = member(place, context);
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into party_plaque (member_id, household_id, org_path, awarded_on, created_by, created_at) "
				+ "select m.id, r.household_id, m.org_path, :on, 'matrix', :now from party_member m "
				+ "join resident r on r.id = m.resident_id where m.id = :m")
			.param("on", Date.valueOf(LocalDate.of(2021, 7, 1)))
			.param("now", Timestamp.from(Instant.now()))
			.param("m", member.value())
			.update(key, "id");
		return String.valueOf(key.getKey().longValue());
	}

}
