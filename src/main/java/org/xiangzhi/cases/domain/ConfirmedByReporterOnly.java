package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/** Only the resident who reported the case can confirm its resolution as the reporter. */
public record ConfirmedByReporterOnly() implements TransitionPolicy {

	public static final String NOT_REPORTER = "case.refused.confirm.reporter";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		return request.actor().reporter() ? Optional.empty() : Optional.of(NOT_REPORTER);
	}

}
