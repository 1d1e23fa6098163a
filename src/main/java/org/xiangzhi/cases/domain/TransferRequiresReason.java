package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/**
 * 转办 goes sideways: it needs a reason, and the case keeps its level (a target level, if
 * given, must be the current one).
 */
public record TransferRequiresReason() implements TransitionPolicy {

	public static final String NO_REASON = "case.refused.transfer.reason";

	public static final String NOT_SIDEWAYS = "case.refused.transfer.level";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		if (!request.hasReason()) {
			return Optional.of(NO_REASON);
		}
		if (request.targetLevel() != null && request.targetLevel() != state.level()) {
			return Optional.of(NOT_SIDEWAYS);
		}
		return Optional.empty();
	}

}
