package org.xiangzhi.cases.core;

import java.util.List;

import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.HandlingLevel;

/**
 * What a cadre asks of a case on a screen or through the API. Fields an action does not
 * use stay null.
 *
 * @param action the action
 * @param expectedVersion the version the cadre saw
 * @param reason why (reject, escalate, transfer, reject a resolution, reopen, urge)
 * @param resultText the handling result (办结)
 * @param afterPhotoIds photos stored with {@link CasePhotos} (办结)
 * @param targetCaseId the case a duplicate is merged into
 * @param targetLevel the level to escalate to (default: one up)
 * @param targetUnitCode the unit to hand down or transfer to
 * @param assigneeAccountId the person to dispatch to
 */
public record CaseCommand(CaseAction action, long expectedVersion, String reason, String resultText,
		List<Long> afterPhotoIds, Long targetCaseId, HandlingLevel targetLevel, String targetUnitCode,
		Long assigneeAccountId) {

	public CaseCommand {
		afterPhotoIds = afterPhotoIds == null ? List.of() : List.copyOf(afterPhotoIds);
	}

	public static CaseCommand of(CaseAction action, long expectedVersion) {
		return new CaseCommand(action, expectedVersion, null, null, List.of(), null, null, null, null);
	}

	public CaseCommand withReason(String reason) {
		return new CaseCommand(action, expectedVersion, reason, resultText, afterPhotoIds, targetCaseId, targetLevel,
				targetUnitCode, assigneeAccountId);
	}

	public CaseCommand withResult(String resultText, List<Long> afterPhotoIds) {
		return new CaseCommand(action, expectedVersion, reason, resultText, afterPhotoIds, targetCaseId, targetLevel,
				targetUnitCode, assigneeAccountId);
	}

	public CaseCommand withTargetCase(long targetCaseId) {
		return new CaseCommand(action, expectedVersion, reason, resultText, afterPhotoIds, targetCaseId, targetLevel,
				targetUnitCode, assigneeAccountId);
	}

	public CaseCommand withTargetLevel(HandlingLevel targetLevel) {
		return new CaseCommand(action, expectedVersion, reason, resultText, afterPhotoIds, targetCaseId, targetLevel,
				targetUnitCode, assigneeAccountId);
	}

	public CaseCommand withTargetUnit(String targetUnitCode) {
		return new CaseCommand(action, expectedVersion, reason, resultText, afterPhotoIds, targetCaseId, targetLevel,
				targetUnitCode, assigneeAccountId);
	}

	public CaseCommand withAssignee(long assigneeAccountId) {
		return new CaseCommand(action, expectedVersion, reason, resultText, afterPhotoIds, targetCaseId, targetLevel,
				targetUnitCode, assigneeAccountId);
	}

}
