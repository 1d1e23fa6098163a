package org.xiangzhi.cases.stats;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatistics;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Statistics with known counts: a village of its own with five cases in known states, one
 * of them handled late, two rated, plus a case elsewhere that must not count.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStatisticsIntegrationTest {

	static final String VILLAGE = "620621110934";

	static final String GRID = VILLAGE + "G01";

	static final LocalDate TODAY = LocalDate.now(JdbcCaseStatistics.ZONE);

	@Autowired
	CaseStatistics statistics;

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	Actor cadre;

	Actor town;

	@BeforeAll
	void casesInKnownStates() throws Exception {
		Place village = places.addIfAbsent(VILLAGE, "统计测试村委会", PlaceLevel.VILLAGE, "620621110");
		places.addIfAbsent(GRID, "统计测试村第一网格", PlaceLevel.GRID, VILLAGE);
		String username = "stats-cadre-" + Long.toString(System.nanoTime(), 36);
		long id = MatrixFixtures.insertAccount(jdbc, username, village, Role.VILLAGE_CADRE);
		cadre = new Actor(id, username, List.of(new Actor.Assignment(Role.VILLAGE_CADRE, VILLAGE, village.path())));
		town = TestActors.actor("stats-town", Role.TOWN_ADMIN, places.find("620621110").orElseThrow().path());

		// A: handled on time, verified, closed, rated 5
		CaseRecord a = handled(report(VILLAGE, "infrastructure.road"));
		a = desk.act(town, a.id(), CaseCommand.of(CaseAction.VERIFY, a.version()));
		desk.act(cadre, a.id(), CaseCommand.of(CaseAction.CLOSE, a.version()));
		desk.rate(a.trackingCode(), 5, "好");
		// B: handled after its deadline, rated 2
		CaseRecord b = handled(report(VILLAGE, "infrastructure.road"));
		jdbc.sql("update case_record set handle_due = :due where id = :id")
			.param("due", Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")))
			.param("id", b.id().value())
			.update();
		desk.rate(b.trackingCode(), 2, "太慢");
		// C: refused at intake
		CaseRecord c = report(VILLAGE, "policy_inquiry");
		desk.act(cadre, c.id(), CaseCommand.of(CaseAction.REJECT, c.version()).withReason("请咨询民政所"));
		// D: a dispute nobody has looked at; E: litter in the grid
		report(VILLAGE, "dispute");
		report(GRID, "environment");
		// elsewhere
		report("620621110212", "infrastructure.road");
	}

	CaseRecord report(String place, String category) {
		CaseId id = desk
			.report(new NewCase(place, category, "统计测试", null, null, null, Channel.QR, null, null, List.of()), null,
					null, null)
			.id();
		return desk.view(town, id);
	}

	CaseRecord handled(CaseRecord c) throws Exception {
		c = desk.act(cadre, c.id(), CaseCommand.of(CaseAction.ACCEPT, c.version()));
		c = desk.act(cadre, c.id(), CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(cadre.accountId()));
		c = desk.act(cadre, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		long photo = photos.store(out.toByteArray(), CasePhotos.Kind.AFTER, "test").id();
		return desk.act(cadre, c.id(),
				CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("修好了", List.of(photo)));
	}

	@Test
	void theVillageCountsExactlyItsOwnCases() {
		CaseStatistics.Report report = statistics.of(town, VILLAGE, TODAY, TODAY);
		assertThat(report.placeName()).isEqualTo("统计测试村委会");
		assertThat(report.total()).isEqualTo(new CaseStatistics.Counts(5, 2, 1, 2, 1, 2, 1));
		assertThat(report.total().onTimeRate()).isEqualTo(0.5);
		assertThat(report.total().satisfactionRate()).isEqualTo(0.5);
		assertThat(report.byCategory()).extracting(CaseStatistics.Row::key)
			.containsExactly("infrastructure.road", "dispute", "environment", "policy_inquiry");
		assertThat(report.byCategory().get(0).counts()).isEqualTo(new CaseStatistics.Counts(2, 2, 1, 2, 1, 2, 1));
		assertThat(report.byCategory().get(3).counts()).isEqualTo(new CaseStatistics.Counts(1, 0, 0, 0, 0, 0, 0));
		assertThat(report.byLevel()).extracting(CaseStatistics.Row::key).containsExactly("GRID", "VILLAGE");
		assertThat(report.byLevel().get(0).counts().received()).isOne();
		assertThat(report.byLevel().get(1).counts().received()).isEqualTo(4);
	}

	@Test
	void theGridTheTownAndAnotherPeriod() {
		assertThat(statistics.of(cadre, GRID, TODAY, TODAY).total().received()).isOne();
		assertThat(statistics.of(town, "620621110", TODAY.minusDays(1), TODAY).total().received())
			.isGreaterThanOrEqualTo(6);
		CaseStatistics.Report past = statistics.of(town, VILLAGE, LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31));
		assertThat(past.total()).isEqualTo(CaseStatistics.Counts.ZERO);
		assertThat(past.total().onTimeRate()).isNull();
		assertThat(past.byCategory()).isEmpty();
	}

	@Test
	void aPlaceOutsideTheScopeIsNotFound() {
		Actor zhenbao = TestActors.actor("stats-zhenbao", Role.VILLAGE_CADRE,
				places.find("620621116202").orElseThrow().path());
		assertThatThrownBy(() -> statistics.of(zhenbao, VILLAGE, TODAY, TODAY))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> statistics.of(cadre, "620621110", TODAY, TODAY))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> statistics.of(town, VILLAGE, TODAY, TODAY.minusDays(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theApiAndThePageShowTheSameFigures() throws Exception {
		MockHttpServletResponse api = mvc
			.perform(get("/api/v1/cases/statistics").param("place", VILLAGE)
				.param("from", TODAY.toString())
				.param("to", TODAY.toString())
				.with(TestActors.as(town)))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(200);
		JsonNode json = JsonMapper.builder().build().readTree(api.getContentAsString(StandardCharsets.UTF_8));
		assertThat(json.get("total").get("received").asLong()).isEqualTo(5);
		assertThat(json.get("total").get("onTimeRate").asDouble()).isEqualTo(0.5);
		assertThat(json.get("byLevel").get(0).get("key").asString()).isEqualTo("GRID");

		MockHttpServletResponse outside = mvc
			.perform(get("/api/v1/cases/statistics").param("place", VILLAGE)
				.with(TestActors.as(Role.VILLAGE_CADRE, places.find("620621116202").orElseThrow().path())))
			.andReturn()
			.getResponse();
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/cases/statistics").param("from", "2026-13-01").with(TestActors.as(town)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(422);

		MockHttpServletResponse page = mvc
			.perform(get("/cases/statistics").param("place", VILLAGE)
				.param("from", TODAY.toString())
				.param("to", TODAY.toString())
				.with(TestActors.as(town)))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("办理统计", "统计测试村委会", "50.0%", "道路");
	}

}
