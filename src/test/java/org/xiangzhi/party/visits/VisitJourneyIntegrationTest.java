package org.xiangzhi.party.visits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.VisitLogged;
import org.xiangzhi.party.visits.VisitFixtures.SignedInMember;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.xiangzhi.party.visits.VisitFixtures.ZHENBAO;

/**
 * The journey over HTTP: a dispute case reported through the cases API for a linked
 * household raises a 必访 for the right member; a cadre records another trigger by hand;
 * the member sees both on their phone page and logs the visit there with a photo; the
 * tasks are done and {@code VisitLogged} is published. And scope: a member sees nothing
 * of another member, 珍宝村's secretary nothing of 橙槽村.
 */
@IntegrationTest
@RecordApplicationEvents
class VisitJourneyIntegrationTest {

	static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	@Autowired
	VisitStore store;

	@Autowired
	Visits visits;

	@Autowired
	ApplicationEvents events;

	MockHttpServletResponse perform(RequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static String token(String html) {
		Matcher m = TOKEN.matcher(html);
		assertThat(m.find()).as("a form token").isTrue();
		return m.group(1);
	}

	static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	List<Task> tasksOf(HouseholdId household) {
		return store.tasks(new VisitStore.TaskFilter(null, null, null, null, household, Set.of(), 10));
	}

	@Test
	void aDisputeRaisesAMandatoryVisitAndTheMemberLogsItOnThePhone() throws Exception {
		Actor cadre = TestActors.account(jdbc, "village-cadre-2");
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember member = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, member.member());

		// a dispute taken in on a visit, through the cases API
		MockHttpServletResponse reported = perform(post("/api/v1/cases").with(TestActors.as(cadre))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"placeCode\":\"" + ZHENBAO + "\",\"categoryCode\":\"dispute\",\"description\":\"宅基地边界纠纷\","
					+ "\"channel\":\"VISIT\",\"householdId\":" + household.value() + "}"));
		assertThat(reported.getStatus()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(household).size() == 1);
		Task dispute = tasksOf(household).get(0);
		assertThat(dispute.member()).isEqualTo(member.member());
		assertThat(dispute.trigger()).isEqualTo(TriggerKind.DISPUTE);

		// a cadre records an illness in the same household by hand, with a one-time token
		String form = perform(
				get("/party/visits/triggers/new").param("household", "" + household.value()).with(TestActors.as(cadre)))
			.getContentAsString();
		String triggerToken = token(form);
		MockHttpServletResponse recorded = perform(post("/party/visits/triggers").with(TestActors.as(cadre))
			.with(csrf())
			.param("householdId", "" + household.value())
			.param("kind", "ILLNESS")
			.param("submissionToken", triggerToken));
		assertThat(recorded.getStatus()).isEqualTo(302);
		// a retried form creates nothing more
		MockHttpServletResponse again = perform(post("/party/visits/triggers").with(TestActors.as(cadre))
			.with(csrf())
			.param("householdId", "" + household.value())
			.param("kind", "ILLNESS")
			.param("submissionToken", triggerToken));
		assertThat(again.getRedirectedUrl()).isEqualTo(recorded.getRedirectedUrl());
		assertThat(tasksOf(household)).hasSize(2);
		assertThat(perform(get(recorded.getRedirectedUrl()).with(TestActors.as(cadre))).getContentAsString())
			.contains("生病住院");

		// the member's phone page lists both with their deadlines
		String page = perform(get("/party/me/visits").with(TestActors.as(member.actor()))).getContentAsString();
		assertThat(page).contains("矛盾纠纷").contains("生病住院").contains(dispute.dueOn().toString());
		assertThat(page).contains("name=\"viewport\"");

		// and logs the visit there, with a photo
		MockMultipartFile photo = new MockMultipartFile("photo", "visit.png", "image/png", png());
		String visitToken = token(page);
		MockHttpServletResponse logged = perform(multipart("/party/me/visits").file(photo)
			.with(TestActors.as(member.actor()))
			.with(csrf())
			.param("householdId", "" + household.value())
			.param("kind", "MANDATORY")
			.param("notes", "已上门，双方同意调解")
			.param("submissionToken", visitToken));
		assertThat(logged.getStatus()).isEqualTo(302);
		assertThat(logged.getRedirectedUrl()).isEqualTo("/party/me/visits");
		assertThat(tasksOf(household)).extracting(Task::status).containsOnly(TaskStatus.DONE);
		List<VisitLogged> published = events.stream(VisitLogged.class)
			.filter(e -> e.household().equals(household))
			.toList();
		assertThat(published).hasSize(1);
		assertThat(published.get(0).member()).isEqualTo(member.member());
		assertThat(published.get(0).mandatory()).isTrue();
		long visitId = published.get(0).visitId();

		// a double submit is the same visit
		perform(multipart("/party/me/visits").file(photo)
			.with(TestActors.as(member.actor()))
			.with(csrf())
			.param("householdId", "" + household.value())
			.param("kind", "MANDATORY")
			.param("notes", "已上门，双方同意调解")
			.param("submissionToken", visitToken));
		assertThat(
				VisitFixtures.count(jdbc, "select count(*) from party_visit where household_id = ?", household.value()))
			.isEqualTo(1);

		// the photo is a re-encoded JPEG, for the member and for the branch
		MockHttpServletResponse image = perform(
				get("/party/me/visits/photos/" + visitId).with(TestActors.as(member.actor())));
		assertThat(image.getStatus()).isEqualTo(200);
		assertThat(image.getContentType()).isEqualTo("image/jpeg");
		assertThat(VisitPhotos.isJpeg(image.getContentAsByteArray())).isTrue();
		assertThat(perform(get("/party/visits/photos/" + visitId).with(TestActors.as(cadre))).getStatus())
			.isEqualTo(200);

		// the cadre screen shows the visit; the household history too
		assertThat(perform(get("/party/visits").with(TestActors.as(cadre))).getContentAsString())
			.contains("已上门，双方同意调解");
		assertThat(perform(get("/party/visits/households/" + household.value()).with(TestActors.as(cadre)))
			.getContentAsString()).contains("已上门，双方同意调解").contains("已走访");

		// a second mandatory visit with nothing open is refused, in the member's language
		String fresh = perform(get("/party/me/visits").with(TestActors.as(member.actor()))).getContentAsString();
		MockHttpServletResponse nothingOpen = perform(multipart("/party/me/visits").with(TestActors.as(member.actor()))
			.with(csrf())
			.param("householdId", "" + household.value())
			.param("kind", "MANDATORY")
			.param("submissionToken", token(fresh)));
		assertThat(nothingOpen.getStatus()).isEqualTo(422);
		assertThat(nothingOpen.getContentAsString()).contains("这户目前没有待完成的必访任务");
	}

	@Test
	void aCadreLogsOnAMembersBehalfAndTheApiAgrees() throws Exception {
		Actor cadre = TestActors.account(jdbc, "village-cadre-2");
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember member = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, member.member());

		MockHttpServletResponse trigger = perform(post("/api/v1/party/visits/triggers").with(TestActors.as(cadre))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"householdId\":" + household.value() + ",\"kind\":\"FUNERAL\"}"));
		assertThat(trigger.getStatus()).isEqualTo(201);
		assertThat(trigger.getContentAsString()).contains("\"status\":\"OPEN\"").contains("\"trigger\":\"FUNERAL\"");

		MockHttpServletResponse logged = perform(post("/api/v1/party/visits").with(TestActors.as(cadre))
			.with(csrf())
			.header("Idempotency-Key", "visit-" + household.value())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"householdId\":" + household.value() + ",\"memberId\":" + member.member().value()
					+ ",\"kind\":\"MANDATORY\",\"notes\":\"代为登记\"}"));
		assertThat(logged.getStatus()).isEqualTo(201);
		assertThat(logged.getContentAsString()).contains("\"fulfilled\":1");
		MockHttpServletResponse retried = perform(post("/api/v1/party/visits").with(TestActors.as(cadre))
			.with(csrf())
			.header("Idempotency-Key", "visit-" + household.value())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"householdId\":" + household.value() + ",\"memberId\":" + member.member().value()
					+ ",\"kind\":\"MANDATORY\",\"notes\":\"代为登记\"}"));
		assertThat(retried.getStatus()).isEqualTo(200);

		String history = perform(get("/api/v1/party/visits/households/" + household.value()).with(TestActors.as(cadre)))
			.getContentAsString();
		assertThat(history).contains("\"status\":\"DONE\"").contains("代为登记");
		// the member sees it as their own visit through the API
		assertThat(perform(get("/api/v1/party/visits").with(TestActors.as(member.actor()))).getContentAsString())
			.contains("代为登记");

		// a member cannot log for a household not linked to them
		HouseholdId other = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		MockHttpServletResponse refused = perform(post("/api/v1/party/visits").with(TestActors.as(member.actor()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"householdId\":" + other.value() + ",\"kind\":\"ROUTINE\"}"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("party.visits.household.notLinked");
	}

	@Test
	void aMemberSeesNothingOfAnotherMemberAndAVillageNothingOfAnother() throws Exception {
		Actor zhenbao = TestActors.account(jdbc, "village-cadre-2");
		Actor chengcao = TestActors.account(jdbc, "village-cadre");
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember alice = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		SignedInMember bob = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, alice.member());
		long task = visits.recordTrigger(zhenbao,
				new VisitRecords.TriggerInput(household.value(), "ACCIDENT", null, "房屋受损"), null);
		long visit = visits.logAsMember(alice.actor(),
				new VisitRecords.VisitInput(household.value(), null, "ROUTINE", null, "看望", false, null), png(), null)
			.visitId();

		// bob: not his task, not his visit, not his household
		assertThat(perform(get("/api/v1/party/visits/mandatory/" + task).with(TestActors.as(bob.actor()))).getStatus())
			.isEqualTo(404);
		assertThat(perform(get("/party/me/visits/photos/" + visit).with(TestActors.as(bob.actor()))).getStatus())
			.isEqualTo(404);
		String bobsPage = perform(get("/party/me/visits").with(TestActors.as(bob.actor()))).getContentAsString();
		assertThat(bobsPage).doesNotContain("房屋受损").doesNotContain("看望");
		assertThat(perform(get("/api/v1/party/visits").with(TestActors.as(bob.actor()))).getContentAsString())
			.isEqualTo("[]");
		assertThat(perform(get("/api/v1/party/visits/mandatory").with(TestActors.as(bob.actor()))).getContentAsString())
			.isEqualTo("[]");
		MockHttpServletResponse bobLogs = perform(post("/api/v1/party/visits").with(TestActors.as(bob.actor()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"householdId\":" + household.value() + ",\"kind\":\"ROUTINE\"}"));
		assertThat(bobLogs.getStatus()).isEqualTo(422);
		// a member has no cadre screens
		assertThat(perform(get("/party/visits").with(TestActors.as(alice.actor()))).getStatus()).isEqualTo(403);
		// alice sees hers
		assertThat(
				perform(get("/api/v1/party/visits/mandatory/" + task).with(TestActors.as(alice.actor()))).getStatus())
			.isEqualTo(200);

		// 橙槽村's secretary sees nothing of 珍宝村
		assertThat(perform(get("/party/visits/tasks/" + task).with(TestActors.as(chengcao))).getStatus())
			.isEqualTo(404);
		assertThat(perform(get("/api/v1/party/visits/mandatory/" + task).with(TestActors.as(chengcao))).getStatus())
			.isEqualTo(404);
		assertThat(
				perform(get("/party/visits/households/" + household.value()).with(TestActors.as(chengcao))).getStatus())
			.isEqualTo(404);
		assertThat(perform(get("/party/visits/photos/" + visit).with(TestActors.as(chengcao))).getStatus())
			.isEqualTo(404);
		assertThat(perform(post("/party/visits/tasks/" + task + "/cancel").param("reason", "x")
			.with(TestActors.as(chengcao))
			.with(csrf())).getStatus()).isEqualTo(404);
		assertThat(perform(get("/party/visits").with(TestActors.as(chengcao))).getContentAsString())
			.doesNotContain("房屋受损")
			.doesNotContain("看望");
		assertThat(perform(
				get("/api/v1/party/visits").param("household", "" + household.value()).with(TestActors.as(chengcao)))
			.getContentAsString()).isEqualTo("[]");
		// and the other way round: 珍宝村's secretary cannot reach a 橙槽村 task
		HouseholdId chengcaoHousehold = VisitFixtures.householdWithoutTasks(jdbc, VisitFixtures.CHENGCAO);
		long theirs = visits.recordTrigger(chengcao,
				new VisitRecords.TriggerInput(chengcaoHousehold.value(), "WEDDING", null, null), null);
		assertThat(perform(get("/party/visits/tasks/" + theirs).with(TestActors.as(zhenbao))).getStatus())
			.isEqualTo(404);
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'SCOPE_DENIED' and actor = :a "
					+ "and object_type = 'party-visit-task' and object_id = :id")
			.param("a", "village-cadre-2")
			.param("id", "" + theirs)
			.query(Long.class)
			.single()).isPositive();
		visits.cancel(chengcao, theirs, "测试数据");
	}

}
