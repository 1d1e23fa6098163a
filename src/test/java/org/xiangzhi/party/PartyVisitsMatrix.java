package org.xiangzhi.party;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.Relation;
import org.xiangzhi.registry.ResidentStatus;
import org.xiangzhi.registry.TestIdNumbers;
import org.xiangzhi.registry.household.RegistryStore;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * The visits section's rows of the authorization matrix: cadres read and write the visits
 * and mandatory visits of households in their scope; a party member reaches only
 * {@code /party/me/visits} and their own records through the API (the matrix's member has
 * no member record, so a record of anyone answers 404 and an empty list).
 */
public class PartyVisitsMatrix implements MatrixContribution {

	private static final Role[] READERS = PartyAccess.READERS.toArray(Role[]::new);

	private static final Role[] MANAGERS = PartyAccess.MANAGERS.toArray(Role[]::new);

	private static final Role[] READERS_AND_MEMBERS = List
		.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN, Role.TOWN_CADRE, Role.VILLAGE_CADRE,
				Role.PARTY_MEMBER)
		.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// cadres' pages
				get("/party/visits").anonymous(302).only(200, READERS),
				get("/party/visits/households/{id}").record("household").anonymous(302).only(200, READERS),
				// an empty form: no member chosen
				post("/party/visits/households/{id}/visits").record("household").anonymous(302).only(422, MANAGERS),
				get("/party/visits/tasks/{id}").record("party-visit-task").anonymous(302).only(200, READERS),
				// no reason
				post("/party/visits/tasks/{id}/cancel").record("party-visit-task").anonymous(302).only(422, MANAGERS),
				get("/party/visits/triggers/new").anonymous(302).only(200, READERS),
				// no household
				post("/party/visits/triggers").anonymous(302).only(422, MANAGERS),
				get("/party/visits/photos/{id}").record("party-visit").anonymous(302).only(200, READERS),
				// a member's own page; the matrix's member has no member record
				get("/party/me/visits").anonymous(302).only(200, Role.PARTY_MEMBER),
				post("/party/me/visits").anonymous(302).only(404, Role.PARTY_MEMBER),
				get("/party/me/visits/photos/{id}").record("party-visit").anonymous(302).only(404, Role.PARTY_MEMBER),
				// JSON API
				get("/api/v1/party/visits").anonymous(401).only(200, READERS_AND_MEMBERS),
				post("/api/v1/party/visits").anonymous(401).only(422, READERS_AND_MEMBERS),
				get("/api/v1/party/visits/mandatory").anonymous(401).only(200, READERS_AND_MEMBERS),
				get("/api/v1/party/visits/mandatory/{id}").record("party-visit-task")
					.anonymous(401)
					.only(200, READERS)
					.except(Role.PARTY_MEMBER, org.xiangzhi.authz.Relation.IN_SCOPE, 404)
					.except(Role.PARTY_MEMBER, org.xiangzhi.authz.Relation.CHILD, 404)
					.except(Role.PARTY_MEMBER, org.xiangzhi.authz.Relation.PARENT, 404)
					.except(Role.PARTY_MEMBER, org.xiangzhi.authz.Relation.SIBLING, 404),
				post("/api/v1/party/visits/mandatory/{id}/cancel").record("party-visit-task")
					.anonymous(401)
					.only(422, MANAGERS),
				post("/api/v1/party/visits/triggers").anonymous(401).only(422, MANAGERS),
				get("/api/v1/party/visits/households/{id}").record("household").anonymous(401).only(200, READERS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("party-visit-task", PartyVisitsMatrix::task, "party-visit", PartyVisitsMatrix::visit);
	}

	/** An open mandatory visit of a household at the place, for the branch. */
	static String task(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long household = household(place, context);
		jdbc.sql("insert into party_visit_task (household_id, org_path, trigger_kind, source, status, due_on, "
				+ "created_by, created_at, version) select id, org_path, 'FUNERAL', 'MANUAL', 'OPEN', :due, 'matrix', "
				+ ":now, 0 from household where id = :h")
			.param("due", Date.valueOf(LocalDate.now().plusDays(3)))
			.param("now", Timestamp.from(Instant.now()))
			.param("h", household)
			.update();
		return String.valueOf(jdbc.sql("select max(id) from party_visit_task where household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single());
	}

	/** A visit with a photo, by a member of the place, to a household at the place. */
	static String visit(Place place, ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		long household = household(place, context);
		String id = TestIdNumbers.fresh(Gender.MALE);
		long resident = context.getBean(RegistryStore.class)
			.insertResident(household, new RegistryStore.NewResident("矩阵党员", Gender.MALE, new IdNumber(id).birthDate(),
					new IdNumber(id), null, Relation.HEAD, ResidentStatus.ACTIVE, Set.of()), "matrix");
		PartyOrgId org = PartyFixtures.org(jdbc, OrgKind.BRANCH, place.code(), null,
				"矩阵支部-" + Long.toString(System.nanoTime(), 36));
		MemberId member = PartyFixtures.member(jdbc, org, resident, null);
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into party_visit (household_id, member_id, org_path, kind, visited_on, follow_up, has_photo, "
				+ "logged_by, created_at) select id, :m, org_path, 'ROUTINE', :day, false, true, 'matrix', :now "
				+ "from household where id = :h")
			.param("m", member.value())
			.param("day", Date.valueOf(LocalDate.now()))
			.param("now", now)
			.param("h", household)
			.update();
		long visit = jdbc.sql("select max(id) from party_visit where household_id = :h")
			.param("h", household)
			.query(Long.class)
			.single();
		byte[] jpeg = jpeg();
		jdbc.sql("insert into party_visit_photo (visit_id, content_type, width, height, bytes, content, created_at) "
				+ "values (:v, 'image/jpeg', 8, 8, :n, :c, :now)")
			.param("v", visit)
			.param("n", jpeg.length)
			.param("c", jpeg)
			.param("now", now)
			.update();
		return String.valueOf(visit);
	}

	/**
	 * A household at the place: in the village, in the grid's village and grid, or in a
	 * test village right below a place above village level.
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
			.insertHousehold(new RegistryStore.NewHousehold(village, null, grid, null, "矩阵走访户", null, Set.of()),
					"matrix");
	}

	private static byte[] jpeg() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
