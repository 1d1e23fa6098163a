package org.xiangzhi.cases.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The desk's forms turn what was posted into commands, or refuse it field by field. */
class DeskFormsTest {

	static CategoryForm category(String parent, String code, Integer... limits) {
		CategoryForm form = new CategoryForm();
		form.setParentCode(parent);
		form.setCode(code);
		form.setNameZh("桥梁");
		form.setNameEn("Bridges");
		form.setHandlingLevel("TOWN");
		if (limits.length == 4) {
			form.setAcceptDays(limits[0]);
			form.setDispatchDays(limits[1]);
			form.setHandleDays(limits[2]);
			form.setRevisitDays(limits[3]);
		}
		return form;
	}

	static String key(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInputException ex) {
			return ex.field() + ":" + ex.messageKeys().get(0);
		}
		return "accepted";
	}

	@Test
	void aCategoryInheritsItsLimitsWhenAllFourAreEmpty() {
		CaseCategory bridge = category("infrastructure", "infrastructure.bridge").toCategory();
		assertThat(bridge.timeLimitsOverride()).isNull();
		assertThat(bridge.parentCode()).isEqualTo("infrastructure");
		assertThat(category("infrastructure", "infrastructure.bridge", 1, 2, 5, 8).toCategory()
			.timeLimitsOverride()
			.handle()).isEqualTo(5);
	}

	@Test
	void aCategoryIsRefusedFieldByField() {
		assertThat(key(() -> category(null, "Bad Code").toCategory()))
			.isEqualTo("code:case.desk.category.code.invalid");
		assertThat(key(() -> category("infrastructure", "roads.bridge").toCategory()))
			.isEqualTo("code:case.desk.category.code.parent");
		assertThat(key(() -> category(null, "infrastructure.bridge").toCategory()))
			.isEqualTo("parentCode:case.desk.category.parent.required");
		assertThat(key(() -> category("infrastructure", "infrastructure.bridge", 5, 2, 5, 8).toCategory()))
			.isEqualTo("acceptDays:case.desk.category.limits.invalid");
		CategoryForm partial = category("infrastructure", "infrastructure.bridge");
		partial.setAcceptDays(1);
		assertThat(key(partial::toCategory)).isEqualTo("acceptDays:case.desk.category.limits.incomplete");
		CategoryForm nameless = category(null, "bridges");
		nameless.setNameEn(" ");
		assertThat(key(nameless::toCategory)).isEqualTo("nameEn:case.desk.category.name.required");
		CategoryForm level = category(null, "bridges");
		level.setHandlingLevel("PROVINCE");
		assertThat(key(level::toCategory)).isEqualTo("handlingLevel:case.desk.category.level.invalid");
	}

	@Test
	void theIntakeLinkNamesAResidentWithTheirHouseholdOrAHouseholdAlone() {
		IntakeForm form = new IntakeForm();
		form.setLink("R12-34");
		assertThat(form.residentId()).isEqualTo(12);
		assertThat(form.householdId()).isEqualTo(34);
		form.setLink("H34");
		assertThat(form.residentId()).isNull();
		assertThat(form.householdId()).isEqualTo(34);
		form.setLink("R12");
		assertThat(form.residentId()).isNull();
		assertThat(form.householdId()).isNull();
	}

	@Test
	void intakeOnBehalfRefusesTheResidentsOwnChannelsAndHalfALocation() {
		IntakeForm form = new IntakeForm();
		form.setChannel("QR");
		assertThat(key(form::channelValue)).isEqualTo("channel:case.intake.channel.invalid");
		form.setChannel("PATROL");
		form.setLatitude("38.6");
		assertThat(key(form::location)).isEqualTo("latitude:case.desk.intake.location.invalid");
		form.setLongitude("103.1");
		assertThat(form.location().longitude()).isEqualTo(103.1);
	}

	@Test
	void anActionCarriesOnlyWhatItNeeds() {
		ActionForm form = new ActionForm();
		form.setAction("ESCALATE");
		form.setVersion(3);
		form.setReason("涉及两个村");
		form.setTargetLevel("TOWN");
		form.setResultText("ignored");
		CaseCommand command = form.command(form.caseAction(), List.of());
		assertThat(command.action()).isEqualTo(CaseAction.ESCALATE);
		assertThat(command.expectedVersion()).isEqualTo(3);
		assertThat(command.targetLevel()).isEqualTo(HandlingLevel.TOWN);
		assertThat(command.resultText()).isNull();
		form.setAction("FLY");
		assertThat(form.caseAction()).isNull();
	}

}
