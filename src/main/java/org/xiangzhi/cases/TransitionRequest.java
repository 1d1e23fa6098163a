package org.xiangzhi.cases;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One action asked of a case, with everything the guards may need. Fields an action does
 * not use stay {@code null} (or empty); build with {@link #of} and the {@code with...}
 * methods.
 *
 * @param action the action
 * @param expectedVersion the case version the actor saw
 * @param actor who acts
 * @param at when
 * @param reason why (reject, escalate, transfer, reject a resolution, reopen, merge)
 * @param resultText the handling result (办结)
 * @param afterPhotoIds ids of the stored after-photos (办结)
 * @param targetCase the case a duplicate is merged into
 * @param targetLevel the level the case moves to (escalate, hand down, transfer)
 * @param assigneeAccountId the person a case is dispatched to
 */
public record TransitionRequest(CaseAction action, long expectedVersion, CaseActor actor, Instant at, String reason,
		String resultText, List<String> afterPhotoIds, CaseId targetCase, HandlingLevel targetLevel,
		Long assigneeAccountId) {

	public TransitionRequest {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(actor, "actor");
		Objects.requireNonNull(at, "at");
		afterPhotoIds = (afterPhotoIds != null) ? List.copyOf(afterPhotoIds) : List.of();
	}

	public static TransitionRequest of(CaseAction action, long expectedVersion, CaseActor actor, Instant at) {
		return new TransitionRequest(action, expectedVersion, actor, at, null, null, List.of(), null, null, null);
	}

	public TransitionRequest withReason(String reason) {
		return new TransitionRequest(action, expectedVersion, actor, at, reason, resultText, afterPhotoIds, targetCase,
				targetLevel, assigneeAccountId);
	}

	public TransitionRequest withResult(String resultText, List<String> afterPhotoIds) {
		return new TransitionRequest(action, expectedVersion, actor, at, reason, resultText, afterPhotoIds, targetCase,
				targetLevel, assigneeAccountId);
	}

	public TransitionRequest withTargetCase(CaseId targetCase) {
		return new TransitionRequest(action, expectedVersion, actor, at, reason, resultText, afterPhotoIds, targetCase,
				targetLevel, assigneeAccountId);
	}

	public TransitionRequest withTargetLevel(HandlingLevel targetLevel) {
		return new TransitionRequest(action, expectedVersion, actor, at, reason, resultText, afterPhotoIds, targetCase,
				targetLevel, assigneeAccountId);
	}

	public TransitionRequest withAssignee(long assigneeAccountId) {
		return new TransitionRequest(action, expectedVersion, actor, at, reason, resultText, afterPhotoIds, targetCase,
				targetLevel, assigneeAccountId);
	}

	public boolean hasReason() {
		return reason != null && !reason.isBlank();
	}

}
