package org.xiangzhi.cases.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;

/**
 * Security checklist 25: the report form shows the PIPL art. 17 notice before the submit
 * button (who processes, for what, what is kept, how long, the rights, whom to ask); an
 * anonymous report stores no name, phone, IP address or user agent — in the case, its
 * timeline, its photos or the form token; the tracking page shows no personal data.
 */
@IntegrationTest
class PublicReportPrivacyIntegrationTest {

	static final String USER_AGENT = "Mozilla/5.0 (Linux; Android 13; PrivacyProbe-7731)";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseDesk desk;

	@Test
	void theFormShowsTheArticle17NoticeBeforeTheSubmitButton() throws Exception {
		String html = ResidentForms.open(mvc, CHENGCAO, ResidentForms.freshAddress()).html();
		int notice = html.indexOf("id=\"privacy-notice\"");
		assertThat(notice).isPositive().isLessThan(html.indexOf("id=\"submit\""));
		assertThat(html).contains("个人信息处理告知", "处理者：民勤县人民政府", "目的：", "处理的信息：", "保存期限：", "您的权利：", "联系方式：",
				"匿名反映不保存姓名、电话、IP 地址或设备信息");
		String english = mvc.perform(get("/r/{code}", CHENGCAO).param("lang", "en"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("How we handle your personal information", "Government of 民勤县", "How long:",
				"Your rights:");
	}

	@Test
	void anAnonymousReportKeepsNoNamePhoneAddressOrUserAgent() throws Exception {
		String marker = ResidentForms.marker("anon");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		String code = ResidentForms.trackingCode(
				mvc.perform(ResidentForms.report(CHENGCAO, form.token(), "environment", "匿名反映 " + marker, address)
					.file(ResidentForms.photo(ResidentForms.png(20, 20), "x.png", "image/png"))
					.header("User-Agent", USER_AGENT)).andReturn().getResponse());
		CaseRecord c = desk.tracked(code).orElseThrow();
		assertThat(c.reporterNameEnc()).isNull();
		assertThat(c.reporterPhoneEnc()).isNull();
		assertThat(c.anonymous()).isTrue();
		assertThat(c.createdBy()).isNull();

		List<Map<String, Object>> rows = new ArrayList<>();
		rows.addAll(
				jdbc.sql("select * from case_record where id = :id").param("id", c.id().value()).query().listOfRows());
		rows.addAll(jdbc.sql("select * from case_event where case_id = :id")
			.param("id", c.id().value())
			.query()
			.listOfRows());
		rows.addAll(jdbc.sql("select * from case_photo where case_id = :id")
			.param("id", c.id().value())
			.query()
			.listOfRows());
		rows.addAll(
				jdbc.sql("select * from submission where token = :t").param("t", form.token()).query().listOfRows());
		rows.addAll(jdbc.sql("select * from intake_rate").query().listOfRows());
		assertThat(rows).hasSizeGreaterThan(4);
		for (Map<String, Object> row : rows) {
			for (Object value : row.values()) {
				String text = String.valueOf(value);
				assertThat(text).as("no column keeps the address or the user agent")
					.doesNotContain(address)
					.doesNotContain("PrivacyProbe");
			}
		}
		assertThat(jdbc.sql("select count(*) from case_record where reporter_phone_bidx is not null and id = :id")
			.param("id", c.id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNamedReportKeepsNameAndPhoneEncryptedAndTheTrackingPageShowsNeither() throws Exception {
		String marker = ResidentForms.marker("named");
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		String code = ResidentForms
			.trackingCode(mvc.perform(ResidentForms.report(CHENGCAO, form.token(), "other", "留名反映 " + marker, address)
				.param("name", "张秀英")
				.param("phone", "13912345678")).andReturn().getResponse());
		CaseRecord c = desk.tracked(code).orElseThrow();
		assertThat(c.reporterNameEnc()).isNotNull().doesNotContain("张秀英");
		assertThat(c.reporterPhoneEnc()).isNotNull().doesNotContain("13912345678");
		String page = mvc.perform(get("/track/" + code)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(c.trackingCodeDisplay()).doesNotContain("张秀英", "13912345678", "5678");
	}

}
