package org.xiangzhi.registry.places;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class GridScreensIntegrationTest {

	static final String PASSWORD = "Xiangzhi@2026";

	static final String CHENGCAO = "620621110212";

	static final String ZHENBAO = "620621116202";

	static final String CHUANXIN = "620621110200";

	static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[103.0,38.6],[103.2,38.6],[103.2,38.8],[103.0,38.8],[103.0,38.6]]]}";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	@Test
	void aVillageCadreManagesTheGroupsOfTheirVillageOnly() throws Exception {
		Cookie cadre = WebSessions.login(mvc, "village-cadre", PASSWORD);
		assertThat(page(cadre, "/registry/grids/villages/" + CHENGCAO)).contains("一社", "六社", "橙槽村第一网格");
		mvc.perform(get("/registry/grids/villages/" + ZHENBAO).cookie(cadre)).andExpect(status().isNotFound());
		mvc.perform(post("/registry/grids/villages/" + ZHENBAO + "/groups").param("number", "88")
			.param("name", "越权小组")
			.with(csrf())
			.cookie(cadre)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/villages/" + ZHENBAO + "/groups").cookie(cadre)).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from villager_group where name = '越权小组'").query(Long.class).single())
			.isZero();
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'SCOPE_DENIED' and object_type = 'village' "
					+ "and object_id = :v")
			.param("v", ZHENBAO)
			.query(Long.class)
			.single()).isPositive();

		mvc.perform(get("/api/v1/villages/" + CHENGCAO + "/groups").cookie(cadre))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.villageCode").value(CHENGCAO))
			.andExpect(jsonPath("$.groups[0].name").value("一社"));

		mvc.perform(post("/registry/grids/villages/" + CHENGCAO + "/groups").param("number", "88")
			.param("name", "临时小组")
			.with(csrf())
			.cookie(cadre))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "places.group.created"));
		mvc.perform(post("/registry/grids/villages/" + CHENGCAO + "/groups").param("number", "88")
			.param("name", "重复")
			.with(csrf())
			.cookie(cadre)).andExpect(flash().attribute("errorKeys", List.of("places.group.taken")));
		mvc.perform(post("/registry/grids/villages/" + CHENGCAO + "/groups/rename").param("number", "88")
			.param("name", "改名小组")
			.with(csrf())
			.cookie(cadre)).andExpect(flash().attribute("flash", "places.group.renamed"));
		assertThat(page(cadre, "/registry/grids/villages/" + CHENGCAO)).contains("改名小组");
		mvc.perform(post("/registry/grids/villages/" + CHENGCAO + "/groups/delete").param("number", "1")
			.with(csrf())
			.cookie(cadre)).andExpect(flash().attribute("errorKeys", List.of("places.group.inUse")));
		mvc.perform(post("/registry/grids/villages/" + CHENGCAO + "/groups/delete").param("number", "88")
			.with(csrf())
			.cookie(cadre)).andExpect(flash().attribute("flash", "places.group.deleted"));
		assertThat(jdbc
			.sql("select count(*) from audit_event where action in ('REGISTRY_GROUP_CREATED', "
					+ "'REGISTRY_GROUP_RENAMED', 'REGISTRY_GROUP_DELETED') and actor = 'village-cadre'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aTownAdministratorLaysOutAGridWithBoundaryAndStaffHoldingSeveralDuties() throws Exception {
		Cookie admin = WebSessions.login(mvc, "town-admin", PASSWORD);
		mvc.perform(post("/registry/grids/villages/" + CHUANXIN + "/grids").param("name", "坏网格")
			.param("boundary", "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}")
			.with(csrf())
			.cookie(admin)).andExpect(flash().attribute("errorKeys", List.of("places.geojson.open")));
		mvc.perform(post("/registry/grids/villages/" + CHUANXIN + "/grids").param("name", "坏网格")
			.param("boundary", "{\"type\":\"Point\",\"coordinates\":[103,38]}")
			.with(csrf())
			.cookie(admin)).andExpect(flash().attribute("errorKeys", List.of("places.geojson.type")));
		MvcResult created = mvc
			.perform(post("/registry/grids/villages/" + CHUANXIN + "/grids").param("name", "川心村测试网格")
				.param("boundary", SQUARE)
				.with(csrf())
				.cookie(admin))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String url = created.getResponse().getRedirectedUrl();
		String code = url.substring(url.lastIndexOf('/') + 1);
		assertThat(code).matches(CHUANXIN + "G\\d\\d");

		mvc.perform(post("/registry/grids/" + code + "/staff").param("personName", "赵多岗")
			.param("duties", "GRID_HEAD", "POND_HEAD")
			.with(csrf())
			.cookie(admin)).andExpect(flash().attribute("flash", "places.staff.added"));
		mvc.perform(post("/registry/grids/" + code + "/micro-grids").param("name", "一号微网格").with(csrf()).cookie(admin))
			.andExpect(flash().attribute("flash", "places.grid.created"));
		assertThat(page(admin, "/registry/grids/" + code)).contains("赵多岗", "网格长", "坑塘长", "一号微网格");

		mvc.perform(get("/api/v1/grids/" + code).cookie(admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.level").value("GRID"))
			.andExpect(jsonPath("$.villageCode").value(CHUANXIN))
			.andExpect(jsonPath("$.boundary.type").value("Polygon"))
			.andExpect(jsonPath("$.centre.lat").value(38.7))
			.andExpect(jsonPath("$.centre.lng").value(103.1))
			.andExpect(jsonPath("$.staff[0].name").value("赵多岗"))
			.andExpect(jsonPath("$.staff[0].duties.length()").value(2))
			.andExpect(jsonPath("$.microGrids[0].code").value(code + "M01"));

		Cookie cadre = WebSessions.login(mvc, "village-cadre", PASSWORD);
		mvc.perform(get("/api/v1/grids/" + code).cookie(cadre)).andExpect(status().isNotFound());
		mvc.perform(get("/registry/grids/" + code).cookie(cadre)).andExpect(status().isNotFound());
		mvc.perform(post("/registry/grids/" + code).param("name", "越权").with(csrf()).cookie(cadre))
			.andExpect(status().isNotFound());
	}

	@Test
	void aCountyAdministratorUploadsVillagesOfTheCountyButNotOfAnother() throws Exception {
		String suffix = String.format("%02d", ThreadLocalRandom.current().nextInt(100));
		String inside = "6206211109" + suffix;
		String outside = "6209021019" + suffix;
		String csv = "code,name,streetCode,provinceCode,cityCode,areaCode\n" + inside
				+ ",\"上传村委会\",620621110,62,6206,620621\n" + outside + ",\"外县村委会\",620902101,62,6209,620902\n";
		Cookie admin = WebSessions.login(mvc, "county-admin", PASSWORD);
		String body = mvc
			.perform(multipart("/registry/divisions")
				.file(new MockMultipartFile("file", "villages.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.cookie(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("division-report");
		assertThat(places.find(inside)).isPresent();
		assertThat(places.find(outside)).isEmpty();

		String bad = "code,name,streetCode,provinceCode,cityCode,areaCode\n6206211109xx,\"坏\",620621110,62,6206,620621\n";
		String report = mvc
			.perform(multipart("/registry/divisions")
				.file(new MockMultipartFile("file", "v.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
				.with(csrf())
				.cookie(admin))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(report).contains("division-problems", "v.csv");
	}

	private String page(Cookie cookie, String path) throws Exception {
		return mvc.perform(get(path).cookie(cookie))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
