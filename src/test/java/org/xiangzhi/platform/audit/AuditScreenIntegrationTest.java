package org.xiangzhi.platform.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@TestPropertySource(properties = "spring.messages.basename=messages,i18n/audit")
class AuditScreenIntegrationTest {

	static final OrgPath COUNTY = OrgPath.ofCodes("62", "6206", "620621");

	static final OrgPath VILLAGE_INSIDE = COUNTY.child("620621110").child("620621110212");

	static final OrgPath OTHER_COUNTY = OrgPath.ofCodes("62", "6209", "620902");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAuditorSeesRowsInsideTheirCountyOnly() throws Exception {
		String actor = AuditRows.uniqueActor("screen");
		String inside = write(actor, VILLAGE_INSIDE, "CASE_UPDATED", "case");
		String atCounty = write(actor, COUNTY, "CASE_UPDATED", "case");
		String otherCounty = write(actor, OTHER_COUNTY, "CASE_UPDATED", "case");
		String parent = write(actor, COUNTY.parent(), "CASE_UPDATED", "case");
		String nowhere = write(actor, null, "CASE_UPDATED", "case");

		String page = page("/audit?actor=" + actor);

		assertThat(page).contains(inside, atCounty).doesNotContain(otherCounty, parent, nowhere);
	}

	@Test
	void filtersNarrowTheRows() throws Exception {
		String actor = AuditRows.uniqueActor("filter");
		String updated = write(actor, VILLAGE_INSIDE, "CASE_UPDATED", "case");
		String closed = write(actor, VILLAGE_INSIDE, "CASE_CLOSED", "case");
		String resident = write(actor, VILLAGE_INSIDE, "CASE_UPDATED", "resident");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		assertThat(page("/audit?actor=" + actor + "&action=CASE_CLOSED")).contains(closed)
			.doesNotContain(updated, resident);
		assertThat(page("/audit?actor=" + actor + "&objectType=resident")).contains(resident)
			.doesNotContain(updated, closed);
		assertThat(page("/audit?actor=" + actor + "&objectId=" + updated)).contains(updated)
			.doesNotContain(closed, resident);
		assertThat(page("/audit?actor=" + actor + "&from=" + today + "&to=" + today)).contains(updated, closed,
				resident);
		assertThat(page("/audit?actor=" + actor + "&from=" + today.plusDays(1))).doesNotContain(updated)
			.contains("id=\"audit-empty\"");
		assertThat(page("/audit?actor=" + actor + "&to=" + today.minusDays(1))).doesNotContain(updated);
		assertThat(page("/audit?actor=" + actor + "&from=yesterday")).contains(updated).contains("部分筛选条件格式不正确");
	}

	@Test
	void aFilterValueIsBoundNotSpliced() throws Exception {
		String actor = AuditRows.uniqueActor("inject");
		String row = write(actor, VILLAGE_INSIDE, "CASE_UPDATED", "case");
		assertThat(page("/audit?actor=" + actor + "' or '1'='1")).doesNotContain(row).contains("id=\"audit-empty\"");
	}

	@Test
	void rowsComeNewestFirstFiftyToAPage() throws Exception {
		String actor = AuditRows.uniqueActor("paging");
		for (int i = 1; i <= 51; i++) {
			auditLog.recordAs(actor, null, VILLAGE_INSIDE,
					new AuditEntry("CASE_VIEWED", "case", "p" + i + "x", AuditOutcome.SUCCESS, null));
		}
		String first = page("/audit?actor=" + actor);
		assertThat(count(first, "data-seq=")).isEqualTo(50);
		assertThat(first.indexOf("p51x")).isLessThan(first.indexOf("p50x"));
		assertThat(first).doesNotContain("p1x").contains("rel=\"next\"");
		String second = page("/audit?actor=" + actor + "&page=1");
		assertThat(count(second, "data-seq=")).isEqualTo(1);
		assertThat(second).contains("p1x").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
	}

	@Test
	void readingTheLogIsItselfLogged() throws Exception {
		String actor = AuditRows.uniqueActor("viewed");
		page("/audit?actor=" + actor);
		AuditRecord viewed = jdbc
			.sql("select * from audit_event where action = 'AUDIT_VIEWED' and detail like :detail order by seq desc")
			.param("detail", "actor=" + actor + "%")
			.query((rs, n) -> AuditVerifier.read(rs))
			.list()
			.get(0);
		assertThat(viewed.actor()).isEqualTo("test-auditor");
		assertThat(viewed.orgPath()).isEqualTo(COUNTY.value());
		assertThat(viewed.clientIp()).isNotNull();
	}

	@Test
	void thePageHasNoInlineScriptOrStyleAndSpeaksEnglish() throws Exception {
		String zh = page("/audit");
		assertThat(zh).contains("审计日志").doesNotContain("style=").doesNotContainPattern("<script(?![^>]*\\ssrc=)");
		String en = mvc.perform(get("/audit").cookie(new jakarta.servlet.http.Cookie("XZLANG", "en")).with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("Audit log", "Check integrity").doesNotContain("??");
	}

	@Test
	void administratorsMayNotReadOrVerifyTheLog() throws Exception {
		for (var admin : new org.springframework.test.web.servlet.request.RequestPostProcessor[] {
				TestActors.as(Role.COUNTY_ADMIN, COUNTY), TestActors.as(Role.SYSTEM_ADMIN, OrgPath.ROOT),
				TestActors.as(Role.TOWN_ADMIN, COUNTY.child("620621110")) }) {
			mvc.perform(get("/audit").with(admin)).andExpect(status().isForbidden());
			mvc.perform(post("/audit/verify").with(admin).with(csrf())).andExpect(status().isForbidden());
		}
	}

	@Test
	void verifyShowsTheResultAndIsLogged() throws Exception {
		long before = jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
		String page = mvc.perform(post("/audit/verify").header("Accept-Language", "en").with(auditor()).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("data-intact=\"true\"", "审计链完整");
		AuditRecord verified = jdbc
			.sql("select * from audit_event where seq > :before and action = 'AUDIT_VERIFIED' order by seq")
			.param("before", before)
			.query((rs, n) -> AuditVerifier.read(rs))
			.list()
			.get(0);
		assertThat(verified.actor()).isEqualTo("test-auditor");
		assertThat(verified.outcome()).isEqualTo("SUCCESS");
		assertThat(verified.detail()).startsWith("intact;rows=");
	}

	@Test
	void verifyNamesTheFirstBadRowInTheUsersLanguage() throws Exception {
		AuditRows audit = new AuditRows(jdbc);
		String actor = AuditRows.uniqueActor("broken");
		String deleted = write(actor, VILLAGE_INSIDE, "CASE_UPDATED", "case");
		// a row after it, so that the deleted row is in the middle, not cut off the end
		write(actor, VILLAGE_INSIDE, "CASE_UPDATED", "case");
		AuditRecord original = jdbc.sql("select * from audit_event where object_id = :id")
			.param("id", deleted)
			.query((rs, n) -> AuditVerifier.read(rs))
			.single();
		audit.delete(original.seq());
		try {
			String page = mvc
				.perform(post("/audit/verify").cookie(new jakarta.servlet.http.Cookie("XZLANG", "en"))
					.with(auditor())
					.with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("data-intact=\"false\"", "data-first-bad-seq=\"" + original.seq() + "\"",
					"data-problem=\"MISSING\"", "record " + original.seq() + " is missing");
		}
		finally {
			audit.reinsert(original);
		}
		assertThat(page("/audit")).isNotEmpty();
	}

	private String write(String actor, OrgPath path, String action, String objectType) {
		String objectId = "o-" + UUID.randomUUID();
		auditLog.recordAs(actor, null, path, new AuditEntry(action, objectType, objectId, AuditOutcome.SUCCESS, null));
		return objectId;
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).header("Accept-Language", "en").with(auditor()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor auditor() {
		return TestActors.as(Role.AUDITOR, COUNTY);
	}

	private static int count(String text, String needle) {
		Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
		int n = 0;
		while (matcher.find()) {
			n++;
		}
		return n;
	}

}
