package org.xiangzhi.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journeys of account administration, in a real (headless) browser: Chinese
 * login, a county administrator creating a village cadre, validation messages, the forced
 * password change, scope, and the English switch. Every page visited must be free of
 * Content-Security-Policy violations and JavaScript errors.
 *
 * <p>
 * Each journey starts from a fresh anonymous session. Journeys 4 and 5 use the cadre that
 * journey 2 creates, or create one themselves when run alone.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountJourneyBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	private static final String DEMO_PASSWORD = "Xiangzhi@2026";

	private static final String CADRE_PASSWORD = "Chengcao-Cadre-2026";

	private static final String CADRE_PHONE = "13812345678";

	private static final String CHENGCAO = "620621110212";

	private static final Pattern ACCOUNT_PATH = Pattern.compile("/accounts/(\\d+)");

	/** The account that journey 2 creates. */
	private static Cadre cadre;

	record Cadre(String username, long id) {
	}

	@Test
	@Order(1)
	void aVisitorIsSentToTheChineseLoginPageAndTheCountyAdminSeesTheirAssignmentAfterSigningIn() {
		browser.forgetCookies();
		browser.open("/");
		assertThat(browser.currentPath()).isEqualTo("/login");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("登录乡治");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		assertThat(browser.driver().getTitle()).isEqualTo("登录");
		assertBootstrapLoaded();
		browser.assertCleanConsole("/login");

		signIn("county-admin", DEMO_PASSWORD);
		assertThat(browser.currentPath()).as("back to the page first asked for (Spring Security's ?continue)")
			.isEqualTo("/?continue");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("欢迎，county-admin");
		assertThat(browser.findById("assignments").getText()).contains("县级管理员 · 民勤县");
		browser.assertCleanConsole("/ (home of county-admin)");
	}

	@Test
	@Order(2)
	void theCountyAdminCreatesAVillageCadreWhosePhoneStaysMaskedUntilRevealed() {
		browser.forgetCookies();
		signIn("county-admin", DEMO_PASSWORD);
		cadre = createCadre(uniqueUsername("cadre"));

		assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("账号已创建，首次登录时须修改初始密码。");
		assertThat(browser.find(By.tagName("h1")).getText()).contains("橙槽村测试干部").contains(cadre.username());
		assertThat(browser.findById("role-table").getText()).contains("村干部").contains(CHENGCAO);
		assertThat(browser.findById("phone-value").getText()).isEqualTo("138****5678");
		assertThat(browser.driver().getPageSource()).doesNotContain(CADRE_PHONE);
		browser.assertCleanConsole("/accounts/" + cadre.id());

		WebElement reveal = browser.find(By.xpath("//button[normalize-space()='查看完整号码']"));
		String detailPath = browser.currentPath();
		reveal.click();
		browser.waitUntil(ExpectedConditions.textToBe(By.id("phone-value"), CADRE_PHONE));
		assertThat(browser.findById("phone-value").getAttribute("class")).contains("revealed");
		assertThat(browser.currentPath()).as("htmx swapped the number in, no page load").isEqualTo(detailPath);
		browser.assertCleanConsole("/accounts/" + cadre.id() + " after revealing the phone");
	}

	@Test
	@Order(3)
	void anInvalidNewAccountIsRejectedWithChineseMessagesNextToTheFieldsAndNothingIsCreated() {
		browser.forgetCookies();
		signIn("county-admin", DEMO_PASSWORD);
		String username = uniqueUsername("invalid");
		browser.open("/accounts/new");
		browser.type("username", username);
		browser.type("displayName", "无效测试");
		browser.type("phone", "1381234");
		browser.type("password", "Short-1");
		browser.select("role", "VILLAGE_CADRE");
		browser.select("placeCode", CHENGCAO);
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#account-form button[type=submit]")));

		assertThat(browser.currentPath()).isEqualTo("/accounts");
		assertThat(browser.findById("phone").getAttribute("class")).contains("is-invalid");
		assertThat(feedbackFor("phone")).isEqualTo("请输入 11 位手机号码");
		assertThat(browser.findById("username").getAttribute("value")).as("the form keeps what was typed")
			.isEqualTo(username);
		assertThat(browser.findById("password").getAttribute("value")).as("a password is never sent back").isEmpty();
		browser.assertCleanConsole("POST /accounts with a bad phone");

		// The password policy is checked only once the fields pass bean validation (see
		// AccountController.create), so the short password is reported in a second round.
		browser.type("phone", CADRE_PHONE);
		browser.type("password", "Short-1");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#account-form button[type=submit]")));
		assertThat(browser.currentPath()).isEqualTo("/accounts");
		assertThat(browser.findById("password").getAttribute("class")).contains("is-invalid");
		assertThat(feedbackFor("password")).contains("密码至少需要 12 个字符");
		assertThat(browser.findById("phone").getAttribute("class")).doesNotContain("is-invalid");
		browser.assertCleanConsole("POST /accounts with a short password");

		browser.open("/accounts");
		searchAccounts("county-admin");
		assertThat(browser.findById("results").findElements(By.linkText("county-admin"))).hasSize(1);
		searchAccounts(username);
		assertThat(browser.findById("results").getText()).contains("没有符合条件的账号。").doesNotContain(username);
		browser.assertCleanConsole("/accounts search");
	}

	@Test
	@Order(4)
	void theNewCadreMustChangeTheInitialPasswordAndThenOnlyReadsTheOwnVillagesDirectory() {
		Cadre cadre = cadre();
		browser.forgetCookies();
		signIn("county-admin", DEMO_PASSWORD);
		browser.clickAndWaitForNewPage(browser.find(By.xpath("//nav//button[normalize-space()='退出登录']")));
		assertThat(browser.currentPath()).isEqualTo("/login?logout");
		assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("您已安全退出。");
		browser.assertCleanConsole("/login?logout");

		signIn(cadre.username(), CADRE_PASSWORD);
		assertThat(browser.currentPath()).isEqualTo("/account/password");
		browser.open("/");
		assertThat(browser.currentPath()).as("nothing else until the password is changed")
			.isEqualTo("/account/password");
		browser.type("currentPassword", CADRE_PASSWORD);
		browser.type("newPassword", "Minqin-Village-2027");
		browser.type("confirmPassword", "Minqin-Village-2027");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#password-form button[type=submit]")));

		assertThat(browser.currentPath()).isEqualTo("/");
		assertThat(browser.find(By.cssSelector("[role=status]")).getText()).isEqualTo("密码已修改。");
		assertThat(browser.findById("assignments").getText()).contains("村干部 · 橙槽村委会");
		browser.assertCleanConsole("/account/password and / of the cadre");

		// the cadre reads the directory of the own village, and manages nothing
		browser.open("/accounts");
		String directory = browser.find(By.tagName("main")).getText();
		assertThat(directory).contains(cadre.username()).contains("party-member").doesNotContain("village-cadre-2");
		assertThat(directory).doesNotContain("新建账号");
		browser.open("/accounts/" + cadre.id());
		assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("重置密码").doesNotContain("查看完整号码");
		assertForbidden("/accounts/new");
	}

	@Test
	@Order(5)
	void aTownAdminOfAnotherCountyGetsTheSameNotFoundPageForTheCadreAsForAMissingAccount() {
		Cadre cadre = cadre();
		browser.forgetCookies();
		signIn("qingshui-admin", DEMO_PASSWORD);

		String outOfScope = notFoundPage("/accounts/" + cadre.id());
		String missing = notFoundPage("/accounts/99999999");
		assertThat(outOfScope).contains("未找到").doesNotContain(cadre.username());
		assertThat(outOfScope).isEqualTo(missing);
	}

	@Test
	@Order(6)
	void theEnglishSwitchOnTheLoginPageCarriesOverToTheSignedInNavigation() {
		browser.forgetCookies();
		browser.open("/login");
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("登录乡治");
		browser.clickAndWaitForNewPage(browser.find(By.linkText("English")));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in to Xiangzhi");
		assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		browser.assertCleanConsole("/login?lang=en");

		signIn("county-admin", DEMO_PASSWORD);
		WebElement nav = browser.findById("nav");
		assertThat(nav.findElements(By.linkText("Accounts"))).hasSize(1);
		assertThat(nav.findElements(By.xpath(".//button[normalize-space()='Sign out']"))).hasSize(1);
		assertThat(browser.findById("assignments").getText()).contains("County administrator");
		browser.assertCleanConsole("/ in English");
	}

	private static void signIn(String username, String password) {
		if (!browser.currentPath().startsWith("/login")) {
			browser.open("/login");
		}
		browser.type("username", username);
		browser.type("password", password);
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#login-form button[type=submit]")));
		assertThat(browser.currentPath()).as("signed in as " + username).doesNotStartWith("/login");
	}

	/** Creates a village cadre of 橙槽村委会 through the form; leaves its detail page open. */
	private static Cadre createCadre(String username) {
		browser.open("/accounts");
		browser.clickAndWaitForNewPage(browser.find(By.linkText("新建账号")));
		assertThat(browser.currentPath()).isEqualTo("/accounts/new");
		browser.type("username", username);
		browser.type("displayName", "橙槽村测试干部");
		browser.type("phone", CADRE_PHONE);
		browser.type("password", CADRE_PASSWORD);
		browser.select("role", "VILLAGE_CADRE");
		browser.select("placeCode", CHENGCAO);
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#account-form button[type=submit]")));
		Matcher path = ACCOUNT_PATH.matcher(browser.currentPath());
		assertThat(path.matches()).as("detail page of the new account, not " + browser.currentPath()).isTrue();
		return new Cadre(username, Long.parseLong(path.group(1)));
	}

	/** The cadre of journey 2, or a new one when that journey did not run. */
	private static Cadre cadre() {
		if (cadre == null) {
			browser.forgetCookies();
			signIn("county-admin", DEMO_PASSWORD);
			cadre = createCadre(uniqueUsername("cadre"));
			browser.assertCleanConsole("creating a cadre");
		}
		return cadre;
	}

	private static String uniqueUsername(String prefix) {
		return "browser-" + prefix + "-" + Long.toString(System.nanoTime(), 36);
	}

	/** The error message shown next to (after) a form field. */
	private static String feedbackFor(String fieldId) {
		WebElement feedback = browser.find(By.cssSelector("#" + fieldId + " ~ .invalid-feedback"));
		assertThat(feedback.isDisplayed()).as("error next to " + fieldId + " is visible").isTrue();
		return feedback.getText();
	}

	/**
	 * Types into the live search (htmx) and waits until the results are for this query.
	 */
	private static void searchAccounts(String query) {
		browser.type("q", query);
		browser.waitUntil(ExpectedConditions.urlContains("q=" + query));
		browser.waitUntil(driver -> {
			WebElement results = browser.findById("results");
			return results.getText().contains(query) || results.getText().contains("没有符合条件的账号。");
		});
	}

	private static void assertForbidden(String path) {
		browser.open(path);
		assertThat(browser.driver().getTitle()).as(path).isEqualTo("无权访问");
		assertThat(browser.find(By.tagName("h1")).getText()).as(path).isEqualTo("无权访问");
		browser.collectConsole();
		assertThat(browser.consoleStatusesOf(browser.url(path))).as("HTTP status of " + path).containsExactly(403);
		browser.assertCleanConsole(path, 403);
	}

	/** Opens a path that must answer with the 404 page; returns the page's source. */
	private static String notFoundPage(String path) {
		browser.open(path);
		assertThat(browser.driver().getTitle()).as(path).isEqualTo("未找到");
		assertThat(browser.find(By.tagName("h1")).getText()).as(path).isEqualTo("未找到");
		browser.collectConsole();
		assertThat(browser.consoleStatusesOf(browser.url(path))).as("HTTP status of " + path).containsExactly(404);
		browser.assertCleanConsole(path, 404);
		return browser.driver().getPageSource();
	}

	/**
	 * Bootstrap's stylesheet is applied: the primary button is not the browser's default
	 * grey.
	 */
	private static void assertBootstrapLoaded() {
		WebElement submit = browser.find(By.cssSelector("#login-form button[type=submit]"));
		assertThat(submit.getCssValue("background-color")).isEqualTo("rgba(220, 53, 69, 1)");
	}

}
