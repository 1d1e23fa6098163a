package org.xiangzhi.cases.intake;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;

/**
 * The report page must load on a weak rural connection: the page and every asset it
 * references (stylesheets, scripts, images, icons) weigh at most 60 KB gzip together.
 */
@IntegrationTest
class ResidentPageWeightIntegrationTest {

	static final int BUDGET = 60 * 1024;

	static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/[^\"?#]*)\"");

	@Autowired
	MockMvc mvc;

	static int gzipped(byte[] bytes) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.size();
	}

	Map<String, Integer> weigh(String page) throws Exception {
		Map<String, Integer> sizes = new LinkedHashMap<>();
		MockHttpServletResponse response = mvc.perform(get(page).with(ResidentForms.from(ResidentForms.freshAddress())))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		sizes.put(page, gzipped(response.getContentAsByteArray()));
		Matcher matcher = ASSET.matcher(html);
		while (matcher.find()) {
			String asset = matcher.group(1);
			if (asset.startsWith("/track") || asset.startsWith("/r/") || sizes.containsKey(asset)) {
				continue; // links to other pages and the form's own address, not assets
			}
			MockHttpServletResponse fetched = mvc.perform(get(asset)).andReturn().getResponse();
			assertThat(fetched.getStatus()).as(asset).isEqualTo(200);
			sizes.put(asset, gzipped(fetched.getContentAsByteArray()));
		}
		return sizes;
	}

	@Test
	void theReportPageWithAllItsAssetsStaysUnder60KilobytesGzip() throws Exception {
		Map<String, Integer> sizes = weigh("/r/" + CHENGCAO);
		assertThat(sizes.keySet()).contains("/cases/public/resident.css", "/cases/public/report.js");
		int total = sizes.values().stream().mapToInt(Integer::intValue).sum();
		org.slf4j.LoggerFactory.getLogger(ResidentPageWeightIntegrationTest.class)
			.info("report page weight (gzip bytes): {} total {}", sizes, total);
		assertThat(total).isLessThanOrEqualTo(BUDGET);
	}

	@Test
	void theAssetsAreStaticFilesThatNeedNoLogin() throws Exception {
		for (String asset : new String[] { "/cases/public/resident.css", "/cases/public/report.js" }) {
			assertThat(mvc.perform(get(asset)).andReturn().getResponse().getStatus()).isEqualTo(200);
		}
	}

}
