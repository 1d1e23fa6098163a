package org.xiangzhi.party;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.browser.Browser;
import org.xiangzhi.browser.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium: the 橙槽村 secretary finds the branch, saves the link suggestion and sees
 * full coverage; the demo party member, on a phone-sized window, opens their page, logs a
 * visit to one of their households and sees it; the secretary approves the visit's points
 * and the member sees them.
 */
@BrowserTest
class PartyJourneyBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String PASSWORD = "Xiangzhi@2026";

	static final String CHENGCAO = "620621110212";

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSecretarySeesCoverageTheMemberLogsAVisitOnThePhoneAndThePointsAreApproved() {
		browser.signIn("village-cadre", PASSWORD);
		browser.open("/party/orgs");
		assertThat(browser.find(By.tagName("main")).getText()).contains("橙槽村党支部");
		browser.assertCleanConsole("party organisations");
		// the secretary runs the suggestion and saves it (other tests sharing the
		// database may
		// have registered households since the demo linked them all)
		browser.open("/party/links/" + CHENGCAO + "/suggestion");
		if (!browser.driver().findElements(By.id("save-suggestion")).isEmpty()) {
			browser.clickAndWaitForNewPage(browser.findById("save-suggestion"));
		}
		browser.assertCleanConsole("link suggestion");
		browser.open("/party/links/" + CHENGCAO + "/coverage");
		assertThat(browser.findById("uncovered-count").getText()).isEqualTo("0");
		browser.assertCleanConsole("link coverage");

		browser.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			browser.signIn("party-member", PASSWORD);
			browser.open("/party/me");
			assertThat(browser.find(By.cssSelector("a[href='/party/me/visits']")).isDisplayed()).isTrue();
			browser.assertCleanConsole("member hub");
			browser.open("/party/me/visits");
			Select household = new Select(browser.findById("householdId"));
			household.selectByIndex(1);
			String householdId = household.getFirstSelectedOption().getAttribute("value");
			browser.select("kind", "ROUTINE");
			browser.type("notes", "浏览器测试：上门宣讲医保缴费政策");
			browser.clickAndWaitForNewPage(
					browser.find(By.cssSelector("form[action='/party/me/visits'] button[type=submit]")));
			assertThat(browser.find(By.tagName("main")).getText()).contains("浏览器测试：上门宣讲医保缴费政策");
			browser.assertCleanConsole("member visits");

			long visit = jdbc.sql("select max(id) from party_visit where household_id = :h")
				.param("h", Long.parseLong(householdId))
				.query(Long.class)
				.single();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("select count(*) from party_point_award where source_ref = :s")
					.param("s", "visit:" + visit)
					.query(Long.class)
					.single() == 1);
			long award = jdbc.sql("select id from party_point_award where source_ref = :s")
				.param("s", "visit:" + visit)
				.query(Long.class)
				.single();

			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			browser.signIn("village-cadre", PASSWORD);
			browser.open("/party/points?unit=" + CHENGCAO);
			WebElement approve = browser
				.find(By.cssSelector("#award-" + award + " form[action$='/approve'] button[type=submit]"));
			browser.clickAndWaitForNewPage(approve);
			assertThat(jdbc.sql("select status from party_point_award where id = :id")
				.param("id", award)
				.query(String.class)
				.single()).isEqualTo("APPROVED");
			browser.assertCleanConsole("points approval");

			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.signIn("party-member", PASSWORD);
			browser.open("/party/me/points");
			assertThat(browser.find(By.cssSelector("[data-status='APPROVED']")).isDisplayed()).isTrue();
			browser.assertCleanConsole("member points");
		}
		finally {
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
		}
	}

}
