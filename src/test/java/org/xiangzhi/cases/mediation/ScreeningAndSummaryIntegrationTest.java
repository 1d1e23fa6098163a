package org.xiangzhi.cases.mediation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.FlashMap;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** 周排查 with its zero reports and missing villages, and 月汇总 on known data. */
@IntegrationTest
class ScreeningAndSummaryIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final String ZHENBAO = "620621116202";

	static final String SUWU = "620621110";

	static final String PASSWORD = "Xiangzhi@2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScreeningJob job;

	@Autowired
	CaseDesk desk;

	@Autowired
	Mediations mediations;

	@Autowired
	Screenings screenings;

	@Autowired
	MonthlySummary summary;

	@Autowired
	Places places;

	FlashMap post(Cookie session, String path, String... params) throws Exception {
		var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.cookie(session)
			.with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getFlashMap();
	}

	/** The row of a village on the screening page. */
	static String row(String html, String village) {
		int start = html.indexOf("data-village=\"" + village + "\"");
		assertThat(start).as("row of " + village).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}

	@Test
	void aZeroReportIsRecordedAndMissingVillagesAreFlaggedToTheTown() throws Exception {
		LocalDate week = WeekOf.monday(Instant.now()).minusWeeks(2);
		Cookie cadre = WebSessions.login(mvc, "village-cadre", PASSWORD);
		assertThat(
				post(cadre, "/cases/screening", "village", CHENGCAO, "weekStart", week.toString(), "zeroReport", "true")
					.get("flash"))
			.isEqualTo("screening.recorded");
		// refusals: not a Monday, in the future, no count, another village
		assertThat(post(cadre, "/cases/screening", "village", CHENGCAO, "weekStart", week.plusDays(1).toString(),
				"zeroReport", "true")
			.get("errorKeys")).isEqualTo(List.of("screening.week.invalid"));
		assertThat(post(cadre, "/cases/screening", "village", CHENGCAO, "weekStart", week.plusWeeks(3).toString(),
				"zeroReport", "true")
			.get("errorKeys")).isEqualTo(List.of("screening.week.invalid"));
		assertThat(post(cadre, "/cases/screening", "village", CHENGCAO, "weekStart", week.toString()).get("errorKeys"))
			.isEqualTo(List.of("screening.count.required"));
		assertThat(
				post(cadre, "/cases/screening", "village", ZHENBAO, "weekStart", week.toString(), "zeroReport", "true")
					.get("errorKeys"))
			.isEqualTo(List.of("screening.village.unknown"));

		// the town sees who reported and who did not
		Cookie town = WebSessions.login(mvc, "town-admin", PASSWORD);
		String html = mvc.perform(get("/cases/screening").param("week", week.toString()).cookie(town))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(row(html, CHENGCAO)).contains("零报告").doesNotContain("未报送");
		assertThat(row(html, "620621110200")).contains("未报送");
		assertThat(html).doesNotContain("data-village=\"" + ZHENBAO + "\"");

		// the weekly job tells 苏武镇 which villages are missing
		var missing = job.flagMissing(week);
		assertThat(missing.get(SUWU)).extracting(Place::code).contains("620621110200").doesNotContain(CHENGCAO);
		long townAdmin = jdbc.sql("select id from account where username = 'town-admin'").query(Long.class).single();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("select count(*) from inbox_message where account_id = :a and kind = 'SCREENING_MISSING' "
						+ "and args like :w")
				.param("a", townAdmin)
				.param("w", week + "%")
				.query(Long.class)
				.single() == 1);
		// 珍宝村's cadre is not told about 苏武镇
		long zhenbao = jdbc.sql("select id from account where username = 'village-cadre-2'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from inbox_message where account_id = :a and kind = 'SCREENING_MISSING'")
			.param("a", zhenbao)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theWeeklyJobRunsOncePerWeek() {
		Instant monday = Instant.parse("2001-01-08T02:00:00Z");
		assertThat(job.runTick(monday)).isTrue();
		assertThat(job.runTick(monday.plus(Duration.ofHours(30)))).isFalse();
		assertThat(job.runTick(monday.plus(Duration.ofDays(7)))).isTrue();
	}

	@Test
	void theMonthlySummaryCountsTheRecordsOfEachVillageAndTheTown() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
		Place townPlace = places.addIfAbsent("620621S" + suffix, "汇总测试镇", PlaceLevel.TOWN, "620621");
		Place v1 = places.addIfAbsent(townPlace.code() + "01", "汇总一村", PlaceLevel.VILLAGE, townPlace.code());
		Place v2 = places.addIfAbsent(townPlace.code() + "02", "汇总二村", PlaceLevel.VILLAGE, townPlace.code());
		Actor admin = new Actor(1, "admin", List.of(new Actor.Assignment(Role.SYSTEM_ADMIN, "000000", OrgPath.ROOT)));
		long d1 = report(v1, "dispute", "地界纠纷");
		long d2 = report(v1, "dispute", "赡养纠纷");
		report(v1, "infrastructure.road", "路坏了");
		report(v2, "dispute", "噪音纠纷");
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		mediations.addSession(admin, d1, today, "村委会", "第一次调解");
		mediations.addSession(admin, d1, today, "村委会", "第二次调解");
		mediations.setAgreement(admin, d1, "双方和解", true, today, MediationOutcome.AGREED);
		mediations.addSession(admin, d2, today, "村委会", "调解未果");
		mediations.setAgreement(admin, d2, null, false, null, MediationOutcome.FAILED);
		YearMonth month = YearMonth.from(today);
		insertRevisit(d1, v1, month.atDay(1), true);
		insertRevisit(d1, v1, month.atEndOfMonth(), false);
		List<LocalDate> weeks = summary.weeksDue(month);
		if (!weeks.isEmpty()) {
			screenings.record(admin, v1.code(), weeks.get(0), true, null, null);
		}
		int submitted = weeks.isEmpty() ? 0 : 1;

		Cookie county = WebSessions.login(mvc, "county-admin", PASSWORD);
		String csv = mvc
			.perform(get("/cases/monthly-summary").param("month", month.toString())
				.param("place", townPlace.code())
				.param("format", "csv")
				.cookie(county))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(csv.lines().toList()).containsExactly(
				"\uFEFF\"单位\",\"受理纠纷\",\"开展调解\",\"达成协议\",\"调解成功率\",\"已回访\",\"应回访\",\"排查已报送\",\"排查未报送\"",
				"\"汇总一村\",2,2,1,50%,1,2," + submitted + "," + (weeks.size() - submitted),
				"\"汇总二村\",1,0,0,,0,0,0," + weeks.size(),
				"\"汇总测试镇\",3,2,1,50%,1,2," + submitted + "," + (2 * weeks.size() - submitted));
		String html = mvc
			.perform(get("/cases/monthly-summary").param("month", month.toString())
				.param("place", townPlace.code())
				.param("lang", "en")
				.cookie(county))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Monthly dispute summary").contains("50%").contains("infrastructure.road");
		// a place outside the cadre's area is not found
		Cookie zhenbao = WebSessions.login(mvc, "village-cadre-2", PASSWORD);
		assertThat(mvc
			.perform(get("/cases/monthly-summary").param("month", month.toString())
				.param("place", townPlace.code())
				.cookie(zhenbao))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	long report(Place village, String category, String text) {
		return desk
			.report(new NewCase(village.code(), category, text, null, null, null, Channel.QR, null, null, List.of()),
					null, null, null)
			.id()
			.value();
	}

	void insertRevisit(long caseId, Place village, LocalDate due, boolean done) {
		jdbc.sql("insert into case_revisit (case_id, org_path, due_on, done_at, done_by, stable) "
				+ "values (:id, :path, :due, :done, :by, :stable)")
			.param("id", caseId)
			.param("path", village.path().value())
			.param("due", due)
			.param("done", done ? Timestamp.from(Instant.now()) : null)
			.param("by", done ? "test" : null)
			.param("stable", done ? Boolean.TRUE : null)
			.update();
	}

}
