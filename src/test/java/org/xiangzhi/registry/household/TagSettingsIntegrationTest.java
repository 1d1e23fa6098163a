package org.xiangzhi.registry.household;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A county administrator tailors the county's tag list; other counties keep the defaults.
 */
@IntegrationTest
class TagSettingsIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	@Autowired
	RegistryLookups lookups;

	@Test
	void aCountyAdminAddsAndRemovesTagsOfTheirCountyOnly() throws Exception {
		// a county of its own under 武威市, so the shared database's other tests are
		// unaffected
		String county = "6206" + String.format("%02d", 50 + (int) (System.nanoTime() % 40));
		places.addIfAbsent(county, "测试县" + county, PlaceLevel.COUNTY, "6206");
		Cookie admin = WebSessions.login(mvc, "admin", "Xiangzhi@2026");
		String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();

		mvc.perform(post("/registry/tags").cookie(admin)
			.with(csrf())
			.param("county", county)
			.param("target", "HOUSEHOLD")
			.param("code", code)
			.param("nameZh", "种植大户")
			.param("nameEn", "Large grower"));
		assertThat(lookups.tags(county, "HOUSEHOLD")).extracting(RegistryLookups.TagDefinition::code)
			.contains(code, "POVERTY_LIFTED");
		assertThat(lookups.tags("620902", "HOUSEHOLD")).extracting(RegistryLookups.TagDefinition::code)
			.doesNotContain(code);

		mvc.perform(post("/registry/tags/remove").cookie(admin)
			.with(csrf())
			.param("county", county)
			.param("target", "HOUSEHOLD")
			.param("code", "POVERTY_LIFTED"));
		assertThat(lookups.tags(county, "HOUSEHOLD")).extracting(RegistryLookups.TagDefinition::code)
			.doesNotContain("POVERTY_LIFTED")
			.contains(code);
		assertThat(lookups.tags("620902", "HOUSEHOLD")).extracting(RegistryLookups.TagDefinition::code)
			.contains("POVERTY_LIFTED");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action in ('TAG_ADDED', 'TAG_REMOVED') "
					+ "and object_id = :c")
			.param("c", county)
			.query(Long.class)
			.single()).isEqualTo(2);

		String page = mvc.perform(get("/registry/tags").cookie(admin).param("county", county))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("种植大户").contains("本区县自定义清单");
	}

	@Test
	void aCountyAdminCannotTouchAnotherCounty() throws Exception {
		Cookie countyAdmin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		var other = mvc.perform(get("/registry/tags").cookie(countyAdmin).param("county", "620902"))
			.andReturn()
			.getResponse();
		var missing = mvc.perform(get("/registry/tags").cookie(countyAdmin).param("county", "999999"))
			.andReturn()
			.getResponse();
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString()).isEqualTo(missing.getContentAsString());
		mvc.perform(post("/registry/tags").cookie(countyAdmin)
			.with(csrf())
			.param("county", "620902")
			.param("target", "HOUSEHOLD")
			.param("code", "SNEAKY")
			.param("nameZh", "越权")
			.param("nameEn", "Sneaky"));
		assertThat(lookups.tags("620902", "HOUSEHOLD")).extracting(RegistryLookups.TagDefinition::code)
			.doesNotContain("SNEAKY");
	}

}
