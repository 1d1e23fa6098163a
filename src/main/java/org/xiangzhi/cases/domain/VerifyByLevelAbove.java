package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/**
 * 核查 is done by a cadre above the handling level, never by the unit that did the work;
 * the reporter's own confirmation is the other way and is a separate action.
 */
public record VerifyByLevelAbove() implements TransitionPolicy {

	public static final String NOT_ABOVE = "case.refused.verify.level";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		var actorLevel = request.actor().level();
		if (actorLevel == null || !actorLevel.isAbove(state.level())) {
			return Optional.of(NOT_ABOVE);
		}
		return Optional.empty();
	}

}
