package org.xiangzhi.cases.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.IllegalTransitionException;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Submissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The case desk end to end on a real database: intake, routing, workflow, scope. */
@IntegrationTest
class CaseDeskIntegrationTest {

	static final String CHENGCAO = "620621110212";

	static final String CHENGCAO_G01 = "620621110212G01";

	@Autowired
	CaseDesk desk;

	@Autowired
	CasePhotos photos;

	@Autowired
	Submissions submissions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseQueries queries;

	Actor account(String username) {
		return org.xiangzhi.platform.TestActors.account(jdbc, username);
	}

	NewCase report(String place, String category, String text) {
		return new NewCase(place, category, text, null, null, null, Channel.QR, null, null, List.of());
	}

	long photo(CasePhotos.Kind kind) throws Exception {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return photos.store(out.toByteArray(), kind, "test").id();
	}

	@Test
	void aGridReportLandsOnTheGridAndAVillageCategoryOnTheVillage() {
		var env = desk.report(report(CHENGCAO_G01, "environment", "垃圾堆在路边"), null, null, null);
		var road = desk.report(report(CHENGCAO_G01, "infrastructure.road", "村道塌了"), null, null, null);
		CaseRecord environment = desk.view(account("grid-worker"), env.id());
		assertThat(environment.unitCode()).isEqualTo(CHENGCAO_G01);
		assertThat(environment.level()).isEqualTo(HandlingLevel.GRID);
		assertThat(environment.gridCode()).isEqualTo(CHENGCAO_G01);
		assertThat(environment.townCode()).isEqualTo("620621110");
		CaseRecord roadCase = desk.view(account("village-cadre"), road.id());
		assertThat(roadCase.unitCode()).isEqualTo(CHENGCAO);
		assertThat(roadCase.path().value()).endsWith("/620621110212G01/");
		assertThat(roadCase.status()).isEqualTo(CaseStatus.SUBMITTED);
		assertThat(desk.timeline(road.id())).extracting(CaseStore.Event::action).containsExactly(CaseAction.SUBMIT);
	}

	@Test
	void theWholeRoundFromReportToClosure() throws Exception {
		var receipt = desk.report(report(CHENGCAO, "infrastructure.street_light", "路灯不亮"), null, null, null);
		Actor village = account("village-cadre");
		Actor town = account("town-admin");
		CaseRecord c = desk.act(village, receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		long after = photo(CasePhotos.Kind.AFTER);
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.HANDLE, c.version()).withResult("已更换灯泡", List.of(after)));
		assertThat(c.status()).isEqualTo(CaseStatus.HANDLED);
		long version = c.version();
		assertThatThrownBy(() -> desk.act(village, receipt.id(), CaseCommand.of(CaseAction.VERIFY, version)))
			.isInstanceOf(TransitionRefusedException.class);
		c = desk.act(town, c.id(), CaseCommand.of(CaseAction.VERIFY, c.version()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.CLOSE, c.version()));
		assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(photos.of(c.id())).extracting(CasePhotos.Photo::kind).containsExactly(CasePhotos.Kind.AFTER);
		assertThat(desk.timeline(c.id())).extracting(CaseStore.Event::action)
			.containsExactly(CaseAction.SUBMIT, CaseAction.ACCEPT, CaseAction.DISPATCH, CaseAction.START,
					CaseAction.HANDLE, CaseAction.VERIFY, CaseAction.CLOSE);
		desk.rate(receipt.trackingCode(), 5, "很快");
		assertThat(desk.tracked(receipt.trackingCodeDisplay()).orElseThrow().satisfaction()).isEqualTo(5);
	}

	@Test
	void theReporterRejectsTheResolutionAndTheCaseReopens() throws Exception {
		var receipt = desk.report(report(CHENGCAO, "infrastructure.water", "自来水停了三天"), null, null, null);
		Actor village = account("village-cadre");
		CaseRecord c = desk.act(village, receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0));
		c = desk.act(village, c.id(),
				CaseCommand.of(CaseAction.DISPATCH, c.version()).withAssignee(village.accountId()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.START, c.version()));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.HANDLE, c.version())
			.withResult("已修好", List.of(photo(CasePhotos.Kind.AFTER))));
		c = desk.actAsReporter(receipt.trackingCode(), CaseAction.REJECT_RESOLUTION, c.version(), "还是没水");
		assertThat(c.status()).isEqualTo(CaseStatus.REOPENED);
		assertThat(c.handledAt()).isNull();
		assertThat(desk.timeline(c.id()).get(desk.timeline(c.id()).size() - 1).note()).isEqualTo("还是没水");
	}

	@Test
	void escalationMovesTheUnitButTheVillageStillSeesTheCase() {
		var receipt = desk.report(report(CHENGCAO, "dispute", "宅基地纠纷"), null, null, null);
		Actor village = account("village-cadre");
		CaseRecord c = desk.act(village, receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0));
		c = desk.act(village, c.id(), CaseCommand.of(CaseAction.ESCALATE, c.version()).withReason("涉及两个村"));
		assertThat(c.unitCode()).isEqualTo("620621110");
		assertThat(c.level()).isEqualTo(HandlingLevel.TOWN);
		assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(desk.view(village, c.id()).id()).isEqualTo(c.id());
		long version = c.version();
		assertThatThrownBy(() -> desk.act(village, receipt.id(),
				CaseCommand.of(CaseAction.DISPATCH, version).withAssignee(village.accountId())))
			.isInstanceOf(TransitionRefusedException.class);
	}

	@Test
	void anotherVillagesCadreCannotSeeTheCase() {
		var receipt = desk.report(report(CHENGCAO, "other", "问个事"), null, null, null);
		assertThatThrownBy(() -> desk.view(account("village-cadre-2"), receipt.id()))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(
				() -> desk.act(account("village-cadre-2"), receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0)))
			.isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aStaleVersionLosesAndAnIllegalActionNamesTheState() {
		var receipt = desk.report(report(CHENGCAO, "other", "并发"), null, null, null);
		Actor village = account("village-cadre");
		desk.act(village, receipt.id(), CaseCommand.of(CaseAction.ACCEPT, 0));
		assertThatThrownBy(() -> desk.act(village, receipt.id(), CaseCommand.of(CaseAction.REJECT, 0).withReason("x")))
			.isInstanceOf(IllegalTransitionException.class);
		assertThatThrownBy(() -> desk.act(village, receipt.id(),
				CaseCommand.of(CaseAction.DISPATCH, 0).withAssignee(village.accountId())))
			.isInstanceOf(ConcurrentTransitionException.class);
	}

	@Test
	void theSameTokenMakesOneCaseAndADifferentPayloadIsRefused() {
		String token = submissions.issue(CaseDesk.REPORT_FORM);
		var first = desk.report(report(CHENGCAO, "other", "一次"), token, CaseDesk.REPORT_FORM, null);
		var again = desk.report(report(CHENGCAO, "other", "一次"), token, CaseDesk.REPORT_FORM, null);
		assertThat(again.id()).isEqualTo(first.id());
		assertThat(again.replay()).isTrue();
		assertThatThrownBy(() -> desk.report(report(CHENGCAO, "other", "两次"), token, CaseDesk.REPORT_FORM, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("submission.conflict");
	}

	@Test
	void badInputIsRefusedWithTheField() {
		assertThatThrownBy(() -> desk.report(report(CHENGCAO, "nonsense", "x"), null, null, null))
			.hasMessageContaining("categoryCode");
		assertThatThrownBy(() -> desk.report(report("999999999999", "other", "x"), null, null, null))
			.hasMessageContaining("placeCode");
		assertThatThrownBy(() -> desk.report(report(CHENGCAO, "other", "  "), null, null, null))
			.hasMessageContaining("description");
		assertThatThrownBy(() -> desk.report(
				new NewCase(CHENGCAO, "other", "x", null, null, "12345", Channel.QR, null, null, List.of()), null, null,
				null))
			.hasMessageContaining("reporterPhone");
	}

	@Test
	void theNewestOfATownComePageByPageAndNeverFromAnotherTown() {
		String marker = "翻页-" + System.nanoTime();
		for (int i = 0; i < 5; i++) {
			desk.report(report(CHENGCAO, "other", marker + i), null, null, null);
		}
		desk.report(report("620621116202", "other", marker + "珍宝村"), null, null, null);
		var town = org.xiangzhi.platform.DataScope.of(OrgPath.of("/62/6206/620621/620621110/"));
		var first = queries.newest(town, CaseQueries.Filter.all(), null, 3);
		assertThat(first.cases()).hasSize(3);
		assertThat(first.next()).isNotNull();
		var second = queries.newest(town, CaseQueries.Filter.all(), first.next(), 3);
		assertThat(second.cases()).extracting(c -> c.id().value())
			.allMatch(id -> id < first.cases().get(2).id().value());
		assertThat(queries.newest(town, CaseQueries.Filter.all(), null, 1000).cases())
			.noneMatch(c -> c.description().endsWith("珍宝村"))
			.allMatch(c -> "620621110".equals(c.townCode()));
		var zhenbao = queries.newest(account("village-cadre-2").scope(), CaseQueries.Filter.all(), null, 1000);
		assertThat(zhenbao.cases()).extracting(CaseRecord::description)
			.contains(marker + "珍宝村")
			.doesNotContain(marker + "0");
	}

}
