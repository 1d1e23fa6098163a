package org.xiangzhi.party.visits;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 必访 listener's condition keeps public intake cheap (ADR 12, ADR 13): a report that
 * names no household, or is neither a dispute nor assistance, leaves no event-publication
 * row behind; a dispute in a household does.
 */
@IntegrationTest
class CaseTriggersPublicationIntegrationTest {

	@Autowired
	CaseDesk desk;

	@Autowired
	JdbcClient jdbc;

	long publications() {
		return jdbc.sql("select count(*) from event_publication where listener_id like :l")
			.param("l", "%CaseTriggers%")
			.query(Long.class)
			.single();
	}

	@Test
	void onlyDisputesAndAssistanceInAHouseholdAreRecordedForTheListener() {
		long before = publications();
		desk.report(new NewCase(VisitFixtures.ZHENBAO, "environment", "公开上报：路灯坏了", null, null, null, Channel.QR, null,
				null, List.of()), null, null, null);
		desk.report(new NewCase(VisitFixtures.ZHENBAO, "dispute", "公开上报：邻里纠纷，未指明农户", null, null, null, Channel.QR, null,
				null, List.of()), null, null, null);
		HouseholdId household = VisitFixtures.householdWithoutTasks(jdbc, VisitFixtures.ZHENBAO);
		desk.reportOnBehalf(TestActors.account(jdbc, "village-cadre-2"), new NewCase(VisitFixtures.ZHENBAO,
				"environment", "走访听到：门前排水沟堵了", null, null, null, Channel.VISIT, null, household.value(), List.of()),
				null);
		assertThat(publications()).isEqualTo(before);

		desk.reportOnBehalf(TestActors.account(jdbc, "village-cadre-2"), new NewCase(VisitFixtures.ZHENBAO, "dispute",
				"走访听到：宅基地纠纷", null, null, null, Channel.VISIT, null, household.value(), List.of()), null);
		assertThat(publications()).isEqualTo(before + 1);
	}

}
