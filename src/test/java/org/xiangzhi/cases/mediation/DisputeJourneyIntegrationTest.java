package org.xiangzhi.cases.mediation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A dispute of 橙槽村 is mediated over the pages (parties, a session, the agreement),
 * closed, and its quarterly revisits appear; 珍宝村's cadre cannot see any of it.
 */
@IntegrationTest
class DisputeJourneyIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final String PASSWORD = "Xiangzhi@2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	Actor account(String username) {
		return org.xiangzhi.platform.TestActors.account(jdbc, username);
	}

	long photo() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return photos.store(out.toByteArray(), CasePhotos.Kind.AFTER, "test").id();
	}

	MockHttpServletResponse page(Cookie session, String path, String... params) throws Exception {
		var request = get(path).cookie(session);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse submit(Cookie session, String path, String... params) throws Exception {
		var request = post(path).cookie(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	org.springframework.web.servlet.FlashMap flash(Cookie session, String path, String... params) throws Exception {
		var request = post(path).cookie(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getFlashMap();
	}

	@Test
	void aDisputeGetsMediatedClosedAndItsQuarterlyRevisitAppears() throws Exception {
		var receipt = desk.report(
				new NewCase(CHENGCAO, "dispute", "两户因宅基地边界发生纠纷", null, null, null, Channel.QR, null, null, List.of()),
				null, null, null);
		long id = receipt.id().value();
		String mediation = "/cases/" + id + "/mediation";
		Cookie cadre = WebSessions.login(mvc, "village-cadre", PASSWORD);

		assertThat(page(cadre, mediation).getStatus()).isEqualTo(200);
		// the mediator: a named studio
		assertThat(submit(cadre, mediation, "mediatorKind", "STUDIO", "mediatorName", "“娟子式”调解工作室").getStatus())
			.isEqualTo(302);
		// side A: a resident of the registry, picked by name
		var resident = jdbc
			.sql("select id, name from resident where org_path like :p order by id fetch first 1 rows only")
			.param("p", "%/" + CHENGCAO + "/%")
			.query((rs, i) -> new Object[] { rs.getLong("id"), rs.getString("name") })
			.single();
		String residentName = (String) resident[1];
		assertThat(page(cadre, mediation, "q", residentName).getContentAsString()).contains(residentName)
			.contains("name=\"residentId\" value=\"" + resident[0] + "\"");
		assertThat(submit(cadre, mediation + "/parties", "residentId", String.valueOf(resident[0]), "side", "A")
			.getStatus()).isEqualTo(302);
		// side B: someone from outside the village, by name
		assertThat(submit(cadre, mediation + "/parties", "name", "外村王某", "side", "B").getStatus()).isEqualTo(302);
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		submit(cadre, mediation + "/sessions", "heldOn", today.toString(), "location", "村委会调解室", "recordText",
				"双方到场，丈量边界，各让一步。");
		submit(cadre, mediation + "/agreement", "agreementText", "以界桩为准，东侧围墙后退半米。", "agreementSigned", "true",
				"agreementOn", today.toString(), "outcome", "AGREED");
		// a session without a record is refused with a message
		assertThat(flash(cadre, mediation + "/sessions", "heldOn", today.toString()).get("errorKeys"))
			.isEqualTo(List.of("mediation.session.record.required"));

		String html = page(cadre, mediation).getContentAsString();
		assertThat(html).contains("“娟子式”调解工作室")
			.contains(residentName)
			.contains("外村王某")
			.contains("双方到场，丈量边界，各让一步。")
			.contains("以界桩为准，东侧围墙后退半米。")
			.contains("调解成功")
			.contains("双方已签字");
		assertThat(page(cadre, mediation, "lang", "en").getContentAsString()).contains("Agreed")
			.contains("Signed by both sides");

		// handled, verified by the town and closed
		Actor village = account("village-cadre");
		Actor town = account("town-admin");
		CaseRecord c = desk.act(village, receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("调解成功，已签协议", List.of(photo())));
		c = desk.act(town, c.id(), CaseCommand.of(CaseAction.VERIFY, c.version()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.CLOSE, c.version()));
		assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);

		// four quarterly revisits, the first three months after the closing day
		LocalDate closedOn = c.closedAt().atZone(WorkingDayCalendar.ZONE).toLocalDate();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from case_revisit where case_id = :id")
				.param("id", id)
				.query(Long.class)
				.single() == 4);
		assertThat(jdbc.sql("select due_on from case_revisit where case_id = :id order by due_on")
			.param("id", id)
			.query(LocalDate.class)
			.list()).containsExactly(closedOn.plusMonths(3), closedOn.plusMonths(6), closedOn.plusMonths(9),
					closedOn.plusMonths(12));
		String revisits = page(cadre, "/cases/revisits").getContentAsString();
		assertThat(revisits).contains(receipt.trackingCode()).contains(closedOn.plusMonths(3).toString());
		assertThat(page(cadre, mediation).getContentAsString()).contains(closedOn.plusMonths(3).toString());

		// the first revisit finds it unstable: the case comes back
		long first = jdbc.sql("select id from case_revisit where case_id = :id order by due_on fetch first 1 rows only")
			.param("id", id)
			.query(Long.class)
			.single();
		var recorded = flash(cadre, "/cases/revisits/" + first, "stable", "false", "note", "围墙又被推回原处", "reopen",
				"true");
		assertThat(recorded.get("flash")).isEqualTo("revisit.recorded");
		assertThat(desk.view(village, receipt.id()).status()).isEqualTo(CaseStatus.REOPENED);
		assertThat(jdbc.sql("select stable from case_revisit where id = :id")
			.param("id", first)
			.query(Boolean.class)
			.single()).isFalse();
		// recorded once
		assertThat(flash(cadre, "/cases/revisits/" + first, "stable", "true").get("errorKeys"))
			.isEqualTo(List.of("revisit.done.already"));
	}

	@Test
	void zhenbaosCadreCannotSeeChengcaosDisputeAndOtherCasesHaveNoMediation() throws Exception {
		var dispute = desk.report(
				new NewCase(CHENGCAO, "dispute", "邻里噪音纠纷", null, null, null, Channel.QR, null, null, List.of()), null,
				null, null);
		var road = desk.report(new NewCase(CHENGCAO, "infrastructure.road", "村道坑洼", null, null, null, Channel.QR, null,
				null, List.of()), null, null, null);
		Cookie zhenbao = WebSessions.login(mvc, "village-cadre-2", PASSWORD);
		MockHttpServletResponse foreign = page(zhenbao, "/cases/" + dispute.id().value() + "/mediation");
		MockHttpServletResponse missing = page(zhenbao, "/cases/987654321/mediation");
		assertThat(foreign.getStatus()).isEqualTo(404);
		assertThat(foreign.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(submit(zhenbao, "/cases/" + dispute.id().value() + "/mediation/parties", "name", "某人", "side", "A")
			.getStatus()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from mediation_party where case_id = :id")
			.param("id", dispute.id().value())
			.query(Long.class)
			.single()).isZero();
		Cookie chengcao = WebSessions.login(mvc, "village-cadre", PASSWORD);
		assertThat(page(chengcao, "/cases/" + road.id().value() + "/mediation").getStatus()).isEqualTo(404);
		assertThat(page(chengcao, "/cases/" + dispute.id().value() + "/mediation").getStatus()).isEqualTo(200);
		// and 珍宝村's revisit list holds nothing of 橙槽村
		assertThat(page(zhenbao, "/cases/revisits", "all", "true").getContentAsString())
			.doesNotContain(dispute.trackingCode());
		assertThat(new CaseId(dispute.id().value())).isNotNull();
	}

}
