package org.xiangzhi.browser;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident scans 橙槽村's QR code, reports a broken street light with a photo and gets a
 * tracking code; the village handles the case (accept, dispatch, start, handle with an
 * after-photo); the resident opens the tracking page, confirms and rates five stars.
 */
@BrowserTest
class ResidentReportBrowserTest {

	@RegisterExtension
	static final Browser browser = new Browser();

	static final String CHENGCAO = "620621110212";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	Actor villageCadre() {
		return jdbc
			.sql("select a.id, r.place_code, r.org_path from account a join role_assignment r on r.account_id = a.id "
					+ "where a.username = 'village-cadre'")
			.query((rs, i) -> new Actor(rs.getLong("id"), "village-cadre",
					List.of(new Actor.Assignment(Role.VILLAGE_CADRE, rs.getString("place_code"),
							OrgPath.of(rs.getString("org_path"))))))
			.single();
	}

	static Path photoFile() throws Exception {
		var image = new java.awt.image.BufferedImage(320, 240, java.awt.image.BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 320; x++) {
			image.setRGB(x, x % 240, 0xffcc00);
		}
		Path file = Files.createTempFile("street-light-", ".jpg");
		ImageIO.write(image, "jpg", file.toFile());
		return file;
	}

	/** As if the resident had taken a while to write (the form refuses a bot's speed). */
	void takeYourTime(String token) {
		jdbc.sql("update submission set created_at = :at where token = :t")
			.param("at", Timestamp.from(Instant.now().minusSeconds(60)))
			.param("t", token)
			.update();
	}

	@Test
	void aResidentReportsWithAPhotoAndLaterConfirmsAndRatesTheResolution() throws Exception {
		browser.forgetCookies();
		browser.open("/r/" + CHENGCAO);
		assertThat(browser.findById("place-name").getText()).contains("橙槽村");
		assertThat(browser.findById("privacy-notice").getText()).contains("个人信息处理告知", "保存期限");
		browser.assertCleanConsole("report page");

		browser.select("category", "infrastructure.street_light");
		browser.type("description", "村委会门口的路灯坏了一个星期，晚上很黑。");
		browser.findById("photos").sendKeys(photoFile().toString());
		takeYourTime(browser.find(By.name("submissionToken")).getDomProperty("value"));
		browser.clickAndWaitForNewPage(browser.findById("submit"));

		assertThat(browser.currentPath()).startsWith("/track/");
		assertThat(browser.findById("receipt").getText()).contains("请记下查询码");
		String code = browser.findById("tracking-code").getText();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertThat(browser.findById("status").getText()).isEqualTo("已提交");
		browser.assertCleanConsole("receipt");
		browser.screenshot("resident-receipt");

		// the village handles it
		Actor village = villageCadre();
		CaseRecord c = desk.tracked(code).orElseThrow();
		assertThat(photos.of(c.id())).hasSize(1);
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.ACCEPT, c.version()));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		long after = photos.store(Files.readAllBytes(photoFile()), CasePhotos.Kind.AFTER, "village-cadre").id();
		desk.act(village, c.id(), CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("已更换灯泡", List.of(after)));

		// the resident comes back with the code
		browser.forgetCookies();
		browser.open("/track");
		browser.type("code", code);
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#lookup-form button[type=submit]")));
		assertThat(browser.findById("status").getText()).isEqualTo("已办结");
		assertThat(browser.findById("timeline").getText()).contains("已更换灯泡", "橙槽村").doesNotContain("village-cadre");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#confirm-form button[type=submit]")));
		assertThat(browser.findById("status").getText()).isEqualTo("已核查");

		browser.find(By.cssSelector("label:has(#stars-5)")).click();
		browser.type("comment", "修得很快，谢谢！");
		browser.clickAndWaitForNewPage(browser.find(By.cssSelector("#rate-form button[type=submit]")));
		assertThat(browser.findById("satisfaction").getText()).isEqualTo("5 星");
		browser.assertCleanConsole("tracking page after rating");
		browser.screenshot("resident-rated");

		CaseRecord done = desk.tracked(code).orElseThrow();
		assertThat(done.status()).isEqualTo(CaseStatus.VERIFIED);
		assertThat(done.reporterConfirmed()).isTrue();
		assertThat(done.satisfaction()).isEqualTo(5);
	}

	/**
	 * A body over the container's multipart limit (31 MB) is refused by Tomcat itself
	 * with 413, never a 403 (the CSRF token also travels in the form's address) nor a
	 * 500. Bodies within the limit but with photos over 8 MB get the form again with the
	 * message ({@code PhotoStorageIntegrationTest}).
	 */
	@Test
	void anUploadOverTheMultipartLimitGetsTheResidentsPageNotAnError() throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String html = client
			.send(HttpRequest.newBuilder(URI.create(browser.url("/r/" + CHENGCAO))).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(html);
		assertThat(action.find()).isTrue();
		String boundary = "----xz" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"big.jpg\"\r\n"
						+ "Content-Type: image/jpeg\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(new byte[32 * 1024 * 1024]);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create(browser.url(action.group(1).replace("&amp;", "&"))))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
	}

}
