package org.xiangzhi.cases.intake;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.intake.ResidentForms.Opened;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;

/**
 * Security checklist 26: over a rate limit → a generic 429; the honeypot filled → dropped
 * with a thank-you and nothing created; a form sent back too fast → refused; no CSRF
 * token → 403. The limits are counted in the database, so they hold across nodes.
 */
@IntegrationTest
class PublicReportAbuseIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IntakeSettings settings;

	long casesWith(String marker) {
		return jdbc.sql("select count(*) from case_record where description like :m")
			.param("m", "%" + marker + "%")
			.query(Long.class)
			.single();
	}

	MockHttpServletResponse send(String address, Cookie device, String text) throws Exception {
		Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		var request = ResidentForms.report(CHENGCAO, form.token(), "other", text, address);
		if (device != null) {
			request.cookie(device);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	@Test
	void oneDeviceOverItsLimitGetsTheGeneric429() throws Exception {
		String marker = ResidentForms.marker("device");
		Cookie device = ResidentForms.open(mvc, CHENGCAO, ResidentForms.freshAddress()).device();
		for (int i = 0; i < settings.reportsPerDevice(); i++) {
			// a phone moving between cell towers: a new address each time, one device
			assertThat(send(ResidentForms.freshAddress(), device, marker + " " + i).getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse over = send(ResidentForms.freshAddress(), device, marker + " over");
		assertThat(over.getStatus()).isEqualTo(429);
		assertThat(over.getContentAsString()).contains("请稍后再试").doesNotContain(marker, "设备", "XZDEV");
		assertThat(casesWith(marker)).isEqualTo(settings.reportsPerDevice().longValue());
	}

	@Test
	void oneAddressOverItsLimitGetsTheGeneric429AndTheCounterHoldsNoAddress() throws Exception {
		String marker = ResidentForms.marker("address");
		String address = ResidentForms.freshAddress();
		for (int i = 0; i < settings.reportsPerAddress(); i++) {
			// a bot that throws its cookies away: a new device each time, one address
			assertThat(send(address, null, marker + " " + i).getStatus()).isEqualTo(302);
		}
		MockHttpServletResponse over = send(address, null, marker + " over");
		assertThat(over.getStatus()).isEqualTo(429);
		assertThat(casesWith(marker)).isEqualTo(settings.reportsPerAddress().longValue());
		assertThat(jdbc.sql("select count(*) from intake_rate where bucket like :a")
			.param("a", "%" + address + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select max(hits) from intake_rate").query(Integer.class).single())
			.isGreaterThanOrEqualTo(settings.reportsPerAddress());
	}

	@Test
	void aFilledHoneypotIsDroppedWithAThankYouAndNothingIsCreated() throws Exception {
		String marker = ResidentForms.marker("honeypot");
		String address = ResidentForms.freshAddress();
		Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		MockHttpServletResponse response = mvc
			.perform(ResidentForms.report(CHENGCAO, form.token(), "other", marker, address)
				.param("website", "http://spam.example"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("谢谢").doesNotContain("查询码");
		assertThat(casesWith(marker)).isZero();
	}

	@Test
	void aFormSentBackWithinSecondsIsRefusedAndWorksWhenSentAgainLater() throws Exception {
		String marker = ResidentForms.marker("fast");
		String address = ResidentForms.freshAddress();
		Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		MockHttpServletResponse fast = mvc
			.perform(ResidentForms.report(CHENGCAO, form.token(), "other", marker, address))
			.andReturn()
			.getResponse();
		assertThat(fast.getStatus()).isEqualTo(422);
		assertThat(fast.getContentAsString()).contains("提交得太快了", form.token());
		assertThat(casesWith(marker)).isZero();
		// the person reads it over and sends the same form again
		ResidentForms.filledInSlowly(jdbc, form.token());
		assertThat(mvc.perform(ResidentForms.report(CHENGCAO, form.token(), "other", marker, address))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(302);
		assertThat(casesWith(marker)).isEqualTo(1);
	}

	@Test
	void withoutTheCsrfTokenTheReportIsForbidden() throws Exception {
		String marker = ResidentForms.marker("csrf");
		String address = ResidentForms.freshAddress();
		Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		MockHttpServletResponse response = mvc
			.perform(multipart("/r/{code}", CHENGCAO).param("submissionToken", form.token())
				.param("category", "other")
				.param("description", marker)
				.with(ResidentForms.from(address)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(casesWith(marker)).isZero();
	}

}
