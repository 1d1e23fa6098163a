package org.xiangzhi.cases.web;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.browser.Browser;
import org.xiangzhi.browser.BrowserTest;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cadres' journey in headless Chromium, on a phone-sized window: the village cadre
 * accepts, dispatches, starts and handles a case with an after-photo (each step swapped
 * in by htmx), 苏武镇's administrator verifies it, and the village closes it.
 */
@BrowserTest
class CadreCaseBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String DEMO_PASSWORD = "Xiangzhi@2026";

	@Autowired
	CaseDesk desk;

	@Autowired
	JdbcClient jdbc;

	/** Scrolls the element to the middle of the small screen and clicks it. */
	static void tap(WebElement element) {
		((JavascriptExecutor) browser.driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	void click(String id, String expectedStatus) {
		tap(browser.findById(id));
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), expectedStatus));
	}

	void open(String details) {
		tap(browser.find(By.cssSelector("#" + details + " summary")));
	}

	@Test
	void aCadreHandlesACaseOnAPhoneAndTheTownVerifiesIt() throws Exception {
		long id = desk
			.report(new NewCase("620621110212", "infrastructure.street_light", "浏览器旅程：小学门口路灯坏了", null, "李大爷",
					"13700001111", Channel.QR, null, null, List.of()), null, null, null)
			.id()
			.value();
		long cadreId = jdbc.sql("select id from account where username = 'village-cadre'").query(Long.class).single();
		Path photo = Files.createTempFile("after-", ".png");
		ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());

		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.signIn("village-cadre", DEMO_PASSWORD);
		browser.open("/cases?tab=unit");
		assertThat(browser.findById("queue-rows").getText()).contains("浏览器旅程：小学门口路灯坏了");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#case-row-" + id + " a")));
		assertThat(browser.findById("case-status").getText()).isEqualTo("已提交");
		assertThat(browser.pageText()).contains("李*").contains("137****1111").doesNotContain("13700001111");

		click("action-ACCEPT", "已受理");
		assertThat(browser.findById("desk-done").getText()).isEqualTo("已受理。");

		open("details-DISPATCH");
		browser.select("assigneeAccountId", String.valueOf(cadreId));
		click("action-DISPATCH", "已派遣");
		click("action-START", "办理中");

		open("details-HANDLE");
		browser.type("resultText", "已更换路灯灯泡，晚上亮了");
		browser.findById("photos").sendKeys(photo.toAbsolutePath().toString());
		click("action-HANDLE", "已办结");
		assertThat(browser.findById("photos-after").findElements(By.tagName("img"))).hasSize(1);
		assertThat(browser.find(By.cssSelector("#photos-after img")).getAttribute("naturalWidth")).isNotEqualTo("0");
		assertThat(browser.findById("case-actions").getText()).doesNotContain("核查");
		browser.assertCleanConsole("case detail after handling");
		browser.screenshot("cases-desk-phone-handled");

		browser.signIn("town-admin", DEMO_PASSWORD);
		browser.open("/cases/" + id);
		click("action-VERIFY", "已核查");

		browser.signIn("village-cadre", DEMO_PASSWORD);
		browser.open("/cases/" + id);
		click("action-CLOSE", "已结案");
		String timeline = browser.findById("case-timeline").getText();
		assertThat(timeline).contains("受理")
			.contains("派遣")
			.contains("办结")
			.contains("核查")
			.contains("结案")
			.contains("town-admin");
		browser.assertCleanConsole("closed case");
		browser.screenshot("cases-desk-phone-closed");

		// a 珍宝村 cadre gets the same page as for a case that does not exist
		browser.signIn("village-cadre-2", DEMO_PASSWORD);
		browser.open("/cases/" + id);
		assertThat(browser.pageText()).doesNotContain("浏览器旅程");
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
	}

}
