package org.xiangzhi.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.TestIdNumbers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A village cadre keeps the village roster in the browser: registers a household with its
 * head, sees the ID number masked, reveals it, and finds the resident by exact ID number;
 * the cadre of another village finds nothing with the same number.
 */
@BrowserTest
class RegistryJourneyBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String DEMO_PASSWORD = "Xiangzhi@2026";

	@Test
	void aVillageCadreRegistersAHouseholdAndFindsItByIdNumberWhileAnotherVillageCannot() {
		String idNumber = TestIdNumbers.fresh(Gender.FEMALE);
		String name = "浏览器" + Long.toString(System.nanoTime() % 100000, 36);
		browser.signIn("village-cadre", DEMO_PASSWORD);

		browser.clickAndWaitForNewPage(browser.find(By.linkText("户籍台账")));
		assertThat(browser.find(By.tagName("main")).getText()).contains("橙槽村委会");

		browser.open("/registry/households/new");
		browser.select("villageCode", "620621110212");
		browser.type("address", "橙槽村浏览器测试路 1 号");
		browser.type("head.name", name);
		browser.type("head.idNumber", idNumber);
		browser.type("head.phone", "13512345678");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#household-form button[type=submit]")));

		String card = browser.findById("members").getText();
		assertThat(card).contains(name)
			.contains(idNumber.substring(0, 6) + "**********" + idNumber.substring(14))
			.doesNotContain(idNumber)
			.doesNotContain("13512345678");
		assertThat(browser.driver().getPageSource()).doesNotContain(idNumber);

		browser.find(By.cssSelector("#members [id^=id-cell-] button")).click();
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("members"), idNumber));
		browser.assertCleanConsole("household card with reveal");
		browser.screenshot("registry-household-card");

		browser.open("/registry/residents");
		browser.type("idNumber", idNumber);
		browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("results"), name));

		browser.signIn("village-cadre-2", DEMO_PASSWORD);
		browser.open("/registry/residents?idNumber=" + idNumber);
		assertThat(browser.findById("results").getText()).doesNotContain(name);
	}

}
