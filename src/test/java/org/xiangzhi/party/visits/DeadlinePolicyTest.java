package org.xiangzhi.party.visits;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiangzhi.party.visits.DeadlinePolicy.Urgency.DUE;
import static org.xiangzhi.party.visits.DeadlinePolicy.Urgency.DUE_SOON;
import static org.xiangzhi.party.visits.DeadlinePolicy.Urgency.OVERDUE;

class DeadlinePolicyTest {

	static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

	final DeadlinePolicy policy = DeadlinePolicy.of(VisitSettings.defaults());

	@Test
	void theDefaultsGiveTheUrgentTriggersThreeDaysAndAWeddingAWeek() {
		assertThat(policy.dueOn(TriggerKind.FUNERAL, MONDAY)).isEqualTo(MONDAY.plusDays(3));
		assertThat(policy.dueOn(TriggerKind.ILLNESS, MONDAY)).isEqualTo(MONDAY.plusDays(3));
		assertThat(policy.dueOn(TriggerKind.ACCIDENT, MONDAY)).isEqualTo(MONDAY.plusDays(3));
		assertThat(policy.dueOn(TriggerKind.DISPUTE, MONDAY)).isEqualTo(MONDAY.plusDays(3));
		assertThat(policy.dueOn(TriggerKind.FAMILY_CHANGE, MONDAY)).isEqualTo(MONDAY.plusDays(5));
		assertThat(policy.dueOn(TriggerKind.ASSISTANCE, MONDAY)).isEqualTo(MONDAY.plusDays(5));
		assertThat(policy.dueOn(TriggerKind.WEDDING, MONDAY)).isEqualTo(MONDAY.plusDays(7));
		for (TriggerKind kind : TriggerKind.values()) {
			assertThat(policy.daysFor(kind)).as(kind.name()).isPositive();
		}
	}

	@Test
	void weekendsCountBecauseAVisitIsNotOfficeWork() {
		LocalDate friday = LocalDate.of(2026, 3, 6);
		assertThat(policy.dueOn(TriggerKind.FUNERAL, friday)).isEqualTo(LocalDate.of(2026, 3, 9));
	}

	@Test
	void aConfiguredKindReplacesItsDefaultAndKeepsTheOthers() {
		VisitSettings settings = new VisitSettings(Map.of(TriggerKind.WEDDING, 10), 2, null, null, null, null);
		DeadlinePolicy configured = DeadlinePolicy.of(settings);
		assertThat(configured.daysFor(TriggerKind.WEDDING)).isEqualTo(10);
		assertThat(configured.daysFor(TriggerKind.FUNERAL)).isEqualTo(3);
		assertThat(configured.urgency(MONDAY.plusDays(3), MONDAY.plusDays(1))).isEqualTo(DUE_SOON);
	}

	@Test
	void aNegativeOrAbsurdDeadlineIsRefusedAtStartup() {
		assertThatThrownBy(() -> new VisitSettings(Map.of(TriggerKind.FUNERAL, -1), null, null, null, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new VisitSettings(Map.of(TriggerKind.FUNERAL, 365), null, null, null, null, null))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTaskIsDueThenDueSoonOnItsLastDaysThenOverdueTheDayAfter() {
		LocalDate dueOn = MONDAY.plusDays(3);
		assertThat(policy.urgency(dueOn, MONDAY)).isEqualTo(DUE);
		assertThat(policy.urgency(dueOn, MONDAY.plusDays(1))).isEqualTo(DUE);
		assertThat(policy.urgency(dueOn, MONDAY.plusDays(2))).isEqualTo(DUE_SOON);
		assertThat(policy.urgency(dueOn, dueOn)).isEqualTo(DUE_SOON);
		assertThat(policy.urgency(dueOn, dueOn.plusDays(1))).isEqualTo(OVERDUE);
		assertThat(policy.dueSoonFrom(dueOn)).isEqualTo(MONDAY.plusDays(2));
		assertThat(policy.dueSoonUntil(MONDAY.plusDays(2))).isEqualTo(dueOn);
	}

	@Test
	void aTaskDueTodayWithNoDaysLeftIsDueSoonNotOverdue() {
		DeadlinePolicy sameDay = new DeadlinePolicy(Map.of(TriggerKind.ACCIDENT, 0), 1);
		LocalDate dueOn = sameDay.dueOn(TriggerKind.ACCIDENT, MONDAY);
		assertThat(dueOn).isEqualTo(MONDAY);
		assertThat(sameDay.urgency(dueOn, MONDAY)).isEqualTo(DUE_SOON);
	}

}
