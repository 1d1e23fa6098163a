package org.xiangzhi.registry.importer;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

@IntegrationTest
class ImportJobIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	@Test
	void aTwoThousandRowFileImportsInTheBackgroundWithAProgressPage() throws Exception {
		Place village = Rosters.village(places);
		String group = String.valueOf(Rosters.group(jdbc, village));
		byte[] file = Rosters.xlsx(Rosters.households(village.code(), group, 500, 4));
		RequestPostProcessor cadre = TestActors.as(Role.TOWN_CADRE, places.find("620621110").orElseThrow().path());

		MockHttpServletResponse upload = mvc.perform(
				multipart("/registry/import").file(RegistryImportIntegrationTest.file(file)).with(csrf()).with(cadre))
			.andReturn()
			.getResponse();

		assertThat(upload.getStatus()).isEqualTo(302);
		assertThat(upload.getRedirectedUrl()).startsWith("/registry/import/jobs/");
		long job = Long.parseLong(upload.getRedirectedUrl().substring("/registry/import/jobs/".length()));
		await().atMost(Duration.ofSeconds(60)).until(() -> !status(job).matches("QUEUED|VALIDATING|IMPORTING"));
		assertThat(status(job)).isEqualTo("SUCCEEDED");
		assertThat(jdbc.sql("select count(*) from resident where org_path like :p")
			.param("p", village.path().value() + "%")
			.query(Long.class)
			.single()).isEqualTo(2000);
		String page = mvc.perform(get("/registry/import/jobs/" + job).with(cadre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("新建户：500", "新建居民：2,000");
		String fragment = mvc.perform(get("/registry/import/jobs/" + job).header("HX-Request", "true").with(cadre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).contains("id=\"progress\"").doesNotContain("<html").doesNotContain("every 1s");
	}

	@Test
	void aRetriedUploadOfAFileBeingImportedJoinsTheRunningJob() throws Exception {
		Place village = Rosters.village(places);
		String group = String.valueOf(Rosters.group(jdbc, village));
		byte[] file = Rosters.xlsx(Rosters.households(village.code(), group, 300, 4));
		Timestamp now = Timestamp.from(Instant.now());
		// a job for the same bytes that another request started and is still running
		jdbc.sql("insert into import_job (org_path, username, file_name, content_hash, active_key, status, total_rows, "
				+ "created_at, updated_at) values (:p, 'other', 'roster.xlsx', :h, :h, 'IMPORTING', 1200, :now, :now)")
			.param("p", village.path().value())
			.param("h", ImportService.sha256(file))
			.param("now", now)
			.update();
		long running = jdbc.sql("select id from import_job where active_key = :h")
			.param("h", ImportService.sha256(file))
			.query(Long.class)
			.single();
		RequestPostProcessor cadre = TestActors.as(Role.TOWN_CADRE, places.find("620621110").orElseThrow().path());

		MockHttpServletResponse retry = mvc.perform(
				multipart("/registry/import").file(RegistryImportIntegrationTest.file(file)).with(csrf()).with(cadre))
			.andReturn()
			.getResponse();

		assertThat(retry.getRedirectedUrl()).isEqualTo("/registry/import/jobs/" + running);
		String page = mvc.perform(get("/registry/import/jobs/" + running).with(cadre))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("hx-trigger=\"every 1s\"", "导入中");
		assertThat(jdbc.sql("select count(*) from resident where org_path like :p")
			.param("p", village.path().value() + "%")
			.query(Long.class)
			.single()).isZero();
		jdbc.sql("update import_job set active_key = null, status = 'FAILED' where id = :id")
			.param("id", running)
			.update();
	}

	@Test
	void aJobWithBadRowsListsThemAndImportsNothing() throws Exception {
		Place village = Rosters.village(places);
		String group = String.valueOf(Rosters.group(jdbc, village));
		var rows = Rosters.households(village.code(), group, 300, 4);
		rows.get(1000).put(ImportColumn.NAME, "");
		RequestPostProcessor cadre = TestActors.as(Role.TOWN_CADRE, places.find("620621110").orElseThrow().path());

		String location = mvc
			.perform(multipart("/registry/import").file(RegistryImportIntegrationTest.file(Rosters.xlsx(rows)))
				.with(csrf())
				.with(cadre))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long job = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(60)).until(() -> !status(job).matches("QUEUED|VALIDATING|IMPORTING"));

		assertThat(status(job)).isEqualTo("REJECTED");
		String page = mvc.perform(get(location).with(cadre)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("<td>1002</td>", "必填，不能为空");
		assertThat(jdbc.sql("select count(*) from resident where org_path like :p")
			.param("p", village.path().value() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	private String status(long job) {
		return jdbc.sql("select status from import_job where id = :id").param("id", job).query(String.class).single();
	}

}
