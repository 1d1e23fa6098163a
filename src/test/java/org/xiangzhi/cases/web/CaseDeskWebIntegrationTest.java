package org.xiangzhi.cases.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.RegistryDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The cadres' screens over HTTP on a real database: queues, detail, every kind of action
 * with its refusals, intake on behalf, category settings, and the scope (a 珍宝村 cadre sees
 * nothing of 橙槽村).
 */
@IntegrationTest
class CaseDeskWebIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final String CHUANXIN = "620621110200";

	@Autowired
	MockMvc mvc;

	@Autowired
	CaseDesk desk;

	@Autowired
	CaseStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryDirectory registry;

	Actor account(String username) {
		long id = jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		List<Actor.Assignment> assignments = jdbc
			.sql("select role, place_code, org_path from role_assignment where account_id = :a")
			.param("a", id)
			.query((rs, i) -> new Actor.Assignment(Role.valueOf(rs.getString("role")), rs.getString("place_code"),
					OrgPath.of(rs.getString("org_path"))))
			.list();
		return new Actor(id, username, assignments);
	}

	long report(String place, String category, String text) {
		return desk
			.report(new NewCase(place, category, text, null, null, null, Channel.QR, null, null, List.of()), null, null,
					null)
			.id()
			.value();
	}

	static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	CaseRecord record(long id) {
		return store.find(new CaseId(id)).orElseThrow();
	}

	MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, String username)
			throws Exception {
		return mvc.perform(request.with(TestActors.as(account(username)))).andReturn().getResponse();
	}

	MvcResult act(String username, long id, String action, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post("/cases/" + id + "/act").with(csrf())
			.param("action", action)
			.param("version", String.valueOf(record(id).version()));
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(TestActors.as(account(username)))).andReturn();
	}

	MockHttpServletResponse htmxAct(String username, long id, long version, String action, String... params)
			throws Exception {
		MockHttpServletRequestBuilder request = post("/cases/" + id + "/act").with(csrf())
			.header("HX-Request", "true")
			.param("action", action)
			.param("version", String.valueOf(version));
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return perform(request, username);
	}

	@Test
	void aCadreAcceptsDispatchesHandlesWithPhotosTheTownVerifiesAndTheCaseCloses() throws Exception {
		long id = report(CHENGCAO, "infrastructure.street_light", "网页旅程：村口路灯不亮");
		Actor village = account("village-cadre");

		String unitQueue = perform(get("/cases").param("tab", "unit"), "village-cadre").getContentAsString();
		assertThat(unitQueue).contains("case-row-" + id).contains("网页旅程：村口路灯不亮");

		String page = perform(get("/cases/" + id), "village-cadre").getContentAsString();
		assertThat(page).contains("action-ACCEPT").doesNotContain("action-VERIFY");

		MvcResult accepted = act("village-cadre", id, "ACCEPT");
		assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id);
		assertThat(accepted.getFlashMap().get("flash")).isEqualTo("case.desk.done.ACCEPT");
		assertThat(record(id).status()).isEqualTo(CaseStatus.ACCEPTED);

		page = perform(get("/cases/" + id), "village-cadre").getContentAsString();
		assertThat(page).contains("form-DISPATCH").contains("value=\"" + village.accountId() + "\"");
		act("village-cadre", id, "DISPATCH", "assigneeAccountId", String.valueOf(village.accountId()));
		assertThat(record(id).assigneeAccountId()).isEqualTo(village.accountId());
		assertThat(perform(get("/cases").param("tab", "mine"), "village-cadre").getContentAsString())
			.contains("case-row-" + id);

		act("village-cadre", id, "START");
		MockHttpServletResponse handled = perform(multipart("/cases/" + id + "/act")
			.file(new MockMultipartFile("photos", "after.png", "image/png", png()))
			.param("action", "HANDLE")
			.param("version", String.valueOf(record(id).version()))
			.param("resultText", "已更换灯泡")
			.header("HX-Request", "true")
			.with(csrf()), "village-cadre");
		assertThat(handled.getStatus()).isEqualTo(200);
		assertThat(handled.getContentAsString()).contains("id=\"case-detail\"")
			.contains("已办结")
			.contains("photos-after")
			.doesNotContain("<html");
		assertThat(record(id).status()).isEqualTo(CaseStatus.HANDLED);

		// the village cannot verify its own work; the town above can
		assertThat(perform(get("/cases/" + id), "village-cadre").getContentAsString()).doesNotContain("action-VERIFY");
		assertThat(perform(get("/cases/" + id), "town-admin").getContentAsString()).contains("action-VERIFY");
		act("town-admin", id, "VERIFY");
		assertThat(record(id).status()).isEqualTo(CaseStatus.VERIFIED);
		act("village-cadre", id, "CLOSE");
		assertThat(record(id).status()).isEqualTo(CaseStatus.CLOSED);

		String closed = perform(get("/cases/" + id), "village-cadre").getContentAsString();
		assertThat(closed).contains("已结案").contains("town-admin").contains("已更换灯泡");
		assertThat(desk.timeline(new CaseId(id))).extracting(CaseStore.Event::action)
			.containsExactly(CaseAction.SUBMIT, CaseAction.ACCEPT, CaseAction.DISPATCH, CaseAction.START,
					CaseAction.HANDLE, CaseAction.VERIFY, CaseAction.CLOSE);

		// the after-photo is served in scope only, as a JPEG that is never sniffed
		Matcher photo = Pattern.compile("/cases/photos/(\\d+)").matcher(closed);
		assertThat(photo.find()).isTrue();
		MockHttpServletResponse bytes = perform(get("/cases/photos/" + photo.group(1)), "village-cadre");
		assertThat(bytes.getStatus()).isEqualTo(200);
		assertThat(bytes.getContentType()).isEqualTo("image/jpeg");
		assertThat(bytes.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(bytes.getHeader("Content-Disposition")).startsWith("inline");
		assertThat(perform(get("/cases/photos/" + photo.group(1)), "village-cadre-2").getStatus()).isEqualTo(404);
	}

	@Test
	void aZhenbaoCadreCannotSeeOrActOnChengcaosCases() throws Exception {
		long id = report(CHENGCAO, "environment", "范围测试：垃圾没人清");
		MockHttpServletResponse outside = perform(get("/cases/" + id), "village-cadre-2");
		MockHttpServletResponse missing = perform(get("/cases/987654321"), "village-cadre-2");
		assertThat(outside.getStatus()).isEqualTo(404);
		assertThat(outside.getContentAsString()).isEqualTo(missing.getContentAsString());
		MvcResult acted = act("village-cadre-2", id, "ACCEPT");
		assertThat(acted.getResponse().getStatus()).isEqualTo(404);
		assertThat(perform(post("/cases/" + id + "/reporter").with(csrf()), "village-cadre-2").getStatus())
			.isEqualTo(404);
		assertThat(record(id).status()).isEqualTo(CaseStatus.SUBMITTED);
		assertThat(perform(get("/cases").param("tab", "all"), "village-cadre-2").getContentAsString())
			.doesNotContain("范围测试");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'SCOPE_DENIED' and actor = 'village-cadre-2' "
					+ "and object_type = 'case' and object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void refusalsNameTheCurrentStateAndComeBackAs409Or422ForHtmx() throws Exception {
		long id = report(CHENGCAO, "infrastructure.water", "错误路径：水管漏水");
		MockHttpServletResponse illegal = htmxAct("village-cadre", id, 0, "CLOSE");
		assertThat(illegal.getStatus()).isEqualTo(409);
		assertThat(illegal.getContentAsString()).contains("当前状态为「已提交」，不能执行「结案」");

		MockHttpServletResponse illegalEn = perform(post("/cases/" + id + "/act").with(csrf())
			.header("HX-Request", "true")
			.param("lang", "en")
			.param("action", "CLOSE")
			.param("version", "0"), "village-cadre");
		assertThat(illegalEn.getStatus()).isEqualTo(409);
		assertThat(illegalEn.getContentAsString()).doesNotContain("当前状态为");

		MvcResult withoutJs = act("village-cadre", id, "CLOSE");
		assertThat(withoutJs.getResponse().getStatus()).isEqualTo(302);
		assertThat((String) withoutJs.getFlashMap().get("deskError")).contains("已提交").contains("结案");

		MockHttpServletResponse reason = htmxAct("village-cadre", id, 0, "REJECT");
		assertThat(reason.getStatus()).isEqualTo(422);
		assertThat(reason.getContentAsString()).contains("不予受理须填写理由");

		act("village-cadre", id, "ACCEPT");
		MockHttpServletResponse stale = htmxAct("village-cadre", id, 0, "DISPATCH", "assigneeAccountId",
				String.valueOf(account("village-cadre").accountId()));
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(stale.getContentAsString()).contains("刚被其他人处理过");

		act("village-cadre", id, "DISPATCH", "assigneeAccountId", String.valueOf(account("village-cadre").accountId()));
		act("village-cadre", id, "START");
		MockHttpServletResponse noPhoto = htmxAct("village-cadre", id, record(id).version(), "HANDLE", "resultText",
				"修好了");
		assertThat(noPhoto.getStatus()).isEqualTo(422);
		assertThat(noPhoto.getContentAsString()).contains("办结须上传至少一张办理后的照片");

		MockHttpServletResponse notAnImage = perform(multipart("/cases/" + id + "/act")
			.file(new MockMultipartFile("photos", "x.png", "image/png", "<script>".getBytes()))
			.param("action", "HANDLE")
			.param("version", String.valueOf(record(id).version()))
			.param("resultText", "修好了")
			.header("HX-Request", "true")
			.with(csrf()), "village-cadre");
		assertThat(notAnImage.getStatus()).isEqualTo(422);
		assertThat(notAnImage.getContentAsString()).contains("只能上传 JPEG 或 PNG");

		MockHttpServletResponse unknown = htmxAct("village-cadre", id, record(id).version(), "FLY");
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(record(id).status()).isEqualTo(CaseStatus.HANDLING);
	}

	@Test
	void escalateUrgeHandDownTransferRejectAndReopen() throws Exception {
		long id = report(CHENGCAO, "dispute", "层级测试：邻里纠纷");
		act("village-cadre", id, "ACCEPT");
		assertThat(perform(get("/cases/" + id), "village-cadre").getContentAsString()).contains("form-ESCALATE")
			.contains("form-TRANSFER");
		act("village-cadre", id, "ESCALATE", "reason", "涉及两个村", "targetLevel", "TOWN");
		assertThat(record(id).level()).isEqualTo(HandlingLevel.TOWN);
		assertThat(record(id).unitCode()).isEqualTo("620621110");

		// the county above the town urges
		String countyPage = perform(get("/cases/" + id), "county-admin").getContentAsString();
		assertThat(countyPage).contains("form-URGE");
		act("county-admin", id, "URGE", "reason", "请尽快调解");
		assertThat(desk.timeline(new CaseId(id)).get(desk.timeline(new CaseId(id)).size() - 1).action())
			.isEqualTo(CaseAction.URGE);

		// the town hands it back down to 橙槽村
		String townPage = perform(get("/cases/" + id), "town-admin").getContentAsString();
		assertThat(townPage).contains("form-HAND_DOWN").contains("value=\"" + CHENGCAO + "\"");
		act("town-admin", id, "HAND_DOWN", "targetUnitCode", CHENGCAO, "reason", "村里先调解");
		assertThat(record(id).unitCode()).isEqualTo(CHENGCAO);
		assertThat(record(id).level()).isEqualTo(HandlingLevel.VILLAGE);

		// and the village transfers it to its neighbour 川心村
		act("village-cadre", id, "TRANSFER", "targetUnitCode", CHUANXIN, "reason", "当事人住在川心村");
		assertThat(record(id).unitCode()).isEqualTo(CHUANXIN);
		String timeline = perform(get("/cases/" + id), "town-admin").getContentAsString();
		assertThat(timeline).contains("当事人住在川心村").contains("川心村委会");

		long other = report(CHENGCAO, "policy_inquiry", "层级测试：咨询低保");
		MvcResult rejected = act("village-cadre", other, "REJECT", "reason", "请直接到民政办咨询");
		assertThat(rejected.getFlashMap().get("flash")).isEqualTo("case.desk.done.REJECT");
		assertThat(record(other).status()).isEqualTo(CaseStatus.REJECTED);
	}

	@Test
	void duplicatesAreSuggestedAndMerged() throws Exception {
		GeoPoint here = new GeoPoint(38.62, 103.09);
		GeoPoint near = new GeoPoint(38.6205, 103.0905);
		long first = desk
			.report(new NewCase(CHENGCAO, "infrastructure.road", "重复测试：电线杆倾斜", here, null, null, Channel.QR, null, null,
					List.of()), null, null, null)
			.id()
			.value();
		long second = desk
			.report(new NewCase(CHENGCAO, "infrastructure.road", "重复测试：电线杆快倒了", near, null, null, Channel.QR, null,
					null, List.of()), null, null, null)
			.id()
			.value();
		act("village-cadre", second, "ACCEPT");
		String page = perform(get("/cases/" + second), "village-cadre").getContentAsString();
		assertThat(page).contains("form-MERGE").contains("dup-" + first);
		act("village-cadre", second, "MERGE", "targetCaseId", String.valueOf(first), "reason", "同一根电线杆");
		assertThat(record(second).status()).isEqualTo(CaseStatus.MERGED);
		assertThat(record(second).mergedInto()).isEqualTo(first);
	}

	@Test
	void theReporterIsMaskedUntilRevealedAndTheRevealIsAudited() throws Exception {
		long id = desk
			.report(new NewCase(CHENGCAO, "suggestion", "揭示测试：建议修篮球场", null, "王小明", "13912345678", Channel.QR, null,
					null, List.of()), null, null, null)
			.id()
			.value();
		String page = perform(get("/cases/" + id), "village-cadre").getContentAsString();
		assertThat(page).contains("139****5678").contains("王*").doesNotContain("13912345678").doesNotContain("王小明");
		MockHttpServletResponse revealed = perform(
				post("/cases/" + id + "/reporter").with(csrf()).header("HX-Request", "true"), "village-cadre");
		assertThat(revealed.getContentAsString()).contains("13912345678").contains("王小明");
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'REVEAL' and object_type = 'case' "
					+ "and object_id = :id and actor = 'village-cadre'")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		// without JavaScript the whole page comes back with the reporter in clear
		String full = perform(post("/cases/" + id + "/reporter").with(csrf()), "village-cadre").getContentAsString();
		assertThat(full).contains("13912345678").contains("case-timeline");
	}

	@Test
	void queuesFilterAndPageNewestFirst() throws Exception {
		for (int i = 0; i < 22; i++) {
			report("620621110212G03", "praise", "分页测试 " + i);
		}
		long overdue = report(CHENGCAO, "other", "超期测试：没人管");
		jdbc.sql("update case_record set overdue_step = 'ACCEPT', overdue_since = submitted_at where id = :id")
			.param("id", overdue)
			.update();
		String first = perform(get("/cases").param("tab", "all").param("category", "praise"), "village-cadre")
			.getContentAsString();
		assertThat(first).contains("分页测试 21").doesNotContain("分页测试 0<").contains("queue-next");
		Matcher next = Pattern.compile("after=([0-9]+-[0-9]+)").matcher(first);
		assertThat(next.find()).isTrue();
		String second = perform(
				get("/cases").param("tab", "all").param("category", "praise").param("after", next.group(1)),
				"village-cadre")
			.getContentAsString();
		assertThat(second).contains("分页测试 0").doesNotContain("分页测试 21");

		String fragment = perform(get("/cases").param("tab", "overdue").header("HX-Request", "true"), "village-cadre")
			.getContentAsString();
		assertThat(fragment).contains("case-row-" + overdue).contains("已超期").doesNotContain("<html");
		assertThat(perform(get("/cases").param("tab", "all").param("status", "CLOSED").param("category", "other"),
				"village-cadre")
			.getContentAsString()).doesNotContain("case-row-" + overdue);
		assertThat(perform(get("/cases").param("tab", "all").param("level", "TOWN").param("category", "other"),
				"village-cadre")
			.getContentAsString()).doesNotContain("case-row-" + overdue);
		assertThat(perform(get("/cases").param("tab", "all").param("from", "2020-01-01").param("to", "2020-12-31"),
				"village-cadre")
			.getContentAsString()).contains("queue-empty");
		// the queue of my unit holds nothing of the grid's praise: it is handled by the
		// grid
		assertThat(perform(get("/cases").param("tab", "unit"), "grid-worker").getContentAsString())
			.doesNotContain("超期测试");
	}

	@Test
	void aCadreTakesACaseInOnBehalfOfAResidentOnce() throws Exception {
		Actor cadre = account("village-cadre");
		RegistryDirectory.ResidentRef resident = registry.residentsNamed("王", DataScope.of(OrgPath.ROOT), 50)
			.stream()
			.filter(r -> r.path().value().contains("/" + CHENGCAO + "/"))
			.findFirst()
			.orElseThrow();
		String search = perform(get("/cases/new/residents").param("residentName", resident.name()), "village-cadre")
			.getContentAsString();
		assertThat(search).contains("R" + resident.id().value() + "-" + resident.householdId().value());

		String form = perform(get("/cases/new"), "village-cadre").getContentAsString();
		Matcher token = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		assertThat(form).contains("value=\"" + CHENGCAO + "\"").doesNotContain("value=\"620621116202\"");

		AbstractMockHttpServletRequestBuilder<?> submit = multipart("/cases/new")
			.file(new MockMultipartFile("photos", "before.png", "image/png", png()))
			.param("submissionToken", token.group(1))
			.param("channel", "VISIT")
			.param("placeCode", CHENGCAO)
			.param("categoryCode", "social_assistance.temporary")
			.param("description", "代为登记测试：老人申请临时救助")
			.param("link", "R" + resident.id().value() + "-" + resident.householdId().value())
			.with(csrf());
		MockHttpServletResponse created = perform(submit, "village-cadre");
		assertThat(created.getStatus()).isEqualTo(302);
		long id = Long.parseLong(created.getRedirectedUrl().substring("/cases/".length()));
		CaseRecord c = record(id);
		assertThat(c.channel()).isEqualTo(Channel.VISIT);
		assertThat(c.residentId()).isEqualTo(resident.id().value());
		assertThat(c.householdId()).isEqualTo(resident.householdId().value());
		assertThat(c.createdBy()).isEqualTo(cadre.username());
		assertThat(perform(get("/cases/" + id), "village-cadre").getContentAsString()).contains("photos-before");

		// a double submit with the same token is the same case
		MockHttpServletResponse again = perform(
				multipart("/cases/new").file(new MockMultipartFile("photos", "before.png", "image/png", png()))
					.param("submissionToken", token.group(1))
					.param("channel", "VISIT")
					.param("placeCode", CHENGCAO)
					.param("categoryCode", "social_assistance.temporary")
					.param("description", "代为登记测试：老人申请临时救助")
					.param("link", "R" + resident.id().value() + "-" + resident.householdId().value())
					.with(csrf()),
				"village-cadre");
		assertThat(again.getRedirectedUrl()).isEqualTo("/cases/" + id);

		// a place outside the cadre's area, a QR channel, an empty description are
		// refused
		String fresh = perform(get("/cases/new"), "village-cadre").getContentAsString();
		Matcher token2 = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"").matcher(fresh);
		assertThat(token2.find()).isTrue();
		MockHttpServletResponse outside = perform(post("/cases/new").param("submissionToken", token2.group(1))
			.param("channel", "PHONE")
			.param("placeCode", "620621116202")
			.param("categoryCode", "environment")
			.param("description", "越界")
			.with(csrf()), "village-cadre");
		assertThat(outside.getStatus()).isEqualTo(422);
		assertThat(outside.getContentAsString()).contains("找不到这个村或网格");
		MockHttpServletResponse qr = perform(post("/cases/new").param("submissionToken", token2.group(1))
			.param("channel", "QR")
			.param("placeCode", CHENGCAO)
			.param("categoryCode", "environment")
			.param("description", "渠道")
			.with(csrf()), "village-cadre");
		assertThat(qr.getStatus()).isEqualTo(422);
		MockHttpServletResponse empty = perform(post("/cases/new").param("submissionToken", token2.group(1))
			.param("channel", "PHONE")
			.param("placeCode", CHENGCAO)
			.param("categoryCode", "environment")
			.param("description", " ")
			.with(csrf()), "village-cadre");
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(empty.getContentAsString()).contains("请写下您要反映的事情");
	}

	@Test
	void countyAdminsConfigureTheirCountysCategories() throws Exception {
		String page = perform(get("/cases/categories"), "county-admin").getContentAsString();
		assertThat(page).contains("矛盾纠纷").contains("category-infrastructure.road").contains("1/3/7/10");
		// the county's display order with sub-categories under their parent, not the
		// codes'
		// alphabet (which would put 安全隐患 safety_hazard before 社会救助 social_assistance)
		assertThat(page.indexOf("category-social_assistance\""))
			.isLessThan(page.indexOf("category-social_assistance.minimum_living"))
			.isLessThan(page.indexOf("category-safety_hazard\""));

		MockHttpServletResponse saved = perform(post("/cases/categories").param("county", "620621")
			.param("parentCode", "infrastructure")
			.param("code", "infrastructure.bridge")
			.param("nameZh", "桥梁")
			.param("nameEn", "Bridges")
			.param("handlingLevel", "TOWN")
			.param("acceptDays", "1")
			.param("dispatchDays", "2")
			.param("handleDays", "5")
			.param("revisitDays", "8")
			.param("active", "true")
			.with(csrf()), "county-admin");
		assertThat(saved.getStatus()).isEqualTo(302);
		String after = perform(get("/cases/categories").param("county", "620621"), "county-admin").getContentAsString();
		assertThat(after).contains("category-infrastructure.bridge").contains("1/2/5/8");

		MockHttpServletResponse badLimits = perform(post("/cases/categories").param("county", "620621")
			.param("parentCode", "infrastructure")
			.param("code", "infrastructure.tunnel")
			.param("nameZh", "隧道")
			.param("nameEn", "Tunnels")
			.param("handlingLevel", "TOWN")
			.param("acceptDays", "5")
			.param("dispatchDays", "2")
			.param("handleDays", "5")
			.param("revisitDays", "8")
			.with(csrf()), "county-admin");
		assertThat(badLimits.getStatus()).isEqualTo(422);
		assertThat(badLimits.getContentAsString()).contains("后一步不能少于前一步");

		// deactivate: the category leaves the intake form
		perform(post("/cases/categories").param("county", "620621")
			.param("existing", "true")
			.param("parentCode", "infrastructure")
			.param("code", "infrastructure.bridge")
			.param("nameZh", "桥梁")
			.param("nameEn", "Bridges")
			.param("handlingLevel", "TOWN")
			.param("_active", "on")
			.with(csrf()), "county-admin");
		assertThat(perform(get("/cases/new"), "village-cadre").getContentAsString())
			.doesNotContain("value=\"infrastructure.bridge\"");

		assertThat(perform(get("/cases/categories"), "village-cadre").getStatus()).isEqualTo(403);
		assertThat(perform(get("/cases/categories").param("county", "620902"), "county-admin").getStatus())
			.isEqualTo(404);
	}

	@Test
	void theMenuOffersTheQueuesIntakeAndSettingsByRole() throws Exception {
		String cadre = perform(get("/cases"), "village-cadre").getContentAsString();
		assertThat(cadre).contains("href=\"/cases?tab=overdue\"")
			.contains("href=\"/cases/new\"")
			.doesNotContain("href=\"/cases/categories\"");
		assertThat(perform(get("/cases"), "county-admin").getContentAsString()).contains("href=\"/cases/categories\"");
		assertThat(perform(get("/cases"), "auditor").getStatus()).isEqualTo(403);
	}

}
