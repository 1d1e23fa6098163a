package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/** 下派 needs a target level below the current handling level. */
public record HandDownRequiresLowerLevel() implements TransitionPolicy {

	public static final String NOT_BELOW = "case.refused.handDown.level";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		if (request.targetLevel() == null || !state.level().isAbove(request.targetLevel())) {
			return Optional.of(NOT_BELOW);
		}
		return Optional.empty();
	}

}
