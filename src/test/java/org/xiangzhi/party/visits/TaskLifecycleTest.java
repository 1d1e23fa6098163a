package org.xiangzhi.party.visits;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiangzhi.party.visits.TaskLifecycle.Action.CANCEL;
import static org.xiangzhi.party.visits.TaskLifecycle.Action.FULFIL;

class TaskLifecycleTest {

	@Test
	void anOpenTaskIsFulfilledByAVisitOrCancelled() {
		assertThat(TaskLifecycle.next(TaskStatus.OPEN, FULFIL)).isEqualTo(TaskStatus.DONE);
		assertThat(TaskLifecycle.next(TaskStatus.OPEN, CANCEL)).isEqualTo(TaskStatus.CANCELLED);
		assertThat(TaskLifecycle.actionsIn(TaskStatus.OPEN)).containsExactlyInAnyOrder(FULFIL, CANCEL);
	}

	@Test
	void doneAndCancelledAreFinal() {
		for (TaskStatus end : new TaskStatus[] { TaskStatus.DONE, TaskStatus.CANCELLED }) {
			assertThat(TaskLifecycle.actionsIn(end)).isEmpty();
			for (TaskLifecycle.Action action : TaskLifecycle.Action.values()) {
				assertThatThrownBy(() -> TaskLifecycle.next(end, action))
					.isInstanceOf(TaskLifecycle.IllegalTaskTransitionException.class)
					.satisfies(ex -> assertThat(((TaskLifecycle.IllegalTaskTransitionException) ex).current())
						.isEqualTo(end));
			}
		}
	}

	@Test
	void aCancellationNeedsAShortReason() {
		assertThatThrownBy(() -> TaskLifecycle.requireReason(null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("party.visits.cancel.reasonRequired");
		assertThatThrownBy(() -> TaskLifecycle.requireReason("   ")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> TaskLifecycle.requireReason("x".repeat(501)))
			.hasMessageContaining("party.visits.cancel.reasonTooLong");
		assertThat(TaskLifecycle.requireReason("  重复登记 ")).isEqualTo("重复登记");
	}

}
