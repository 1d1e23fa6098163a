package org.xiangzhi.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, driven through Debian's {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver}; nothing is ever downloaded (Selenium Manager is not
 * involved because both paths are given). Register it in a {@link BrowserTest} class:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = new Browser();
 * </pre>
 *
 * Without Chromium the class is skipped, unless {@code CI=true}: then it fails. After
 * each test a screenshot goes to {@code target/browser-screenshots/<test>.png}. The
 * browser console is recorded so that tests can assert that no page violated the
 * Content-Security-Policy or raised a JavaScript error.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	/** How Chromium reports an HTTP error status of a loaded resource in the console. */
	private static final Pattern FAILED_STATUS = Pattern
		.compile("^(\\S+) - Failed to load resource: the server responded with a status of (\\d{3})\\b.*");

	private ChromeDriverService service;

	private ChromeDriver driver;

	private Path userDataDir;

	private String baseUrl;

	private final List<LogEntry> console = new ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
		}
		Assumptions.assumeTrue(installed,
				() -> CHROMIUM + " or " + CHROMEDRIVER + " is missing: browser tests skipped");
		this.userDataDir = Files.createTempDirectory("xiangzhi-chromium-");
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900", "--user-data-dir=" + this.userDataDir, "--lang=zh-CN");
		// a phone or PC in rural China asks for Chinese; the app follows Accept-Language
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logging);
		this.driver = new ChromeDriver(this.service, options);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.baseUrl == null) {
			String port = SpringExtension.getApplicationContext(context)
				.getEnvironment()
				.getRequiredProperty("local.server.port");
			this.baseUrl = "http://localhost:" + port;
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.driver == null) {
			return;
		}
		screenshot(context.getRequiredTestMethod().getName());
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		try {
			if (this.driver != null) {
				this.driver.quit();
			}
		}
		finally {
			this.driver = null;
			if (this.service != null) {
				this.service.stop();
			}
			if (this.userDataDir != null) {
				deleteRecursively(this.userDataDir);
			}
		}
	}

	/** The driver, for whatever the helpers below do not cover. */
	public WebDriver driver() {
		return this.driver;
	}

	/** The absolute address of a path of the application under test. */
	public String url(String path) {
		return this.baseUrl + path;
	}

	/** Opens a path of the application and waits for the page to load. */
	public void open(String path) {
		this.driver.get(url(path));
	}

	/** The path (and query) of the current page. */
	public String currentPath() {
		String current = this.driver.getCurrentUrl();
		return current.startsWith(this.baseUrl) ? current.substring(this.baseUrl.length()) : current;
	}

	public WebElement find(By by) {
		return this.driver.findElement(by);
	}

	public WebElement findById(String id) {
		return find(By.id(id));
	}

	/** Waits until the condition holds (or fails after a generous timeout). */
	public <T> T waitUntil(ExpectedCondition<T> condition) {
		return new WebDriverWait(this.driver, TIMEOUT).until(condition);
	}

	/** Clicks something that loads a new page and waits until the new page is there. */
	public void clickAndWaitForNewPage(WebElement element) {
		// mark the current document; a new page load has no mark (element staleness
		// checks race with ChromeDriver's "node does not belong to the document" errors);
		// scripts
		// may fail while the navigation is under way, so errors only mean "not yet"
		((JavascriptExecutor) this.driver).executeScript("window.__xiangzhiOldPage = true;");
		// a long menu pushes buttons to the window's edge, where overlapping content (the
		// embedded-mode banner, a sticky bar) can intercept the click
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
		new WebDriverWait(this.driver, TIMEOUT).ignoring(org.openqa.selenium.WebDriverException.class)
			.until(driver -> Boolean.TRUE
				.equals(((JavascriptExecutor) driver).executeScript("return window.__xiangzhiOldPage === undefined;")));
		waitUntil(
				driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
	}

	/**
	 * Signs in through the login form (opening it first if needed), after forgetting any
	 * session.
	 */
	public void signIn(String username, String password) {
		forgetCookies();
		open("/login");
		type("username", username);
		type("password", password);
		clickAndWaitForNewPage(find(By.cssSelector("#login-form button[type=submit]")));
		if (currentPath().startsWith("/login")) {
			throw new AssertionError("could not sign in as " + username);
		}
	}

	/** Replaces the value of a text field. */
	public void type(String id, String text) {
		WebElement field = findById(id);
		field.clear();
		field.sendKeys(text);
	}

	/** Chooses the option with this value in a select element. */
	public void select(String id, String value) {
		new Select(findById(id)).selectByValue(value);
	}

	/** Forgets the session and the language choice: the next page is seen anonymously. */
	public void forgetCookies() {
		open("/css/xiangzhi.css");
		this.driver.manage().deleteAllCookies();
	}

	/** Visible text of the whole page. */
	public String pageText() {
		return find(By.tagName("body")).getText();
	}

	/**
	 * Saves a screenshot of the current page under {@code target/browser-screenshots}.
	 */
	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Files.write(SCREENSHOTS.resolve(name + ".png"), this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fails if the console shows, since the last check, a Content-Security-Policy
	 * violation, a JavaScript error or any other error, except the HTTP error statuses of
	 * the page's own address listed in {@code expectedStatuses} (Chromium logs the 403 of
	 * a deliberately opened forbidden page as an error).
	 * @param page what was visited, for the failure message
	 */
	public void assertCleanConsole(String page, int... expectedStatuses) {
		List<String> problems = new ArrayList<>();
		String documentUrl = this.driver.getCurrentUrl();
		for (LogEntry entry : drainConsole()) {
			String message = entry.getMessage();
			boolean csp = message.contains("Content Security Policy") || message.contains("Content-Security-Policy");
			if (!csp && entry.getLevel().intValue() < Level.SEVERE.intValue()) {
				continue;
			}
			if (!csp && (isExpectedStatus(message, documentUrl, expectedStatuses) || isFavicon(message))) {
				continue;
			}
			problems.add(entry.getLevel() + " " + message);
		}
		Assertions.assertEquals(List.of(), problems, () -> "browser console on " + page);
	}

	/**
	 * The HTTP error statuses that the console reported for this address since the last
	 * check.
	 */
	public List<Integer> consoleStatusesOf(String url) {
		List<Integer> statuses = new ArrayList<>();
		for (LogEntry entry : this.console) {
			Matcher matcher = FAILED_STATUS.matcher(entry.getMessage());
			if (matcher.matches() && matcher.group(1).equals(url)) {
				statuses.add(Integer.valueOf(matcher.group(2)));
			}
		}
		return statuses;
	}

	/**
	 * Fetches what the browser logged into the local buffer (Chromium hands each entry
	 * out once).
	 */
	public void collectConsole() {
		this.driver.manage().logs().get(LogType.BROWSER).forEach(this.console::add);
	}

	private List<LogEntry> drainConsole() {
		collectConsole();
		List<LogEntry> entries = new ArrayList<>(this.console);
		this.console.clear();
		return entries;
	}

	/**
	 * Chromium asks for {@code /favicon.ico} on its own; the application has none yet, so
	 * that 404 is not an error of the page.
	 */
	private boolean isFavicon(String message) {
		Matcher matcher = FAILED_STATUS.matcher(message);
		return matcher.matches() && matcher.group(1).equals(url("/favicon.ico"));
	}

	private static boolean isExpectedStatus(String message, String documentUrl, int... expectedStatuses) {
		Matcher matcher = FAILED_STATUS.matcher(message);
		if (!matcher.matches() || !matcher.group(1).equals(documentUrl)) {
			return false;
		}
		int status = Integer.parseInt(matcher.group(2));
		for (int expected : expectedStatuses) {
			if (status == expected) {
				return true;
			}
		}
		return false;
	}

	private static void deleteRecursively(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
