package org.xiangzhi.party.links;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The journey over HTTP: a secretary runs the suggestion, previews it, saves it (a double
 * submit saves once), and the coverage report shows 0 uncovered households; a member sees
 * their own households on the phone and nothing else; a 珍宝村 secretary sees nothing of 橙槽村
 * or of the fixture village.
 */
@IntegrationTest
class PartyLinksWebIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	LinksFixture f;

	Actor secretary;

	@BeforeEach
	void village() {
		f = new LinksFixture(jdbc, places);
		secretary = f.account("links-web", Role.VILLAGE_CADRE);
	}

	MockHttpServletResponse perform(MockHttpServletRequestBuilder request, Actor actor) throws Exception {
		return mvc.perform(request.with(TestActors.as(actor))).andReturn().getResponse();
	}

	static String hidden(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as("hidden field " + name).isTrue();
		return m.group(1);
	}

	@Test
	void theSecretaryRunsTheSuggestionSavesItOnceAndEveryHouseholdIsCovered() throws Exception {
		String code = f.village.code();
		MockHttpServletResponse chooser = perform(get("/party/links"), secretary);
		assertThat(chooser.getStatus()).isEqualTo(200);
		assertThat(chooser.getContentAsString()).contains("/party/links/" + code);
		MockHttpServletResponse page = perform(get("/party/links/" + code), secretary);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("id=\"uncovered-count\">6<");

		MockHttpServletResponse preview = perform(get("/party/links/" + code + "/suggestion"), secretary);
		assertThat(preview.getStatus()).isEqualTo(200);
		String html = preview.getContentAsString();
		assertThat(html).contains("本户", "亲（同组同姓）", "熟（同网格/同组）", "王二", "孙五");
		String token = hidden(html, "submissionToken");
		String proposals = hidden(html, "proposals");
		for (int i = 0; i < 2; i++) {
			MockHttpServletResponse saved = perform(post("/party/links/" + code + "/suggestion").with(csrf())
				.param("submissionToken", token)
				.param("proposals", proposals), secretary);
			assertThat(saved.getStatus()).isEqualTo(302);
			assertThat(saved.getRedirectedUrl()).isEqualTo("/party/links/" + code);
		}
		assertThat(f.linkCount()).isEqualTo(6);

		MockHttpServletResponse coverage = perform(get("/party/links/" + code + "/coverage"), secretary);
		assertThat(coverage.getStatus()).isEqualTo(200);
		assertThat(coverage.getContentAsString()).contains("id=\"uncovered-count\">0<");
		MockHttpServletResponse api = perform(get("/api/v1/party/links/villages/" + code + "/coverage"), secretary);
		assertThat(api.getStatus()).isEqualTo(200);
		assertThat(api.getContentAsString()).contains("\"households\":6", "\"uncoveredCount\":0");

		// a save without its token shows the preview again
		MockHttpServletResponse noToken = perform(
				post("/party/links/" + code + "/suggestion").with(csrf()).param("proposals", proposals), secretary);
		assertThat(noToken.getStatus()).isEqualTo(422);

		// change one link by hand and read the history
		MockHttpServletResponse changed = perform(
				post("/party/links/households/" + f.h(3)).with(csrf()).param("memberId", String.valueOf(f.b.value())),
				secretary);
		assertThat(changed.getStatus()).isEqualTo(302);
		MockHttpServletResponse history = perform(get("/party/links/households/" + f.h(3)), secretary);
		assertThat(history.getContentAsString()).contains("人工调整", "采纳建议", "王一", "孙五");
		MockHttpServletResponse json = perform(get("/api/v1/party/links/households/" + f.h(3) + "/history"), secretary);
		assertThat(json.getContentAsString()).contains("\"source\":\"MANUAL\"", "\"source\":\"SUGGESTED\"");
		assertThat(perform(get("/party/links/members/" + f.a.value()), secretary).getContentAsString()).contains("王二");
		MockHttpServletResponse choice = perform(post("/party/links/households/" + f.h(2) + "/choices").with(csrf())
			.param("memberId", String.valueOf(f.b.value()))
			.param("side", "HOUSEHOLD"), secretary);
		assertThat(choice.getStatus()).isEqualTo(302);
		assertThat(perform(get("/party/links/" + code + "/coverage"), secretary).getContentAsString())
			.contains("id=\"unmet\"", "联户测试村h2号");
	}

	@Test
	void theApiSavesOncePerIdempotencyKey() throws Exception {
		String code = f.village.code();
		String path = "/api/v1/party/links/villages/" + code + "/suggestion";
		assertThat(perform(get(path), secretary).getContentAsString()).contains("\"reason\":\"KIN\"");
		assertThat(perform(post(path).with(csrf()), secretary).getStatus()).isEqualTo(422);
		MockHttpServletResponse first = perform(post(path).with(csrf()).header("Idempotency-Key", "k-1"), secretary);
		MockHttpServletResponse again = perform(post(path).with(csrf()).header("Idempotency-Key", "k-1"), secretary);
		assertThat(first.getContentAsString()).contains("\"saved\":6", "\"replay\":false");
		assertThat(again.getContentAsString()).contains("\"saved\":6", "\"replay\":true");
		assertThat(f.linkCount()).isEqualTo(6);
		assertThat(perform(get("/api/v1/party/links/villages/" + code), secretary).getContentAsString())
			.contains("\"load\":3");
		assertThat(perform(get("/api/v1/party/links/members/" + f.b.value() + "/history"), secretary).getStatus())
			.isEqualTo(200);
	}

	@Test
	void aMemberSeesOnlyTheirOwnHouseholds() throws Exception {
		perform(post("/api/v1/party/links/villages/" + f.village.code() + "/suggestion").with(csrf())
			.header("Idempotency-Key", "member-journey"), secretary);
		Actor member = f.account("links-member", Role.PARTY_MEMBER);
		MockHttpServletResponse none = perform(get("/party/me/households"), member);
		assertThat(none.getStatus()).isEqualTo(200);
		assertThat(none.getContentAsString()).contains("id=\"not-member\"");
		f.signIn(f.a, member);
		MockHttpServletResponse mine = perform(get("/party/me/households"), member);
		assertThat(mine.getContentAsString()).contains("王大", "王二", "李三", "联户测试村h1号").doesNotContain("赵四");
		assertThat(perform(get("/party/me/households/" + f.h(2)), member).getStatus()).isEqualTo(200);
		// B's household: not found, exactly like a missing one
		MockHttpServletResponse other = perform(get("/party/me/households/" + f.h(4)), member);
		MockHttpServletResponse missing = perform(get("/party/me/households/987654321"), member);
		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(perform(get("/api/v1/party/links/me"), member).getContentAsString()).contains("王大")
			.doesNotContain("赵四");
		// and none of the cadres' screens
		assertThat(perform(get("/party/links/" + f.village.code()), member).getStatus()).isEqualTo(403);
		assertThat(perform(get("/api/v1/party/links/villages/" + f.village.code()), member).getStatus()).isEqualTo(403);
	}

	@Test
	void theZhenbaoSecretarySeesNothingOfChengcaoOrTheFixtureVillage() throws Exception {
		Actor zhenbao = TestActors.account(jdbc, "village-cadre-2");
		for (String path : new String[] { "/party/links/620621110212", "/party/links/620621110212/coverage",
				"/party/links/620621110212/suggestion", "/api/v1/party/links/villages/620621110212",
				"/api/v1/party/links/villages/620621110212/coverage", "/party/links/" + f.village.code(),
				"/party/links/households/" + f.h(1), "/party/links/members/" + f.a.value(),
				"/api/v1/party/links/households/" + f.h(1) + "/history",
				"/api/v1/party/links/members/" + f.a.value() + "/history" }) {
			assertThat(perform(get(path), zhenbao).getStatus()).as(path).isEqualTo(404);
		}
		assertThat(perform(post("/party/links/" + f.village.code() + "/suggestion").with(csrf())
			.param("submissionToken", "x")
			.param("proposals", f.h(1) + ":" + f.a.value() + ":OWN"), zhenbao).getStatus()).isEqualTo(404);
		assertThat(f.linkCount()).isZero();
		MockHttpServletResponse own = perform(get("/party/links"), zhenbao);
		assertThat(own.getContentAsString()).contains("/party/links/620621116202").doesNotContain("620621110212");
	}

}
