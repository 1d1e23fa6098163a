package org.xiangzhi.party.visits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseReported;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.visits.VisitFixtures.SignedInMember;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.party.visits.VisitRecords.TriggerInput;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.xiangzhi.party.visits.VisitFixtures.ZHENBAO;

/**
 * 必访 from 码上办: a dispute or an assistance case reported for a linked household raises
 * exactly one mandatory visit for the member linked to it (a republished event adds
 * none); other reports raise none; a hand-recorded trigger does the same for the other
 * kinds; the reminder job reminds and flags once.
 */
@IntegrationTest
class MandatoryVisitsIntegrationTest {

	@Autowired
	CaseDesk desk;

	@Autowired
	Visits visits;

	@Autowired
	VisitStore store;

	@Autowired
	CaseTriggers triggers;

	@Autowired
	ReminderJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Places places;

	Actor cadre() {
		return TestActors.account(jdbc, "village-cadre-2");
	}

	long report(String category, HouseholdId household) {
		return desk
			.reportOnBehalf(cadre(),
					new NewCase(ZHENBAO, category, "走访测试：" + category, null, null, null, Channel.VISIT, null,
							household.value(), List.of()),
					null)
			.id()
			.value();
	}

	List<Task> tasksOf(HouseholdId household) {
		return store.tasks(new VisitStore.TaskFilter(null, null, null, null, household, Set.of(), 10));
	}

	@Test
	void aDisputeInALinkedHouseholdRaisesOneMandatoryVisitForItsMember() {
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember member = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, member.member());

		long caseId = report("dispute", household);

		await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(household).size() == 1);
		Task task = tasksOf(household).get(0);
		assertThat(task.member()).isEqualTo(member.member());
		assertThat(task.trigger()).isEqualTo(TriggerKind.DISPUTE);
		assertThat(task.caseId()).isEqualTo(caseId);
		assertThat(task.source()).isEqualTo(Visits.CASE);
		assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
		assertThat(task.dueOn()).isEqualTo(visits.today().plusDays(3));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> VisitFixtures.notices(jdbc, member.accountId(), "party.visits.notice.created.DISPUTE") == 1);

		// the member sees it as theirs
		assertThat(visits.tasksOf(visits.memberOf(member.actor()).orElseThrow(), Set.of(TaskStatus.OPEN), 10))
			.extracting(Task::id)
			.containsExactly(task.id());

		// a republished event (a restart, a retry) adds no second task
		triggers.on(new CaseReported(new org.xiangzhi.cases.CaseId(caseId), "dispute", true, household.value(),
				task.path()));
		assertThat(tasksOf(household)).hasSize(1);
	}

	@Test
	void anAssistanceCaseRaisesOneAndOtherReportsNone() {
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember member = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, member.member());

		long road = report("infrastructure.road", household);
		long assistance = report("social_assistance.temporary", household);

		await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(household).size() == 1);
		Task task = tasksOf(household).get(0);
		assertThat(task.caseId()).isEqualTo(assistance);
		assertThat(task.trigger()).isEqualTo(TriggerKind.ASSISTANCE);
		assertThat(task.dueOn()).isEqualTo(visits.today().plusDays(5));
		assertThat(store.taskExistsForCase(road)).isFalse();
		// the condition kept the outbox from recording the road report for this listener
		assertThat(VisitFixtures.count(jdbc,
				"select count(*) from event_publication where listener_id like ? and serialized_event like ?",
				"%CaseTriggers%", "%\"value\":" + road + "}%"))
			.isZero();
	}

	@Test
	void aHouseholdWithoutALinkedMemberGetsTheBranchsTaskAndItsCadresAreTold() {
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		long cadre = cadre().accountId();
		long before = VisitFixtures.notices(jdbc, cadre, "party.visits.notice.cadre");

		long id = visits.recordTrigger(cadre(), new TriggerInput(household.value(), "FUNERAL", null, "老人去世"), null);

		Task task = store.task(id).orElseThrow();
		assertThat(task.member()).isNull();
		assertThat(task.source()).isEqualTo(Visits.MANUAL);
		assertThat(task.dueOn()).isEqualTo(visits.today().plusDays(3));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> VisitFixtures.notices(jdbc, cadre, "party.visits.notice.cadre") == before + 1);
	}

	@Test
	void aWeddingAnnouncedAheadCountsFromItsDay() {
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		LocalDate wedding = visits.today().plusDays(10);
		long id = visits.recordTrigger(cadre(),
				new TriggerInput(household.value(), "WEDDING", wedding.toString(), null), null);
		assertThat(store.task(id).orElseThrow().dueOn()).isEqualTo(wedding.plusDays(7));
		assertThatThrownBy(() -> visits.recordTrigger(cadre(),
				new TriggerInput(household.value(), "WEDDING", visits.today().plusDays(90).toString(), null), null))
			.hasMessageContaining("party.visits.trigger.dateOutOfRange");
		assertThatThrownBy(
				() -> visits.recordTrigger(cadre(), new TriggerInput(household.value(), "PARTY", null, null), null))
			.hasMessageContaining("party.visits.trigger.invalid");
	}

	@Test
	void aCadreCannotRecordATriggerOutsideTheirScope() {
		HouseholdId chengcao = VisitFixtures.householdWithoutTasks(jdbc, VisitFixtures.CHENGCAO);
		assertThatThrownBy(
				() -> visits.recordTrigger(cadre(), new TriggerInput(chengcao.value(), "ILLNESS", null, null), null))
			.hasMessageContaining("party.visits.household.unknown");
	}

	@Test
	void theJobRemindsOnTheLastDaysAndFlagsOverdueOnceThenNeverAgain() {
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember member = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, member.member());
		long id = visits.recordTrigger(cadre(), new TriggerInput(household.value(), "ILLNESS", null, null), null);
		Task task = store.task(id).orElseThrow();
		OrgPath within = task.path();
		Instant noon = task.dueOn().minusDays(3).atTime(12, 0).atZone(DeadlinePolicy.ZONE).toInstant();

		// other tests' tasks may share the path: look at this task's flags and notices
		// two days left: nothing yet
		job.scan(noon.plus(Duration.ofDays(1)), within);
		assertThat(store.task(id).orElseThrow().remindedAt()).isNull();
		// the day before the last: reminded, once
		assertThat(job.scan(noon.plus(Duration.ofDays(2)), within).reminded()).isPositive();
		Instant reminded = store.task(id).orElseThrow().remindedAt();
		assertThat(reminded).isNotNull();
		assertThat(job.scan(noon.plus(Duration.ofDays(2)), within).reminded()).isZero();
		assertThat(store.task(id).orElseThrow().remindedAt()).isEqualTo(reminded);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> VisitFixtures.notices(jdbc, member.accountId(), "party.visits.notice.dueSoon") == 1);

		// the day after the last: flagged overdue, once, even when ticks were missed
		assertThat(job.scan(noon.plus(Duration.ofDays(6)), within).flagged()).isPositive();
		Instant flagged = store.task(id).orElseThrow().overdueAt();
		assertThat(flagged).isNotNull();
		assertThat(job.scan(noon.plus(Duration.ofDays(7)), within).flagged()).isZero();
		assertThat(store.task(id).orElseThrow().overdueAt()).isEqualTo(flagged);
		assertThat(store.task(id).orElseThrow().status()).isEqualTo(TaskStatus.OPEN);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> VisitFixtures.notices(jdbc, member.accountId(), "party.visits.notice.overdue") == 1);
		assertThat(VisitFixtures.notices(jdbc, member.accountId(), "party.visits.notice.dueSoon")).isEqualTo(1);
	}

	@Test
	void theJobRunsOncePerTickAcrossNodes() {
		PartyOrgId branch = VisitFixtures.branch(jdbc, ZHENBAO);
		SignedInMember member = VisitFixtures.member(jdbc, places, branch, ZHENBAO);
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		VisitFixtures.link(jdbc, household, member.member());
		long id = visits.recordTrigger(cadre(), new TriggerInput(household.value(), "ACCIDENT", null, null), null);
		// a tick of its own, far enough ahead for the task to be overdue
		Instant later = Instant.now().plus(Duration.ofDays(20)).plusSeconds(System.nanoTime() % 100_000 * 60);

		assertThat(job.runTick(later)).isTrue();
		assertThat(job.runTick(later)).as("the second node of the same tick").isFalse();

		assertThat(store.task(id).orElseThrow().overdueAt()).isNotNull();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> VisitFixtures.notices(jdbc, member.accountId(), "party.visits.notice.overdue") == 1);
		assertThat(job.runTick(later.plus(Duration.ofHours(2)))).isTrue();
		assertThat(VisitFixtures.notices(jdbc, member.accountId(), "party.visits.notice.overdue")).isEqualTo(1);
	}

	@Test
	void aCancelledTaskNeedsAReasonAndStaysCancelled() {
		HouseholdId household = VisitFixtures.freeHousehold(jdbc, ZHENBAO);
		long id = visits.recordTrigger(cadre(), new TriggerInput(household.value(), "FAMILY_CHANGE", null, null), null);
		assertThatThrownBy(() -> visits.cancel(cadre(), id, " ")).hasMessageContaining("reasonRequired");
		Task cancelled = visits.cancel(cadre(), id, "重复登记");
		assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(cancelled.cancelReason()).isEqualTo("重复登记");
		assertThatThrownBy(() -> visits.cancel(cadre(), id, "again"))
			.isInstanceOf(TaskLifecycle.IllegalTaskTransitionException.class);
	}

}
