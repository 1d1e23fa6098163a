package org.xiangzhi.party.study;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.StudyAttended;
import org.xiangzhi.party.TestPassed;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The study journey over HTTP: a secretary plans a session with a 3-question test and
 * opens check-in; two members check in through the QR code's address; one passes, the
 * other fails and passes on the retake; the pass rate and scores appear. Scope: another
 * village's secretary, another member and a member of another branch get nothing.
 */
@IntegrationTest
@RecordApplicationEvents
class PartyStudyJourneyIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
		return mvc.perform(request.with(TestActors.as(actor)).with(csrf())).andReturn().getResponse();
	}

	long createQuestion(Actor cadre, String json) throws Exception {
		MockHttpServletResponse r = perform(
				post("/api/v1/party/study/questions").contentType(MediaType.APPLICATION_JSON).content(json), cadre);
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return ((Number) JsonPath.read(r.getContentAsString(), "$.id")).longValue();
	}

	static String group(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

	@Test
	void membersCheckInByQrTakeTheTestRetakeAndThePassRateAppears() throws Exception {
		Actor cadre = TestActors.account(jdbc, "village-cadre-2");
		PartyOrgId branch = StudyFixtures.branch(jdbc, StudyFixtures.ZHENBAO);
		List<StudyFixtures.Member> members = StudyFixtures.members(jdbc, branch, StudyFixtures.ZHENBAO, 2);
		StudyFixtures.Member first = members.get(0);
		StudyFixtures.Member second = members.get(1);
		PartyOrgId otherBranch = StudyFixtures.branch(jdbc, StudyFixtures.ZHENBAO);
		StudyFixtures.Member outsider = StudyFixtures.members(jdbc, otherBranch, StudyFixtures.ZHENBAO, 1).get(0);

		// the bank: single, multiple and true/false
		long q1 = createQuestion(cadre, """
				{"placeCode":"620621116202","kind":"SINGLE","topic":"党章","text":"党的最高理想和最终目标是？",
				 "options":["实现共产主义","全面小康","乡村振兴"],"correct":["A"],"explanation":"党章总纲"}""");
		long q2 = createQuestion(cadre, """
				{"placeCode":"620621116202","kind":"MULTIPLE","topic":"三会一课","text":"三会一课包括？",
				 "options":["支部党员大会","村民大会","支委会","党课"],"correct":["A","C","D"]}""");
		long q3 = createQuestion(cadre, """
				{"placeCode":"620621116202","kind":"TRUE_FALSE","topic":"凡训必考","text":"每次培训都要考试。",
				 "correct":["T"]}""");

		// the session, its test, check-in opened
		MockHttpServletResponse created = perform(post("/party/study/new").param("orgId", branch.toString())
			.param("kind", "TUESDAY_CLASS")
			.param("title", "星期二理论课堂：学习党章")
			.param("startsAt", "2026-07-07T09:00")
			.param("location", "珍宝村委会会议室")
			.param("agenda", "一、学习党章\n二、测试")
			.param("materials", "党章全文\nhttps://www.12371.cn/"), cadre);
		assertThat(created.getStatus()).isEqualTo(302);
		long id = Long.parseLong(created.getRedirectedUrl().replace("/party/study/", ""));
		String page = perform(get("/party/study/" + id), cadre).getContentAsString();
		assertThat(page).contains("凡训必考");
		assertThat(perform(post("/party/study/" + id + "/test").param("questionIds", "" + q1, "" + q2, "" + q3)
			.param("passMark", "60"), cadre).getStatus()).isEqualTo(302);
		assertThat(perform(post("/party/study/" + id + "/state").param("to", "OPEN"), cadre).getStatus())
			.isEqualTo(302);
		MockHttpServletResponse qr = perform(get("/party/study/" + id + "/qr"), cadre);
		assertThat(qr.getContentAsString()).contains("data:image/svg+xml;base64,");
		String url = group(qr.getContentAsString(), "id=\"checkin-url\">([^<]+)<");
		String checkin = url.substring(url.indexOf("/party/study/checkin/"));

		// two members scan; a second scan says "already"; a member of another branch
		// cannot
		assertThat(perform(get(checkin), first.actor()).getContentAsString()).contains("checkin-button");
		assertThat(perform(post(checkin), first.actor()).getContentAsString()).contains("签到成功");
		assertThat(perform(post(checkin), first.actor()).getContentAsString()).contains("您已签到");
		assertThat(perform(post(checkin), second.actor()).getStatus()).isEqualTo(200);
		MockHttpServletResponse refused = perform(post(checkin), outsider.actor());
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(perform(post("/party/study/checkin/not-a-code"), first.actor()).getStatus()).isEqualTo(404);
		assertThat(events.stream(StudyAttended.class).filter(e -> e.sessionId() == id)).hasSize(2);

		// the first member passes; a retried submission is the same attempt
		String test = perform(get("/party/me/tests/" + id), first.actor()).getContentAsString();
		assertThat(test).doesNotContain("党章总纲");
		String token = group(test, "name=\"submissionToken\" value=\"([^\"]+)\"");
		MockHttpServletRequestBuilder allRight = post("/party/me/tests/" + id).param("submissionToken", token)
			.param("q" + q1, "A")
			.param("q" + q2, "A", "C", "D")
			.param("q" + q3, "T");
		MockHttpServletResponse passed = perform(allRight, first.actor());
		assertThat(passed.getStatus()).isEqualTo(302);
		MockHttpServletResponse retried = perform(post("/party/me/tests/" + id).param("submissionToken", token)
			.param("q" + q1, "A")
			.param("q" + q2, "A", "C", "D")
			.param("q" + q3, "T"), first.actor());
		assertThat(retried.getRedirectedUrl()).isEqualTo(passed.getRedirectedUrl());
		String firstAttempt = passed.getRedirectedUrl();
		String result = perform(get(firstAttempt), first.actor()).getContentAsString();
		assertThat(result).contains("id=\"attempt-score\">100<").contains("党章总纲");

		// the second fails (multiple choice half right scores nothing), then passes
		String token2 = group(perform(get("/party/me/tests/" + id), second.actor()).getContentAsString(),
				"name=\"submissionToken\" value=\"([^\"]+)\"");
		MockHttpServletResponse failed = perform(post("/party/me/tests/" + id).param("submissionToken", token2)
			.param("q" + q1, "B")
			.param("q" + q2, "A", "C")
			.param("q" + q3, "T"), second.actor());
		assertThat(perform(get(failed.getRedirectedUrl()), second.actor()).getContentAsString())
			.contains("id=\"attempt-score\">33<");
		String token3 = group(perform(get("/party/me/tests/" + id), second.actor()).getContentAsString(),
				"name=\"submissionToken\" value=\"([^\"]+)\"");
		MockHttpServletResponse retake = perform(post("/party/me/tests/" + id).param("submissionToken", token3)
			.param("q" + q1, "A")
			.param("q" + q2, "A", "C", "D")
			.param("q" + q3, "F"), second.actor());
		assertThat(perform(get(retake.getRedirectedUrl()), second.actor()).getContentAsString())
			.contains("id=\"attempt-score\">66<");
		assertThat(jdbc.sql("select count(*) from study_attempt where session_id = :s")
			.param("s", id)
			.query(Long.class)
			.single()).as("every attempt kept, the retried submission not twice").isEqualTo(3);
		assertThat(events.stream(TestPassed.class).filter(e -> e.sessionId() == id)).hasSize(2);

		// a member sees only their own answers; the outsider does not see the session
		assertThat(perform(get(firstAttempt), second.actor()).getStatus()).isEqualTo(404);
		assertThat(perform(get("/party/me/tests/" + id), outsider.actor()).getStatus()).isEqualTo(404);
		assertThat(perform(get("/party/me/tests"), second.actor()).getContentAsString()).contains("星期二理论课堂：学习党章");

		// the results: 2 of 2 present, both passed, average of best scores (100 + 66) / 2
		String results = perform(get("/api/v1/party/study/sessions/" + id + "/results"), cadre).getContentAsString();
		assertThat((Integer) JsonPath.read(results, "$.figures.present")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(results, "$.figures.attendanceRate")).isEqualTo(100);
		assertThat((Integer) JsonPath.read(results, "$.figures.passRate")).isEqualTo(100);
		assertThat((Double) JsonPath.read(results, "$.figures.average")).isEqualTo(83.0);
		assertThat((List<Integer>) JsonPath.read(results, "$.members[*].attempts")).containsExactlyInAnyOrder(1, 2);
		String detail = perform(get("/party/study/" + id), cadre).getContentAsString();
		assertThat(detail).contains("id=\"pass-rate\">100%<").contains("id=\"average\">83.0<");

		// closing: check-in refused afterwards
		assertThat(perform(post("/party/study/" + id + "/state").param("to", "CLOSE"), cadre).getStatus())
			.isEqualTo(302);
		StudyFixtures.Member late = StudyFixtures.members(jdbc, branch, StudyFixtures.ZHENBAO, 1).get(0);
		assertThat(perform(post(checkin), late.actor()).getStatus()).isEqualTo(409);

		// summary per organisation and town
		String summary = perform(
				get("/api/v1/party/study/results").param("from", "2026-07-01").param("to", "2026-07-31"), cadre)
			.getContentAsString();
		assertThat((List<String>) JsonPath.read(summary, "$.towns[*].key")).contains("620621116");
	}

	@Test
	void anotherVillagesSecretarySeesNothingOfTheSession() throws Exception {
		Actor chengcao = TestActors.account(jdbc, "village-cadre");
		Actor zhenbao = TestActors.account(jdbc, "village-cadre-2");
		PartyOrgId group = PartyFixtures.org(jdbc, OrgKind.TEMPORARY_BRANCH, "620621110212", null,
				StudyFixtures.unique("学习测试临时党支部"));
		MockHttpServletResponse created = perform(
				post("/api/v1/party/study/sessions").contentType(MediaType.APPLICATION_JSON)
					.content("{\"orgId\":" + group
							+ ",\"kind\":\"THEME_DAY\",\"title\":\"主题党日\",\"startsAt\":\"2026-07-01T15:00\"}"),
				chengcao);
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		long id = ((Number) JsonPath.read(created.getContentAsString(), "$.id")).longValue();
		assertThat(perform(get("/party/study/" + id), chengcao).getStatus()).isEqualTo(200);
		MockHttpServletResponse hidden = perform(get("/api/v1/party/study/sessions/" + id), zhenbao);
		MockHttpServletResponse missing = perform(get("/api/v1/party/study/sessions/987654321"), zhenbao);
		assertThat(hidden.getStatus()).isEqualTo(404);
		assertThat(hidden.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(perform(get("/party/study/" + id), zhenbao).getStatus()).isEqualTo(404);
		assertThat(perform(post("/party/study/" + id + "/state").param("to", "OPEN"), zhenbao).getStatus())
			.isEqualTo(404);
		assertThat(perform(get("/api/v1/party/study/sessions"), zhenbao).getContentAsString())
			.doesNotContain("\"id\":" + id + ",");
		// a session can't be planned for another village's organisation either
		assertThat(perform(post("/api/v1/party/study/sessions").contentType(MediaType.APPLICATION_JSON)
			.content("{\"orgId\":" + group
					+ ",\"kind\":\"THEME_DAY\",\"title\":\"x\",\"startsAt\":\"2026-07-01T15:00\"}"),
				zhenbao)
			.getStatus()).isEqualTo(422);
	}

}
