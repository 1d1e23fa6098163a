package org.xiangzhi.cases.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.StructuralUploadScanner;
import org.xiangzhi.cases.core.UploadScanner;
import org.xiangzhi.platform.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.xiangzhi.cases.intake.ResidentForms.CHENGCAO;

/**
 * Security checklist 28 (and the HTTP side of 27): a stored photo has a random name
 * outside the web root and no EXIF or GPS; it is served only as an attachment with
 * {@code nosniff}; the antivirus hook (a default {@link UploadScanner} bean) is called on
 * every upload of the report form; a fourth photo is refused.
 */
@IntegrationTest
class PhotoStorageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	@Autowired
	CaseSettings settings;

	@Autowired
	ApplicationContext context;

	MockHttpServletResponse reportWith(String marker, byte[]... uploads) throws Exception {
		String address = ResidentForms.freshAddress();
		ResidentForms.Opened form = ResidentForms.open(mvc, CHENGCAO, address);
		ResidentForms.filledInSlowly(jdbc, form.token());
		var request = ResidentForms.report(CHENGCAO, form.token(), "environment", marker, address);
		for (byte[] upload : uploads) {
			request.file(ResidentForms.photo(upload, "photo.jpg", "image/jpeg"));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	long casesWith(String marker) {
		return jdbc.sql("select count(*) from case_record where description = :m")
			.param("m", marker)
			.query(Long.class)
			.single();
	}

	@Test
	void aPhotoWithExifGpsIsStoredReEncodedWithoutItUnderARandomNameOutsideTheWebRoot() throws Exception {
		byte[] upload = TestImages.jpegWithExifGps();
		assertThat(TestImages.contains(upload, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
		String marker = ResidentForms.marker("exif");
		String code = ResidentForms.trackingCode(reportWith(marker, upload));
		CaseRecord c = desk.tracked(code).orElseThrow();
		CasePhotos.Photo photo = photos.of(c.id()).get(0);

		assertThat(photo.storageName()).matches("[0-9a-f]{32}\\.jpg").doesNotContain("photo");
		Path file = settings.photoDir().resolve(photo.storageName());
		assertThat(file).exists();
		byte[] stored = Files.readAllBytes(file);
		assertThat(TestImages.contains(stored, "Exif".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
		assertThat(TestImages.contains(stored, new byte[] { (byte) 0xFF, (byte) 0xE1 })).as("no APP1 segment")
			.isFalse();
		assertThat(TestImages.contains(stored, new byte[] { 0, 0, 0, 38, 0, 0, 0, 1 })).as("no GPS rationals")
			.isFalse();
		assertThat(stored).isEqualTo(photos.read(photo));

		// outside the web root: no address serves the file by its name
		assertThat(settings.photoDir().toAbsolutePath().toString()).doesNotContain("static", "templates");
		for (String path : List.of("/" + photo.storageName(), "/case-photos/" + photo.storageName(),
				"/cases/public/" + photo.storageName(), "/r/" + photo.storageName())) {
			assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isNotEqualTo(200);
		}
	}

	@Test
	void afterPhotosAreServedToTheReporterAsAttachmentsWithNosniffAndBeforePhotosAreNot() throws Exception {
		String marker = ResidentForms.marker("served");
		String code = ResidentForms.trackingCode(reportWith(marker, ResidentForms.jpeg(50, 40)));
		CaseRecord c = desk.tracked(code).orElseThrow();
		long before = photos.of(c.id()).get(0).id();
		Actor village = ResidentForms.account(jdbc, "village-cadre");
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.ACCEPT, c.version()));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		long after = photos.store(ResidentForms.png(60, 40), CasePhotos.Kind.AFTER, "village-cadre").id();
		desk.act(village, c.id(), CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("已清理", List.of(after)));

		MockHttpServletResponse served = mvc.perform(get("/track/{code}/photos/{id}", code, after))
			.andReturn()
			.getResponse();
		assertThat(served.getStatus()).isEqualTo(200);
		assertThat(served.getContentType()).isEqualTo("image/jpeg");
		assertThat(served.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(mvc.perform(get("/track/{code}/photos/{id}", code, before)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void theDefaultAntivirusHookIsABeanAndIsCalledOnEveryUpload() throws Exception {
		assertThat(context.getBeansOfType(UploadScanner.class).values())
			.hasAtLeastOneElementOfType(StructuralUploadScanner.class);
		String marker = ResidentForms.marker("eicar");
		MockHttpServletResponse response = reportWith(marker, ResidentForms.jpeg(30, 30), TestImages.eicarAppended());
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("照片未通过安全检查", "请重新选择照片");
		assertThat(casesWith(marker)).isZero();
	}

	@Test
	void hostileUploadsThroughTheFormAreRefusedAndNothingIsCreated() throws Exception {
		for (byte[] hostile : List.of(TestImages.php(), TestImages.svg(), TestImages.jpegZipPolyglot(),
				TestImages.jpegHtmlPolyglot(), TestImages.pngPixelFlood())) {
			String marker = ResidentForms.marker("hostile");
			MockHttpServletResponse response = reportWith(marker, hostile);
			assertThat(response.getStatus()).isEqualTo(422);
			assertThat(casesWith(marker)).isZero();
		}
	}

	@Test
	void aFourthPhotoIsOverTheQuotaOfAReport() throws Exception {
		String marker = ResidentForms.marker("quota");
		byte[] small = ResidentForms.jpeg(20, 20);
		MockHttpServletResponse response = reportWith(marker, small, small, small, small);
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("最多上传 3 张照片");
		assertThat(casesWith(marker)).isZero();
		assertThat(ResidentForms.trackingCode(reportWith(ResidentForms.marker("three"), small, small, small)))
			.isNotBlank();
	}

}
