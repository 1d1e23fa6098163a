package org.xiangzhi.cases.mediation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.browser.Browser;
import org.xiangzhi.browser.BrowserTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.clock.OverdueJob;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.cases.time.OverduePolicy;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium: a dispute is mediated on its page, closed, and its quarterly revisit
 * appears and is recorded; a case left alone escalates to 苏武镇, whose administrator finds
 * the notice in the inbox and the case in the overdue ledger.
 */
@BrowserTest
class DisputeJourneyBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String PASSWORD = "Xiangzhi@2026";

	static final String CHENGCAO = "620621110212";

	@Autowired
	CaseDesk desk;

	@Autowired
	CaseStore store;

	@Autowired
	CasePhotos photos;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OverdueJob overdue;

	@Autowired
	Places places;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	CaseSettings settings;

	Actor account(String username) {
		return org.xiangzhi.platform.TestActors.account(jdbc, username);
	}

	void setDate(String id, LocalDate date) {
		((JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, date.toString());
	}

	void submit(String formId) {
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#" + formId + " button[type=submit]")));
	}

	@Test
	void aDisputeIsMediatedClosedAndRevisited() throws Exception {
		var receipt = desk.report(
				new NewCase(CHENGCAO, "dispute", "浏览器测试：两户争水渠", null, null, null, Channel.QR, null, null, List.of()),
				null, null, null);
		browser.signIn("village-cadre", PASSWORD);
		browser.open("/cases/" + receipt.id().value() + "/mediation");
		browser.select("mediatorKind", "STUDIO");
		browser.type("mediatorName", "“娟子式”调解工作室");
		submit("mediator-form");
		assertThat(browser.findById("mediator").getText()).contains("“娟子式”调解工作室");
		browser.type("partyName", "上游李某");
		browser.select("side", "A");
		submit("party-form");
		browser.type("partyName", "下游王某");
		browser.select("side", "B");
		submit("party-form");
		LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
		setDate("heldOn", today);
		browser.type("location", "村委会");
		browser.type("recordText", "双方同意轮流用水");
		submit("session-form");
		browser.type("agreementText", "单日上游、双日下游用水");
		// the checkbox sits under its label in a narrow column: tick it as a keyboard
		// would
		browser.find(By.id("agreementSigned")).sendKeys(" ");
		browser.select("outcome", "AGREED");
		submit("agreement-form");
		assertThat(browser.findById("parties").getText()).contains("上游李某").contains("下游王某");
		assertThat(browser.findById("sessions").getText()).contains("双方同意轮流用水");
		assertThat(browser.findById("agreement").getText()).contains("调解成功").contains("双方已签字");
		browser.assertCleanConsole("mediation page");
		browser.screenshot("dispute-mediation");

		Actor village = account("village-cadre");
		CaseRecord c = desk.act(village, receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		long photo = photos.store(png.toByteArray(), CasePhotos.Kind.AFTER, "test").id();
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("已调解", List.of(photo)));
		c = desk.act(account("town-admin"), c.id(), CaseCommand.of(CaseAction.VERIFY, c.version()));
		desk.act(village, c.id(), CaseCommand.of(CaseAction.CLOSE, c.version()));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from case_revisit where case_id = :id")
				.param("id", receipt.id().value())
				.query(Long.class)
				.single() > 0);

		browser.clickAndWaitForNewPage(browser.find(By.linkText("季回访")));
		assertThat(browser.findById("revisits").getText()).contains(receipt.trackingCode());
		browser.assertCleanConsole("revisits");
		browser.screenshot("dispute-revisits");
	}

	@Test
	void anOverdueCaseEscalatesAndTheTownSeesItInTheInboxAndTheLedger() {
		String code = "620621110B" + Long.toString(System.nanoTime(), 36);
		Place village = places.addIfAbsent(code, "浏览器超期村", PlaceLevel.VILLAGE, "620621110");
		var receipt = desk.report(new NewCase(village.code(), "infrastructure.road", "浏览器测试：桥塌了", null, null, null,
				Channel.QR, null, null, List.of()), null, null, null);
		CaseRecord reported = store.find(receipt.id()).orElseThrow();
		OverduePolicy policy = new OverduePolicy(calendar, settings.overdueGraceWorkingDays());
		overdue.scan(reported.deadlines().accept().plusSeconds(3600), village.path());
		overdue.scan(policy.escalatesAt(reported.deadlines().accept()), village.path());
		assertThat(store.find(receipt.id()).orElseThrow().unitCode()).isEqualTo("620621110");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from inbox_message where args = :a")
				.param("a", receipt.trackingCodeDisplay())
				.query(Long.class)
				.single() > 0);

		browser.signIn("town-admin", PASSWORD);
		browser.clickAndWaitForNewPage(browser.find(By.linkText("站内信")));
		assertThat(browser.findById("inbox-messages").getText())
			.contains("案件 " + receipt.trackingCodeDisplay() + " 已超过受理时限");
		browser.open("/cases/overdue-ledger?place=620621110");
		assertThat(browser.findById("ledger-units").getText()).contains("浏览器超期村");
		browser.assertCleanConsole("inbox and ledger");
		browser.screenshot("overdue-ledger");
	}

}
