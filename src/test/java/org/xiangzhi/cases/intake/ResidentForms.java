package org.xiangzhi.cases.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * A resident's phone in tests: opens a report page, fills the form in and sends it, from
 * its own client address (so that one test's reports never count against another's
 * limits).
 */
final class ResidentForms {

	static final String CHENGCAO = "620621110212";

	static final String CHENGCAO_G01 = "620621110212G01";

	private static final AtomicInteger ADDRESSES = new AtomicInteger((int) (System.nanoTime() % 50_000));

	private ResidentForms() {
	}

	/** A client address no other test uses. */
	static String freshAddress() {
		int n = ADDRESSES.incrementAndGet();
		return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** The form as served: its one-time token and the device cookie. */
	record Opened(String token, Cookie device, String html) {
	}

	static Opened open(MockMvc mvc, String placeCode, String address) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/r/{code}", placeCode).with(from(address)))
			.andReturn()
			.getResponse();
		if (response.getStatus() != 200) {
			throw new AssertionError("report page of " + placeCode + " answered " + response.getStatus());
		}
		String html = response.getContentAsString();
		Matcher matcher = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"").matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no submissionToken on the report page");
		}
		return new Opened(matcher.group(1), response.getCookie(ReportController.DEVICE_COOKIE), html);
	}

	/**
	 * Makes the form look as if it had been shown long enough ago for a person to fill.
	 */
	static void filledInSlowly(JdbcClient jdbc, String token) {
		jdbc.sql("update submission set created_at = :at where token = :t")
			.param("at", Timestamp.from(Instant.now().minus(Duration.ofSeconds(30))))
			.param("t", token)
			.update();
	}

	/** A filled-in report form, ready to send with CSRF from {@code address}. */
	static MockMultipartHttpServletRequestBuilder report(String placeCode, String token, String category,
			String description, String address) {
		MockMultipartHttpServletRequestBuilder request = multipart("/r/{code}", placeCode);
		request.param("submissionToken", token)
			.param("category", category)
			.param("description", description)
			.with(csrf())
			.with(from(address));
		return request;
	}

	static MockMultipartFile photo(byte[] bytes, String filename, String contentType) {
		return new MockMultipartFile("photos", filename, contentType, bytes);
	}

	static byte[] png(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			image.setRGB(x, x % height, 0x3366cc);
		}
		return encode(image, "png");
	}

	static byte[] jpeg(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < width; x++) {
			image.setRGB(x, x % height, 0xcc3333);
		}
		return encode(image, "jpg");
	}

	private static byte[] encode(BufferedImage image, String format) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The tracking code a receipt redirect leads to. */
	static String trackingCode(MockHttpServletResponse response) {
		String location = response.getRedirectedUrl();
		if (response.getStatus() != 302 || location == null || !location.startsWith("/track/")) {
			throw new AssertionError("not a receipt: " + response.getStatus() + " " + location);
		}
		return location.substring("/track/".length());
	}

	/** A demo account with its one role assignment, as the desk sees it. */
	static org.xiangzhi.platform.Actor account(JdbcClient jdbc, String username) {
		return org.xiangzhi.platform.TestActors.account(jdbc, username);
	}

	/** A marker no other test writes, to find this test's rows. */
	static String marker(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36);
	}

}
