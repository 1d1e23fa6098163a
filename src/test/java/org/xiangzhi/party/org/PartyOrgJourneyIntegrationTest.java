package org.xiangzhi.party.org;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Over HTTP: 珍宝村's secretary finds a resident, registers them as a member (the form sent
 * twice registers one), makes them secretary, links their account, and the member opens
 * 我的党建 on the phone; the member sees nothing of anyone else, 珍宝村's cadre nothing of 橙槽村,
 * and the demo's party member their own record.
 */
@IntegrationTest
class PartyOrgJourneyIntegrationTest {

	static final String ZHENBAO = "620621116202";

	static final String PASSWORD = "Xiangzhi@2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	MockHttpServletResponse page(Cookie session, String path, String... params) throws Exception {
		var request = get(path).cookie(session);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse submit(Cookie session, String path, String... params) throws Exception {
		var request = post(path).cookie(session).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** The one-time token of the form with this id on the page. */
	static String token(String html, String formId) {
		Matcher m = Pattern.compile("id=\"" + formId + "\"[\\s\\S]*?name=\"submissionToken\" value=\"([^\"]+)\"")
			.matcher(html);
		assertThat(m.find()).as("token of " + formId).isTrue();
		return m.group(1);
	}

	@Test
	void aSecretaryRegistersAMemberGivesAPositionAndTheMemberOpensTheirPage() throws Exception {
		String run = Long.toString(System.nanoTime(), 36);
		var branch = PartyFixtures.org(jdbc, OrgKind.BRANCH, ZHENBAO, null, "珍宝村党支部" + run);
		long resident = PartyFixtures.residentsNotMembers(jdbc, ZHENBAO, 1).get(0);
		String name = jdbc.sql("select name from resident where id = :id")
			.param("id", resident)
			.query(String.class)
			.single();
		Cookie cadre = WebSessions.login(mvc, "village-cadre-2", PASSWORD);

		assertThat(page(cadre, "/party/orgs").getContentAsString()).contains("珍宝村党支部" + run).doesNotContain("橙槽村党支部");
		String orgPage = page(cadre, "/party/orgs/" + branch.value(), "q", name).getContentAsString();
		assertThat(orgPage).contains("value=\"" + resident + "\"");
		String token = token(orgPage, "member-form");
		MockHttpServletResponse added = submit(cadre, "/party/orgs/" + branch.value() + "/members", "residentId",
				String.valueOf(resident), "joinedOn", "2012-07-01", "category", "FULL", "submissionToken", token);
		assertThat(added.getStatus()).isEqualTo(302);
		String memberPath = added.getRedirectedUrl();
		assertThat(memberPath).startsWith("/party/members/");
		long memberId = Long.parseLong(memberPath.substring("/party/members/".length()));
		// the same form sent again registers nobody new
		assertThat(submit(cadre, "/party/orgs/" + branch.value() + "/members", "residentId", String.valueOf(resident),
				"joinedOn", "2012-07-01", "category", "FULL", "submissionToken", token)
			.getRedirectedUrl()).isEqualTo(memberPath);
		assertThat(jdbc.sql("select count(*) from party_member where resident_id = :r")
			.param("r", resident)
			.query(Long.class)
			.single()).isEqualTo(1);

		String memberPage = page(cadre, memberPath).getContentAsString();
		assertThat(submit(cadre, memberPath + "/positions", "position", "SECRETARY", "orgId",
				String.valueOf(branch.value()), "since", "2021-10-01", "submissionToken",
				token(memberPage, "position-form"))
			.getStatus()).isEqualTo(302);
		long account = MatrixFixtures.insertAccount(jdbc, "pm-journey-" + run, places.find(ZHENBAO).orElseThrow(),
				Role.PARTY_MEMBER);
		memberPage = page(cadre, memberPath).getContentAsString();
		assertThat(memberPage).contains(name).contains("2021-10-01");
		submit(cadre, memberPath + "/account", "username", "pm-journey-" + run, "submissionToken",
				token(memberPage, "account-form"));

		Actor member = TestActors.account(jdbc, "pm-journey-" + run);
		assertThat(member.accountId()).isEqualTo(account);
		String me = mvc.perform(get("/party/me").with(TestActors.as(member)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(me).contains(name)
			.contains("珍宝村党支部" + run)
			.contains("/party/me/households")
			.contains("/party/me/visits")
			.contains("/party/me/points")
			.contains("/party/me/tests")
			.doesNotContain("id=\"no-record\"");
		assertThat(mvc.perform(get("/api/v1/party/me").with(TestActors.as(member)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("\"id\":" + memberId).contains("SECRETARY");
		// a party member sees nobody else's record: the cadres' pages are closed to them
		assertThat(mvc.perform(get(memberPath).with(TestActors.as(member))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get("/api/v1/party/members").with(TestActors.as(member)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void zhenbaosCadreCannotSeeChengcaosMembers() throws Exception {
		long chengcaoMember = jdbc
			.sql("select m.id from party_member m join party_org o on o.id = m.org_id "
					+ "where m.org_path like '%/620621110212/%' order by m.id limit 1")
			.query(Long.class)
			.single();
		long chengcaoBranch = jdbc
			.sql("select id from party_org where kind = 'BRANCH' and place_code = '620621110212' order by id limit 1")
			.query(Long.class)
			.single();
		Cookie cadre = WebSessions.login(mvc, "village-cadre-2", PASSWORD);
		MockHttpServletResponse missing = page(cadre, "/party/members/987654321");
		MockHttpServletResponse hidden = page(cadre, "/party/members/" + chengcaoMember);
		assertThat(hidden.getStatus()).isEqualTo(404);
		assertThat(hidden.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(page(cadre, "/party/orgs/" + chengcaoBranch).getStatus()).isEqualTo(404);
		assertThat(page(cadre, "/api/v1/party/members/" + chengcaoMember).getStatus()).isEqualTo(404);
		assertThat(page(cadre, "/api/v1/party/members").getContentAsString())
			.doesNotContain("\"id\":" + chengcaoMember + ",");
		// 橙槽村's own cadre sees them
		Cookie chengcao = WebSessions.login(mvc, "village-cadre", PASSWORD);
		assertThat(page(chengcao, "/party/members/" + chengcaoMember).getStatus()).isEqualTo(200);
	}

	@Test
	void theDemoPartyMemberSeesTheirOwnRecordAndAnUnlinkedOneIsTold() throws Exception {
		Cookie member = WebSessions.login(mvc, "party-member", PASSWORD);
		String me = page(member, "/party/me").getContentAsString();
		assertThat(me).contains("id=\"member-record\"").contains("网格党小组").doesNotContain("id=\"no-record\"");
		assertThat(page(member, "/party/orgs").getStatus()).isEqualTo(403);

		String run = Long.toString(System.nanoTime(), 36);
		MatrixFixtures.insertAccount(jdbc, "pm-none-" + run, places.find(ZHENBAO).orElseThrow(), Role.PARTY_MEMBER);
		Actor unlinked = TestActors.account(jdbc, "pm-none-" + run);
		assertThat(mvc.perform(get("/party/me").with(TestActors.as(unlinked)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"no-record\"");
		assertThat(List.of(mvc.perform(get("/api/v1/party/me").with(TestActors.as(unlinked)))
			.andReturn()
			.getResponse()
			.getStatus())).containsExactly(404);
	}

}
