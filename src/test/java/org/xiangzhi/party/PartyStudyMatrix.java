package org.xiangzhi.party;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.authz.Relation;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The study section's rows: cadres' pages and API (sessions of the scope; questions of
 * the scope and of the places above it), a member's pages (their own only: the matrix's
 * party member is linked to no member record, so every session and attempt is "not
 * found"), and the QR check-in (the code is a capability shown in the meeting room: an
 * account that is not a member of the session's organisation is refused, 403, wherever
 * the session is).
 */
public class PartyStudyMatrix implements MatrixContribution {

	private static final Role[] READERS = PartyAccess.READERS.toArray(Role[]::new);

	private static final Role[] MANAGERS = PartyAccess.MANAGERS.toArray(Role[]::new);

	private static final String SESSION = "study-session";

	private static final String QUESTION = "study-question";

	@Override
	public List<Endpoint> endpoints() {
		List<Endpoint> rows = new ArrayList<>(List.of(
				// cadres' pages
				get("/party/study").anonymous(302).only(200, READERS),
				get("/party/study/results").anonymous(302).only(200, READERS),
				get("/party/study/new").anonymous(302).only(200, MANAGERS),
				// an empty form comes back with its errors
				post("/party/study/new").anonymous(302).only(422, MANAGERS),
				get("/party/study/{id}").record(SESSION).anonymous(302).only(200, READERS),
				get("/party/study/{id}/edit").record(SESSION).anonymous(302).only(200, MANAGERS),
				post("/party/study/{id}/edit").record(SESSION).anonymous(302).only(422, MANAGERS),
				// without parameters: back to the session with the error
				post("/party/study/{id}/state").record(SESSION).anonymous(302).only(302, MANAGERS),
				post("/party/study/{id}/test").record(SESSION).anonymous(302).only(302, MANAGERS),
				post("/party/study/{id}/attendance").record(SESSION).anonymous(302).only(302, MANAGERS),
				get("/party/study/{id}/qr").record(SESSION).anonymous(302).only(200, READERS),
				get("/party/study/questions").anonymous(302).only(200, READERS),
				post("/party/study/questions").anonymous(302).only(422, MANAGERS),
				// questions above the scope are readable, not writable
				readableAbove(get("/party/study/questions/{id}").record(QUESTION).anonymous(302).only(200, READERS)),
				post("/party/study/questions/{id}").record(QUESTION).anonymous(302).only(422, MANAGERS),
				post("/party/study/questions/{id}/active").record(QUESTION).anonymous(302).only(302, MANAGERS),
				// a member's pages
				get("/party/me/tests").anonymous(302).only(200, Role.PARTY_MEMBER),
				get("/party/me/tests/{id}").record(SESSION).anonymous(302).only(404, Role.PARTY_MEMBER),
				post("/party/me/tests/{id}").record(SESSION).anonymous(302).only(404, Role.PARTY_MEMBER),
				get("/party/me/tests/attempts/{id}").record("study-attempt")
					.anonymous(302)
					.only(404, Role.PARTY_MEMBER),
				refusedEverywhere(get("/party/study/checkin/{code}").record("study-checkin")
					.anonymous(302)
					.only(403, Role.PARTY_MEMBER)),
				refusedEverywhere(post("/party/study/checkin/{code}").record("study-checkin")
					.anonymous(302)
					.only(403, Role.PARTY_MEMBER)),
				// JSON API
				get("/api/v1/party/study/sessions").anonymous(401).only(200, READERS),
				// without a body: every field is missing
				post("/api/v1/party/study/sessions").anonymous(401).only(422, MANAGERS),
				get("/api/v1/party/study/sessions/{id}").record(SESSION).anonymous(401).only(200, READERS),
				post("/api/v1/party/study/sessions/{id}").record(SESSION).anonymous(401).only(422, MANAGERS),
				post("/api/v1/party/study/sessions/{id}/state").record(SESSION).anonymous(401).only(422, MANAGERS),
				post("/api/v1/party/study/sessions/{id}/test").record(SESSION).anonymous(401).only(422, MANAGERS),
				get("/api/v1/party/study/sessions/{id}/attendance").record(SESSION).anonymous(401).only(200, READERS),
				post("/api/v1/party/study/sessions/{id}/attendance").record(SESSION).anonymous(401).only(422, MANAGERS),
				get("/api/v1/party/study/sessions/{id}/results").record(SESSION).anonymous(401).only(200, READERS),
				get("/api/v1/party/study/results").anonymous(401).only(200, READERS),
				get("/api/v1/party/study/questions").anonymous(401).only(200, READERS),
				post("/api/v1/party/study/questions").anonymous(401).only(422, MANAGERS), readableAbove(
						get("/api/v1/party/study/questions/{id}").record(QUESTION).anonymous(401).only(200, READERS))));
		return rows;
	}

	private static Endpoint readableAbove(Endpoint endpoint) {
		for (Role role : READERS) {
			endpoint.except(role, Relation.PARENT, 200);
		}
		return endpoint;
	}

	private static Endpoint refusedEverywhere(Endpoint endpoint) {
		return endpoint.except(Role.PARTY_MEMBER, Relation.PARENT, 403)
			.except(Role.PARTY_MEMBER, Relation.SIBLING, 403);
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of(SESSION, (place, context) -> String.valueOf(session(place, context)[0]), "study-checkin",
				(place, context) -> String.valueOf(session(place, context)[1]), QUESTION, PartyStudyMatrix::question,
				"study-attempt", PartyStudyMatrix::attempt);
	}

	/** A planned session of a new branch at the place: its id and check-in code. */
	static Object[] session(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, place.code(), null, "矩阵测试党支部");
		String code = UUID.randomUUID().toString().replace("-", "");
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into study_session (org_id, org_path, kind, title, starts_at, state, checkin_code, pass_mark, "
				+ "version, created_by, created_at, updated_at) values (:org, :path, 'OTHER', '矩阵测试', :now, "
				+ "'PLANNED', :code, 60, 0, 'matrix', :now, :now)")
			.param("org", org.value())
			.param("path", place.path().value())
			.param("now", now)
			.param("code", code)
			.update();
		long id = jdbc.sql("select id from study_session where checkin_code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
		return new Object[] { id, code };
	}

	/** A question in the bank of the place. */
	static String question(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String text = "矩阵测试题 " + UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into study_question (place_code, org_path, kind, text, correct, active, version, created_by, "
				+ "created_at, updated_at) values (:code, :path, 'TRUE_FALSE', :text, 'T', true, 0, 'matrix', :now, "
				+ ":now)")
			.param("code", place.code())
			.param("path", place.path().value())
			.param("text", text)
			.param("now", now)
			.update();
		return String.valueOf(jdbc.sql("select id from study_question where text = :text")
			.param("text", text)
			.query(Long.class)
			.single());
	}

	private static String attemptId;

	/**
	 * An attempt of a member of 珍宝村 (the matrix's party member is never its author); one
	 * for every place, since an attempt belongs to a member, not a place.
	 */
	static synchronized String attempt(Place place, ApplicationContext context) {
		if (attemptId != null) {
			return attemptId;
		}
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		String zhenbao = "620621116202";
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, zhenbao, null, "矩阵测试党支部");
		MemberId member = PartyFixtures.member(jdbc, org, PartyFixtures.residentsNotMembers(jdbc, zhenbao, 1).get(0),
				null);
		Place village = context.getBean(org.xiangzhi.platform.Places.class).find(zhenbao).orElseThrow();
		long session = (Long) session(village, context)[0];
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into study_attempt (session_id, member_id, correct, total, score, pass_mark, passed, "
				+ "submitted_at) values (:s, :m, 1, 1, 100, 60, true, :now)")
			.param("s", session)
			.param("m", member.value())
			.param("now", now)
			.update();
		attemptId = String.valueOf(jdbc.sql("select max(id) from study_attempt where member_id = :m")
			.param("m", member.value())
			.query(Long.class)
			.single());
		return attemptId;
	}

}
