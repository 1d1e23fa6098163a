package org.xiangzhi.cases.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.CaseTimelineEntry;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.cases.TransitionRequest;

/**
 * Applies a request to a case: checks the version the actor saw, the transition table and
 * the action's policies, in that order, and returns the new state with its timeline
 * entry. Pure: the repository stores the result with
 * {@code UPDATE ... WHERE version = :expected}, so of two concurrent transitions only one
 * can win even across nodes.
 */
public final class CaseLifecycle {

	private static final Map<CaseAction, List<TransitionPolicy>> POLICIES = policies();

	private static Map<CaseAction, List<TransitionPolicy>> policies() {
		Map<CaseAction, List<TransitionPolicy>> policies = new EnumMap<>(CaseAction.class);
		for (CaseAction action : CaseAction.values()) {
			policies.put(action, List.of());
		}
		policies.put(CaseAction.REJECT, List.of(new RejectRequiresReason()));
		policies.put(CaseAction.DISPATCH, List.of(new DispatchRequiresAssignee()));
		policies.put(CaseAction.HANDLE, List.of(new HandledRequiresResult()));
		policies.put(CaseAction.VERIFY, List.of(new VerifyByLevelAbove()));
		policies.put(CaseAction.CONFIRM_BY_REPORTER, List.of(new ConfirmedByReporterOnly()));
		policies.put(CaseAction.REJECT_RESOLUTION, List.of(new ResolutionRejectionRequiresReason()));
		policies.put(CaseAction.REOPEN, List.of(new ResolutionRejectionRequiresReason()));
		policies.put(CaseAction.MERGE, List.of(new MergeTargetMustDiffer()));
		policies.put(CaseAction.ESCALATE, List.of(new EscalateRequiresReason()));
		policies.put(CaseAction.HAND_DOWN, List.of(new HandDownRequiresLowerLevel()));
		policies.put(CaseAction.TRANSFER, List.of(new TransferRequiresReason()));
		return Map.copyOf(policies);
	}

	/** The policies an action must pass, in the order they are asked. */
	public List<TransitionPolicy> policiesFor(CaseAction action) {
		return POLICIES.get(action);
	}

	/**
	 * Applies the request.
	 * @throws ConcurrentTransitionException if the case changed since the actor saw it
	 * @throws org.xiangzhi.cases.IllegalTransitionException if the action is not allowed
	 * in the current status
	 * @throws TransitionRefusedException if a policy refuses the request
	 */
	public CaseTransition apply(CaseState state, TransitionRequest request) {
		CaseAction action = request.action();
		// Urging changes nothing, so it neither needs a fresh view nor makes other views
		// stale: a supervisor's 催办 must not make the handler's next step fail.
		boolean changes = action != CaseAction.URGE;
		if (changes && request.expectedVersion() != state.version()) {
			throw new ConcurrentTransitionException(state.id(), request.expectedVersion(), state.version());
		}
		CaseStatus to = CaseWorkflow.next(state.status(), action);
		for (TransitionPolicy policy : policiesFor(action)) {
			Optional<String> refusal = policy.refusal(state, request);
			if (refusal.isPresent()) {
				throw new TransitionRefusedException(refusal.get(), state.status(), action);
			}
		}
		HandlingLevel level = switch (action) {
			case ESCALATE, HAND_DOWN -> request.targetLevel();
			default -> state.level();
		};
		CaseState next = new CaseState(state.id(), to, level, changes ? state.version() + 1 : state.version());
		String note = request.hasReason() ? request.reason() : request.resultText();
		CaseTimelineEntry entry = new CaseTimelineEntry(request.at(), request.actor().name(), action, state.status(),
				to, state.level(), level, note);
		return new CaseTransition(next, entry);
	}

}
