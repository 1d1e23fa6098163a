package org.xiangzhi.cases.domain;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.IllegalTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CaseWorkflowTest {

	/** The workflow as the issue describes it, written out independently of the code. */
	static final String EXPECTED = """
			SUBMITTED  ACCEPT               ACCEPTED
			SUBMITTED  REJECT               REJECTED
			SUBMITTED  MERGE                MERGED
			SUBMITTED  ESCALATE             SUBMITTED
			SUBMITTED  HAND_DOWN            SUBMITTED
			SUBMITTED  TRANSFER             SUBMITTED
			SUBMITTED  URGE                 SUBMITTED
			ACCEPTED   DISPATCH             DISPATCHED
			ACCEPTED   MERGE                MERGED
			ACCEPTED   ESCALATE             ACCEPTED
			ACCEPTED   HAND_DOWN            ACCEPTED
			ACCEPTED   TRANSFER             ACCEPTED
			ACCEPTED   URGE                 ACCEPTED
			DISPATCHED START                HANDLING
			DISPATCHED DISPATCH             DISPATCHED
			DISPATCHED MERGE                MERGED
			DISPATCHED ESCALATE             ACCEPTED
			DISPATCHED HAND_DOWN            ACCEPTED
			DISPATCHED TRANSFER             ACCEPTED
			DISPATCHED URGE                 DISPATCHED
			HANDLING   HANDLE               HANDLED
			HANDLING   DISPATCH             DISPATCHED
			HANDLING   ESCALATE             ACCEPTED
			HANDLING   HAND_DOWN            ACCEPTED
			HANDLING   TRANSFER             ACCEPTED
			HANDLING   URGE                 HANDLING
			HANDLED    VERIFY               VERIFIED
			HANDLED    CONFIRM_BY_REPORTER  VERIFIED
			HANDLED    REJECT_RESOLUTION    REOPENED
			HANDLED    URGE                 HANDLED
			VERIFIED   CLOSE                CLOSED
			VERIFIED   CONFIRM_BY_REPORTER  VERIFIED
			VERIFIED   REJECT_RESOLUTION    REOPENED
			VERIFIED   URGE                 VERIFIED
			CLOSED     REOPEN               REOPENED
			REOPENED   DISPATCH             DISPATCHED
			REOPENED   START                HANDLING
			REOPENED   ESCALATE             ACCEPTED
			REOPENED   HAND_DOWN            ACCEPTED
			REOPENED   TRANSFER             ACCEPTED
			REOPENED   URGE                 REOPENED
			""";

	static Map<CaseStatus, Map<CaseAction, CaseStatus>> expected() {
		Map<CaseStatus, Map<CaseAction, CaseStatus>> table = new EnumMap<>(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			table.put(status, new EnumMap<>(CaseAction.class));
		}
		EXPECTED.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
			String[] cells = line.split("\\s+");
			table.get(CaseStatus.valueOf(cells[0])).put(CaseAction.valueOf(cells[1]), CaseStatus.valueOf(cells[2]));
		});
		return table;
	}

	@Test
	void theDeclaredTableIsTheWorkflowOfTheIssue() {
		assertThat(CaseWorkflow.table()).isEqualTo(expected());
	}

	@Test
	void everyStatusAndActionPairEitherLeadsWhereTheTableSaysOrIsRefusedNamingTheCurrentStatus() {
		Map<CaseStatus, Map<CaseAction, CaseStatus>> expected = expected();
		int refused = 0;
		for (CaseStatus status : CaseStatus.values()) {
			for (CaseAction action : CaseAction.values()) {
				CaseStatus to = expected.get(status).get(action);
				if (to != null) {
					assertThat(CaseWorkflow.next(status, action)).as(status + " " + action).isEqualTo(to);
				}
				else {
					IllegalTransitionException refusal = catchThrowableOfType(IllegalTransitionException.class,
							() -> CaseWorkflow.next(status, action));
					assertThat(refusal).as(status + " " + action).isNotNull();
					assertThat(refusal.current()).isEqualTo(status);
					assertThat(refusal.action()).isEqualTo(action);
					assertThat(refusal.messageKey()).isEqualTo("case.transition.illegal");
					assertThat(refusal.argumentKeys()).containsExactly(status.messageKey(), action.messageKey());
					refused++;
				}
			}
		}
		assertThat(refused).isEqualTo(CaseStatus.values().length * CaseAction.values().length - 41);
	}

	@Test
	void aCaseNotAcceptedAndAMergedCaseAreFinal() {
		assertThat(CaseWorkflow.isTerminal(CaseStatus.REJECTED)).isTrue();
		assertThat(CaseWorkflow.isTerminal(CaseStatus.MERGED)).isTrue();
		assertThat(CaseWorkflow.allowedActions(CaseStatus.REJECTED)).isEmpty();
	}

	@Test
	void aClosedCaseCanOnlyBeReopened() {
		assertThat(CaseWorkflow.isTerminal(CaseStatus.CLOSED)).isFalse();
		assertThat(CaseWorkflow.allowedActions(CaseStatus.CLOSED)).containsExactly(CaseAction.REOPEN);
	}

	@Test
	void aCaseCannotBeClosedBeforeItIsVerified() {
		for (CaseStatus status : CaseStatus.values()) {
			boolean closable = CaseWorkflow.target(status, CaseAction.CLOSE).isPresent();
			assertThat(closable).as(status.name()).isEqualTo(status == CaseStatus.VERIFIED);
		}
	}

	@Test
	void everyStatusCanBeReachedFromSubmitted() {
		var reached = java.util.EnumSet.of(CaseStatus.SUBMITTED);
		boolean grew = true;
		while (grew) {
			int before = reached.size();
			for (CaseStatus status : java.util.List.copyOf(reached)) {
				reached.addAll(CaseWorkflow.table().get(status).values());
			}
			grew = reached.size() > before;
		}
		assertThat(reached).containsExactlyInAnyOrder(CaseStatus.values());
	}

}
