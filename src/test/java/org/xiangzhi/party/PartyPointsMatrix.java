package org.xiangzhi.party;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * The authorization matrix rows of member points and the democratic appraisal: cadres
 * (PartyAccess.READERS/MANAGERS) read and decide inside their scope, county and town
 * administrators change the rules, a party member sees only their own page. Empty forms
 * answer 422; approving an award again answers like the first time.
 */
public class PartyPointsMatrix implements MatrixContribution {

	/** The record kind of awards, also their object type in the audit log. */
	static final String AWARD = "party-point-award";

	private static final Role[] READERS = PartyAccess.READERS.toArray(Role[]::new);

	private static final Role[] MANAGERS = PartyAccess.MANAGERS.toArray(Role[]::new);

	private static final Role[] CONFIGURERS = { Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN };

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// pages
				get("/party/points").anonymous(302).only(200, READERS),
				post("/party/points/awards").anonymous(302).only(422, MANAGERS),
				post("/party/points/awards/{id}/approve").record(AWARD).anonymous(302).only(302, MANAGERS),
				// without a reason: back to the queue with the error
				post("/party/points/awards/{id}/reject").record(AWARD).anonymous(302).only(302, MANAGERS),
				get("/party/points/rules").anonymous(302).only(200, READERS),
				post("/party/points/rules").anonymous(302).only(422, CONFIGURERS),
				get("/party/points/appraisals").anonymous(302).only(200, READERS),
				post("/party/points/appraisals").anonymous(302).only(422, MANAGERS),
				get("/party/me/points").anonymous(302).only(200, Role.PARTY_MEMBER),
				// JSON API
				get("/api/v1/party/points/rules").anonymous(401).only(200, READERS),
				post("/api/v1/party/points/rules").anonymous(401).only(422, CONFIGURERS),
				get("/api/v1/party/points/awards").anonymous(401).only(200, READERS),
				get("/api/v1/party/points/awards/{id}").record(AWARD).anonymous(401).only(200, READERS),
				post("/api/v1/party/points/awards").anonymous(401).only(422, MANAGERS),
				post("/api/v1/party/points/awards/{id}/approve").record(AWARD).anonymous(401).only(200, MANAGERS),
				post("/api/v1/party/points/awards/{id}/reject").record(AWARD).anonymous(401).only(422, MANAGERS),
				get("/api/v1/party/points/balances").anonymous(401).only(200, READERS),
				get("/api/v1/party/points/rankings").anonymous(401).only(200, READERS),
				get("/api/v1/party/points/appraisals").anonymous(401).only(200, READERS),
				post("/api/v1/party/points/appraisals").anonymous(401).only(422, MANAGERS),
				get("/api/v1/party/points/me").anonymous(401).only(200, Role.PARTY_MEMBER));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of(AWARD, PartyPointsMatrix::anAward);
	}

	/**
	 * A proposed award whose scope is the place. The member is one of a test branch in
	 * 珍宝村 (no member is made at the matrix places, so no village's count changes); the
	 * award's own org_path is what scope checks read.
	 */
	static String anAward(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		MemberId member = matrixMember(jdbc);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into party_point_award (member_id, org_path, county_code, rule_code, rule_name_zh, "
				+ "rule_name_en, kind, points_each, quantity, points, earned_on, evidence, status, proposed_by, "
				+ "proposed_at) values (:m, :path, '620621', 'other', '其他表现', 'Other contribution', 'OTHER', 1, 1, 1, "
				+ ":on, '矩阵测试', 'PROPOSED', 'system', :now)")
			.param("m", member.value())
			.param("path", place.path().value())
			.param("on", LocalDate.now())
			.param("now", now)
			.update();
		return String.valueOf(jdbc.sql("select max(id) from party_point_award where member_id = :m")
			.param("m", member.value())
			.query(Long.class)
			.single());
	}

	private static synchronized MemberId matrixMember(JdbcClient jdbc) {
		String name = "积分矩阵测试支部";
		List<Long> existing = jdbc
			.sql("select m.id from party_member m join party_org o on o.id = m.org_id "
					+ "where o.name = :name order by m.id")
			.param("name", name)
			.query(Long.class)
			.list();
		if (!existing.isEmpty()) {
			return new MemberId(existing.get(0));
		}
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, "620621116202", null, name);
		long resident = PartyFixtures.residentsNotMembers(jdbc, "620621116202", 1).get(0);
		return PartyFixtures.member(jdbc, org, resident, null);
	}

}
