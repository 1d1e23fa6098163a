package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/** A duplicate is merged into another case, never into itself. */
public record MergeTargetMustDiffer() implements TransitionPolicy {

	public static final String NO_TARGET = "case.refused.merge.target";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		if (request.targetCase() == null || request.targetCase().equals(state.id())) {
			return Optional.of(NO_TARGET);
		}
		return Optional.empty();
	}

}
