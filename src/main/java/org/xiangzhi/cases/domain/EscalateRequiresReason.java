package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/** 上报 needs a reason and a target level above the current handling level. */
public record EscalateRequiresReason() implements TransitionPolicy {

	public static final String NO_REASON = "case.refused.escalate.reason";

	public static final String NOT_ABOVE = "case.refused.escalate.level";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		if (!request.hasReason()) {
			return Optional.of(NO_REASON);
		}
		if (request.targetLevel() == null || !request.targetLevel().isAbove(state.level())) {
			return Optional.of(NOT_ABOVE);
		}
		return Optional.empty();
	}

}
