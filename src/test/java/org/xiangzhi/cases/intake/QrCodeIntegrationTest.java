package org.xiangzhi.cases.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO_G01;

/**
 * QR codes of villages and grids: the PNG decodes to the absolute address of the place's
 * report page, SVG and PNG come as downloads, the A4 poster names the place; a cadre of
 * another village gets "not found".
 */
@IntegrationTest
class QrCodeIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return TestActors.as(ResidentForms.account(jdbc, username));
	}

	static String decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}

	@Test
	void thePngOfAVillageOpensItsReportPage() throws Exception {
		MockHttpServletResponse png = mvc.perform(get("/cases/qr/{code}.png", CHENGCAO).with(as("village-cadre")))
			.andReturn()
			.getResponse();
		assertThat(png.getStatus()).isEqualTo(200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		assertThat(png.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"qr-620621110212.png\"");
		assertThat(decode(png.getContentAsByteArray())).isEqualTo("http://localhost/r/620621110212");
	}

	@Test
	void theSvgOfAGridIsADownloadToo() throws Exception {
		MockHttpServletResponse svg = mvc.perform(get("/cases/qr/{code}.svg", CHENGCAO_G01).with(as("village-cadre")))
			.andReturn()
			.getResponse();
		assertThat(svg.getStatus()).isEqualTo(200);
		assertThat(svg.getContentType()).startsWith("image/svg+xml");
		assertThat(svg.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(svg.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(svg.getContentAsString()).startsWith("<svg").doesNotContain("<script");
	}

	@Test
	void thePosterNamesThePlaceAndCarriesTheCode() throws Exception {
		String html = mvc.perform(get("/cases/qr/{code}", CHENGCAO).with(as("town-admin")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("苏武镇 橙槽村", "扫码反映问题", "http://localhost/r/620621110212", "poster.css",
				"data:image/svg+xml;base64,");
		String svg = html.replaceAll("(?s).*data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+).*", "$1");
		assertThat(new String(Base64.getDecoder().decode(svg), StandardCharsets.UTF_8)).startsWith("<svg");
	}

	@Test
	void theListShowsTheVillagesAndGridsInScopeOnly() throws Exception {
		String html = mvc.perform(get("/cases/qr").with(as("village-cadre")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("620621110212", "620621110212G01").doesNotContain("620621116202");
	}

	@Test
	void anotherVillagesCadreGetsNotFound() throws Exception {
		MockHttpServletResponse other = mvc.perform(get("/cases/qr/{code}.png", CHENGCAO).with(as("village-cadre-2")))
			.andReturn()
			.getResponse();
		MockHttpServletResponse missing = mvc
			.perform(get("/cases/qr/{code}.png", "620621116299").with(as("village-cadre-2")))
			.andReturn()
			.getResponse();
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString()).isEqualTo(missing.getContentAsString());
	}

}
