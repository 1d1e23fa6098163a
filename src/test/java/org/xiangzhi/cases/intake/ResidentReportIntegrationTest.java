package org.xiangzhi.cases.intake;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO_G01;

/**
 * A resident's round over HTTP: the report page of a village or grid, the report with a
 * photo, the receipt on the tracking page, and — once the village has handled it —
 * confirmation, rejection and rating.
 */
@IntegrationTest
class ResidentReportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	Actor villageCadre() {
		return ResidentForms.account(jdbc, "village-cadre");
	}

	String reportFrom(String place, String category, String text) throws Exception {
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, place, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		return ResidentForms.trackingCode(mvc
			.perform(ResidentForms.report(place, form.token(), category, text, address)
				.file(ResidentForms.photo(ResidentForms.jpeg(64, 48), "p.jpg", "image/jpeg")))
			.andReturn()
			.getResponse());
	}

	/** Accepts, dispatches, starts and handles the case with an after-photo. */
	CaseRecord handled(String code) {
		Actor village = villageCadre();
		CaseRecord c = desk.tracked(code).orElseThrow();
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.ACCEPT, c.version()));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		long after = photos.store(ResidentForms.png(40, 30), CasePhotos.Kind.AFTER, "village-cadre").id();
		return desk.act(village, c.id(),
				CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("已经修好了", List.of(after)));
	}

	@Test
	void theReportPageOfAVillageOffersTheCountysCategoriesAndTheNotice() throws Exception {
		String html = ResidentForms.open(mvc, CHENGCAO, ResidentForms.freshAddress()).html();
		assertThat(html).contains("橙槽村", "苏武镇", "infrastructure.street_light", "路灯", "基础设施（其他）",
				"id=\"privacy-notice\"", "name=\"website\"", "enctype=\"multipart/form-data\"", "_csrf");
		assertThat(html).doesNotContain("bootstrap", "<script>");
	}

	@Test
	void aGridHasAReportPageTooAndUnknownPlacesAreNotFound() throws Exception {
		assertThat(ResidentForms.open(mvc, CHENGCAO_G01, ResidentForms.freshAddress()).html()).contains("橙槽村");
		MockHttpServletResponse unknown = mvc.perform(get("/r/999999999999")).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).contains("message-title");
		// a town is not a place to report for
		assertThat(mvc.perform(get("/r/620621110")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aReportWithAPhotoRedirectsToItsTrackingPageWithTheReceipt() throws Exception {
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		MockHttpServletResponse sent = mvc
			.perform(ResidentForms.report(CHENGCAO, form.token(), "infrastructure.street_light", "村口路灯不亮", address)
				.file(ResidentForms.photo(ResidentForms.jpeg(64, 48), "light.jpg", "image/jpeg"))
				.cookie(form.device()))
			.andReturn()
			.getResponse();
		String code = ResidentForms.trackingCode(sent);
		CaseRecord c = desk.tracked(code).orElseThrow();
		assertThat(c.description()).isEqualTo("村口路灯不亮");
		assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
		assertThat(photos.of(c.id())).extracting(CasePhotos.Photo::kind).containsExactly(CasePhotos.Kind.BEFORE);

		MockHttpServletResponse page = mvc
			.perform(get(sent.getRedirectedUrl()).cookie(sent.getCookie(WebSessions.COOKIE)))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(c.trackingCodeDisplay(), "id=\"receipt\"", "已提交", "路灯", "橙槽村");
		// typed with dashes, lower case and an O for a zero: the same case
		String typed = c.trackingCodeDisplay().toLowerCase().replace('0', 'o');
		assertThat(mvc.perform(get("/track").param("code", typed)).andReturn().getResponse().getRedirectedUrl())
			.isEqualTo("/track/" + code);
	}

	@Test
	void anUnknownTrackingCodeIsNotFound() throws Exception {
		assertThat(mvc.perform(get("/track/0000-0000-0000")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/track").param("code", "nonsense")).andReturn().getResponse().getContentAsString())
			.contains("12");
	}

	@Test
	void onceHandledTheReporterConfirmsAndRatesFiveStars() throws Exception {
		String code = reportFrom(CHENGCAO, "infrastructure.road", "村道有个大坑");
		CaseRecord c = handled(code);
		String page = mvc.perform(get("/track/" + code)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("已办结", "已经修好了", "confirm-form", "reject-form", "rate-form",
				"/track/" + code + "/photos/");
		assertThat(page).doesNotContain("village-cadre");

		MockHttpServletResponse confirmed = mvc
			.perform(post("/track/{code}/confirm", code).param("version", String.valueOf(c.version())).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(confirmed.getRedirectedUrl()).isEqualTo("/track/" + code);
		assertThat(desk.tracked(code).orElseThrow().reporterConfirmed()).isTrue();
		assertThat(desk.tracked(code).orElseThrow().status()).isEqualTo(CaseStatus.VERIFIED);

		mvc.perform(post("/track/{code}/rate", code).param("stars", "5").param("comment", "很满意").with(csrf()));
		CaseRecord rated = desk.tracked(code).orElseThrow();
		assertThat(rated.satisfaction()).isEqualTo(5);
		assertThat(rated.satisfactionComment()).isEqualTo("很满意");
		String after = mvc.perform(get("/track/" + code)).andReturn().getResponse().getContentAsString();
		assertThat(after).contains("5 星").doesNotContain("rate-form", "confirm-form");
	}

	@Test
	void aRejectedResolutionReopensTheCaseAndAStaleFormSaysSoInTheUsersLanguage() throws Exception {
		String code = reportFrom(CHENGCAO, "infrastructure.water", "自来水又停了");
		CaseRecord c = handled(code);
		mvc.perform(post("/track/{code}/reject", code).param("version", String.valueOf(c.version()))
			.param("reason", "还是没有水")
			.with(csrf()));
		CaseRecord reopened = desk.tracked(code).orElseThrow();
		assertThat(reopened.status()).isEqualTo(CaseStatus.REOPENED);
		assertThat(mvc.perform(get("/track/" + code)).andReturn().getResponse().getContentAsString()).contains("还是没有水",
				"已重办");

		// the same (now stale) form again, in English
		MockHttpServletResponse stale = mvc
			.perform(post("/track/{code}/confirm", code).param("version", String.valueOf(c.version()))
				.cookie(new Cookie("XZLANG", "en"))
				.with(csrf()))
			.andReturn()
			.getResponse();
		Object error = mvc.perform(get(stale.getRedirectedUrl()).cookie(new Cookie("XZLANG", "en")))
			.andReturn()
			.getFlashMap()
			.get("error");
		assertThat(stale.getStatus()).isEqualTo(302);
		assertThat((String) stale.getHeader("Location")).isEqualTo("/track/" + code);
		assertThat(error == null ? "" : error.toString()).doesNotContain("当前");
	}

	@Test
	void aRatingBeforeTheCaseIsHandledIsRefusedWithAMessage() throws Exception {
		String code = reportFrom(CHENGCAO, "other", "想问个事");
		MockHttpServletResponse early = mvc.perform(post("/track/{code}/rate", code).param("stars", "4").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(early.getStatus()).isEqualTo(302);
		assertThat(desk.tracked(code).orElseThrow().satisfaction()).isNull();
	}

}
