package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/**
 * Rejecting a resolution, or reopening a closed case, needs a reason: it tells the
 * handler what is still wrong.
 */
public record ResolutionRejectionRequiresReason() implements TransitionPolicy {

	public static final String NO_REASON = "case.refused.reopen.reason";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		return request.hasReason() ? Optional.empty() : Optional.of(NO_REASON);
	}

}
