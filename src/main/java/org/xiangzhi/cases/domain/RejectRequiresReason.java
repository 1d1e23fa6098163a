package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/** 不予受理 needs a reason: it is shown to the reporter. */
public record RejectRequiresReason() implements TransitionPolicy {

	public static final String NO_REASON = "case.refused.reject.reason";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		return request.hasReason() ? Optional.empty() : Optional.of(NO_REASON);
	}

}
