package org.xiangzhi.cases.domain;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseActor;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.CaseTimelineEntry;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.IllegalTransitionException;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.cases.TransitionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xiangzhi.cases.CaseAction.ACCEPT;
import static org.xiangzhi.cases.CaseAction.CLOSE;
import static org.xiangzhi.cases.CaseAction.CONFIRM_BY_REPORTER;
import static org.xiangzhi.cases.CaseAction.DISPATCH;
import static org.xiangzhi.cases.CaseAction.ESCALATE;
import static org.xiangzhi.cases.CaseAction.HANDLE;
import static org.xiangzhi.cases.CaseAction.HAND_DOWN;
import static org.xiangzhi.cases.CaseAction.MERGE;
import static org.xiangzhi.cases.CaseAction.REJECT;
import static org.xiangzhi.cases.CaseAction.REJECT_RESOLUTION;
import static org.xiangzhi.cases.CaseAction.REOPEN;
import static org.xiangzhi.cases.CaseAction.START;
import static org.xiangzhi.cases.CaseAction.TRANSFER;
import static org.xiangzhi.cases.CaseAction.URGE;
import static org.xiangzhi.cases.CaseAction.VERIFY;
import static org.xiangzhi.cases.HandlingLevel.COUNTY;
import static org.xiangzhi.cases.HandlingLevel.GRID;
import static org.xiangzhi.cases.HandlingLevel.TOWN;
import static org.xiangzhi.cases.HandlingLevel.VILLAGE;

class CaseLifecycleTest {

	static final Instant NOON = Instant.parse("2025-06-02T04:00:00Z");

	static final CaseActor GRID_MEMBER = CaseActor.cadre("wang.gridder", GRID);

	static final CaseActor VILLAGE_CADRE = CaseActor.cadre("li.village", VILLAGE);

	static final CaseActor TOWN_CADRE = CaseActor.cadre("zhao.town", TOWN);

	final CaseLifecycle lifecycle = new CaseLifecycle();

	static CaseState aCase(CaseStatus status, HandlingLevel level) {
		return new CaseState(new CaseId(7), status, level, 3);
	}

	static TransitionRequest by(CaseActor actor, CaseAction action, CaseState state) {
		return TransitionRequest.of(action, state.version(), actor, NOON);
	}

	static TransitionRequest handledWithProof(CaseState state) {
		return by(GRID_MEMBER, HANDLE, state).withResult("路灯已更换，晚上亮了", List.of("photo-after-1"));
	}

	CaseState step(CaseState state, TransitionRequest request) {
		return lifecycle.apply(state, request).state();
	}

	@Test
	void aCaseGoesFromSubmittedToClosedAlongTheHappyPath() {
		CaseState state = CaseState.submitted(new CaseId(7), GRID);
		state = step(state, by(GRID_MEMBER, ACCEPT, state));
		assertThat(state.status()).isEqualTo(CaseStatus.ACCEPTED);
		state = step(state, by(GRID_MEMBER, DISPATCH, state).withAssignee(42));
		assertThat(state.status()).isEqualTo(CaseStatus.DISPATCHED);
		state = step(state, by(GRID_MEMBER, START, state));
		assertThat(state.status()).isEqualTo(CaseStatus.HANDLING);
		state = step(state, handledWithProof(state));
		assertThat(state.status()).isEqualTo(CaseStatus.HANDLED);
		state = step(state, by(VILLAGE_CADRE, VERIFY, state));
		assertThat(state.status()).isEqualTo(CaseStatus.VERIFIED);
		state = step(state, by(VILLAGE_CADRE, CLOSE, state));
		assertThat(state.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(state.version()).isEqualTo(6);
		assertThat(state.level()).isEqualTo(GRID);
	}

	@Test
	void everyTransitionProducesATimelineEntryWithActorTimeAndBothStatuses() {
		CaseState state = aCase(CaseStatus.HANDLING, GRID);
		CaseTimelineEntry entry = lifecycle.apply(state, handledWithProof(state)).entry();
		assertThat(entry).isEqualTo(new CaseTimelineEntry(NOON, "wang.gridder", HANDLE, CaseStatus.HANDLING,
				CaseStatus.HANDLED, GRID, GRID, "路灯已更换，晚上亮了"));
	}

	@Test
	void aCaseIsNotAcceptedWithAReasonThatEndsUpInTheTimeline() {
		CaseState state = aCase(CaseStatus.SUBMITTED, VILLAGE);
		CaseTransition transition = lifecycle.apply(state,
				by(VILLAGE_CADRE, REJECT, state).withReason("属于司法程序，请向法院起诉"));
		assertThat(transition.state().status()).isEqualTo(CaseStatus.REJECTED);
		assertThat(transition.entry().note()).isEqualTo("属于司法程序，请向法院起诉");
	}

	@Test
	void aCaseIsNotRejectedWithoutAReason() {
		CaseState state = aCase(CaseStatus.SUBMITTED, VILLAGE);
		assertRefused(state, by(VILLAGE_CADRE, REJECT, state), RejectRequiresReason.NO_REASON);
		assertRefused(state, by(VILLAGE_CADRE, REJECT, state).withReason("  "), RejectRequiresReason.NO_REASON);
	}

	@Test
	void aRejectedResolutionReopensTheCaseWhichIsThenHandledAgainAndClosed() {
		CaseState state = aCase(CaseStatus.HANDLED, GRID);
		CaseTransition rejected = lifecycle.apply(state,
				by(CaseActor.theReporter(), REJECT_RESOLUTION, state).withReason("路灯第二天又不亮了"));
		assertThat(rejected.state().status()).isEqualTo(CaseStatus.REOPENED);
		assertThat(rejected.entry().note()).isEqualTo("路灯第二天又不亮了");
		state = rejected.state();
		state = step(state, by(GRID_MEMBER, START, state));
		state = step(state, handledWithProof(state));
		state = step(state, by(CaseActor.theReporter(), CONFIRM_BY_REPORTER, state));
		assertThat(state.status()).isEqualTo(CaseStatus.VERIFIED);
		state = step(state, by(GRID_MEMBER, CLOSE, state));
		assertThat(state.status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void aResolutionIsNotRejectedAndAClosedCaseNotReopenedWithoutAReason() {
		CaseState handled = aCase(CaseStatus.HANDLED, GRID);
		assertRefused(handled, by(CaseActor.theReporter(), REJECT_RESOLUTION, handled),
				ResolutionRejectionRequiresReason.NO_REASON);
		CaseState closed = aCase(CaseStatus.CLOSED, GRID);
		assertRefused(closed, by(TOWN_CADRE, REOPEN, closed), ResolutionRejectionRequiresReason.NO_REASON);
		assertThat(step(closed, by(TOWN_CADRE, REOPEN, closed).withReason("季回访发现问题复发")).status())
			.isEqualTo(CaseStatus.REOPENED);
	}

	@Test
	void anIllegalActionIsRefusedNamingTheCurrentStatus() {
		CaseState state = aCase(CaseStatus.ACCEPTED, VILLAGE);
		assertThatThrownBy(() -> lifecycle.apply(state, by(VILLAGE_CADRE, CLOSE, state)))
			.isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
				assertThat(e.current()).isEqualTo(CaseStatus.ACCEPTED);
				assertThat(e.action()).isEqualTo(CLOSE);
				assertThat(e.getMessage()).contains("ACCEPTED").contains("CLOSE");
			});
	}

	@Test
	void handlingNeedsAResultTextAndAnAfterPhoto() {
		CaseState state = aCase(CaseStatus.HANDLING, GRID);
		assertRefused(state, by(GRID_MEMBER, HANDLE, state), HandledRequiresResult.NO_RESULT);
		assertRefused(state, by(GRID_MEMBER, HANDLE, state).withResult(" ", List.of("p1")),
				HandledRequiresResult.NO_RESULT);
		assertRefused(state, by(GRID_MEMBER, HANDLE, state).withResult("已处理", List.of()),
				HandledRequiresResult.NO_PHOTO);
		assertRefused(state, by(GRID_MEMBER, HANDLE, state).withResult("已处理", List.of("")),
				HandledRequiresResult.NO_PHOTO);
	}

	@Test
	void dispatchingNeedsAPerson() {
		CaseState state = aCase(CaseStatus.ACCEPTED, GRID);
		assertRefused(state, by(GRID_MEMBER, DISPATCH, state), DispatchRequiresAssignee.NO_ASSIGNEE);
	}

	@Test
	void onlyALevelAboveTheHandlingLevelVerifies() {
		CaseState state = aCase(CaseStatus.HANDLED, VILLAGE);
		assertRefused(state, by(VILLAGE_CADRE, VERIFY, state), VerifyByLevelAbove.NOT_ABOVE);
		assertRefused(state, by(GRID_MEMBER, VERIFY, state), VerifyByLevelAbove.NOT_ABOVE);
		assertRefused(state, by(CaseActor.theReporter(), VERIFY, state), VerifyByLevelAbove.NOT_ABOVE);
		assertThat(step(state, by(TOWN_CADRE, VERIFY, state)).status()).isEqualTo(CaseStatus.VERIFIED);
		assertThat(step(state, by(CaseActor.cadre("county", COUNTY), VERIFY, state)).status())
			.isEqualTo(CaseStatus.VERIFIED);
	}

	@Test
	void onlyTheReporterConfirmsAsTheReporter() {
		CaseState state = aCase(CaseStatus.HANDLED, GRID);
		assertRefused(state, by(TOWN_CADRE, CONFIRM_BY_REPORTER, state), ConfirmedByReporterOnly.NOT_REPORTER);
		assertRefused(state, by(CaseActor.system(), CONFIRM_BY_REPORTER, state), ConfirmedByReporterOnly.NOT_REPORTER);
	}

	@Test
	void aStaleVersionIsRefusedSoTwoConcurrentTransitionsCannotBothWin() {
		CaseState seen = aCase(CaseStatus.SUBMITTED, VILLAGE);
		TransitionRequest accept = by(VILLAGE_CADRE, ACCEPT, seen);
		TransitionRequest reject = by(CaseActor.cadre("other", VILLAGE), REJECT, seen).withReason("重复");
		CaseState afterFirst = step(seen, accept);
		assertThat(afterFirst.version()).isEqualTo(seen.version() + 1);
		assertThatThrownBy(() -> lifecycle.apply(afterFirst, reject))
			.isInstanceOfSatisfying(ConcurrentTransitionException.class, e -> {
				assertThat(e.caseId()).isEqualTo(seen.id());
				assertThat(e.expectedVersion()).isEqualTo(3);
				assertThat(e.actualVersion()).isEqualTo(4);
				assertThat(e.messageKey()).isEqualTo("case.transition.concurrent");
			});
	}

	@Test
	void theVersionIsCheckedBeforeTheTableSoAStaleViewIsNeverToldTheWrongStatus() {
		CaseState state = aCase(CaseStatus.CLOSED, GRID);
		TransitionRequest stale = TransitionRequest.of(ACCEPT, 2, GRID_MEMBER, NOON);
		assertThatThrownBy(() -> lifecycle.apply(state, stale)).isInstanceOf(ConcurrentTransitionException.class);
	}

	@Test
	void urgingIsRecordedButChangesNeitherStatusNorVersion() {
		CaseState state = aCase(CaseStatus.HANDLING, VILLAGE);
		CaseTransition urged = lifecycle.apply(state,
				TransitionRequest.of(URGE, 0, TOWN_CADRE, NOON).withReason("已超期两天，请尽快办理"));
		assertThat(urged.state()).isEqualTo(state);
		assertThat(urged.entry().action()).isEqualTo(URGE);
		assertThat(urged.entry().actor()).isEqualTo("zhao.town");
		assertThat(urged.entry().note()).isEqualTo("已超期两天，请尽快办理");
		CaseState closed = aCase(CaseStatus.CLOSED, VILLAGE);
		assertThatThrownBy(() -> lifecycle.apply(closed, by(TOWN_CADRE, URGE, closed)))
			.isInstanceOf(IllegalTransitionException.class);
	}

	@Test
	void escalatingMovesTheCaseUpAndBackToAcceptedForTheNewUnitToDispatch() {
		CaseState state = aCase(CaseStatus.DISPATCHED, GRID);
		CaseTransition escalated = lifecycle.apply(state,
				by(GRID_MEMBER, ESCALATE, state).withReason("涉及两个村的土地边界").withTargetLevel(TOWN));
		assertThat(escalated.state().level()).isEqualTo(TOWN);
		assertThat(escalated.state().status()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(escalated.entry().fromLevel()).isEqualTo(GRID);
		assertThat(escalated.entry().toLevel()).isEqualTo(TOWN);
	}

	@Test
	void aCaseEscalatedBeforeAcceptanceStaysSubmittedForTheNewUnitToAccept() {
		CaseState state = aCase(CaseStatus.SUBMITTED, VILLAGE);
		CaseState escalated = step(state,
				by(VILLAGE_CADRE, ESCALATE, state).withReason("村里无权处理").withTargetLevel(TOWN));
		assertThat(escalated.status()).isEqualTo(CaseStatus.SUBMITTED);
		assertThat(escalated.level()).isEqualTo(TOWN);
	}

	@Test
	void escalatingNeedsAReasonAndALevelAbove() {
		CaseState state = aCase(CaseStatus.HANDLING, VILLAGE);
		assertRefused(state, by(VILLAGE_CADRE, ESCALATE, state).withTargetLevel(TOWN),
				EscalateRequiresReason.NO_REASON);
		assertRefused(state, by(VILLAGE_CADRE, ESCALATE, state).withReason("难办"), EscalateRequiresReason.NOT_ABOVE);
		assertRefused(state, by(VILLAGE_CADRE, ESCALATE, state).withReason("难办").withTargetLevel(VILLAGE),
				EscalateRequiresReason.NOT_ABOVE);
		assertRefused(state, by(VILLAGE_CADRE, ESCALATE, state).withReason("难办").withTargetLevel(GRID),
				EscalateRequiresReason.NOT_ABOVE);
		CaseState atCounty = aCase(CaseStatus.HANDLING, COUNTY);
		assertRefused(atCounty, by(VILLAGE_CADRE, ESCALATE, atCounty).withReason("难办").withTargetLevel(COUNTY),
				EscalateRequiresReason.NOT_ABOVE);
	}

	@Test
	void handingDownMovesTheCaseToALevelBelowOnly() {
		CaseState state = aCase(CaseStatus.ACCEPTED, TOWN);
		assertThat(step(state, by(TOWN_CADRE, HAND_DOWN, state).withTargetLevel(VILLAGE)).level()).isEqualTo(VILLAGE);
		assertRefused(state, by(TOWN_CADRE, HAND_DOWN, state), HandDownRequiresLowerLevel.NOT_BELOW);
		assertRefused(state, by(TOWN_CADRE, HAND_DOWN, state).withTargetLevel(TOWN),
				HandDownRequiresLowerLevel.NOT_BELOW);
		assertRefused(state, by(TOWN_CADRE, HAND_DOWN, state).withTargetLevel(COUNTY),
				HandDownRequiresLowerLevel.NOT_BELOW);
		CaseState atGrid = aCase(CaseStatus.ACCEPTED, GRID);
		assertRefused(atGrid, by(GRID_MEMBER, HAND_DOWN, atGrid).withTargetLevel(GRID),
				HandDownRequiresLowerLevel.NOT_BELOW);
	}

	@Test
	void transferringStaysAtTheSameLevelAndNeedsAReason() {
		CaseState state = aCase(CaseStatus.HANDLING, VILLAGE);
		CaseState transferred = step(state, by(VILLAGE_CADRE, TRANSFER, state).withReason("属于邻村"));
		assertThat(transferred.level()).isEqualTo(VILLAGE);
		assertThat(transferred.status()).isEqualTo(CaseStatus.ACCEPTED);
		assertThat(step(state, by(VILLAGE_CADRE, TRANSFER, state).withReason("属于邻村").withTargetLevel(VILLAGE)).level())
			.isEqualTo(VILLAGE);
		assertRefused(state, by(VILLAGE_CADRE, TRANSFER, state), TransferRequiresReason.NO_REASON);
		assertRefused(state, by(VILLAGE_CADRE, TRANSFER, state).withReason("属于镇里").withTargetLevel(TOWN),
				TransferRequiresReason.NOT_SIDEWAYS);
	}

	@Test
	void aDuplicateIsMergedIntoAnotherCaseOnly() {
		CaseState state = aCase(CaseStatus.ACCEPTED, VILLAGE);
		assertThat(step(state, by(VILLAGE_CADRE, MERGE, state).withTargetCase(new CaseId(5))).status())
			.isEqualTo(CaseStatus.MERGED);
		assertRefused(state, by(VILLAGE_CADRE, MERGE, state), MergeTargetMustDiffer.NO_TARGET);
		assertRefused(state, by(VILLAGE_CADRE, MERGE, state).withTargetCase(state.id()),
				MergeTargetMustDiffer.NO_TARGET);
	}

	@Test
	void aRefusedRequestLeavesTheStateAsItWas() {
		CaseState state = aCase(CaseStatus.HANDLING, GRID);
		assertRefused(state, by(GRID_MEMBER, HANDLE, state), HandledRequiresResult.NO_RESULT);
		assertThat(step(state, handledWithProof(state)).version()).isEqualTo(4);
	}

	void assertRefused(CaseState state, TransitionRequest request, String messageKey) {
		assertThatThrownBy(() -> lifecycle.apply(state, request))
			.isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
				assertThat(e.messageKey()).isEqualTo(messageKey);
				assertThat(e.current()).isEqualTo(state.status());
				assertThat(e.action()).isEqualTo(request.action());
			});
	}

}
