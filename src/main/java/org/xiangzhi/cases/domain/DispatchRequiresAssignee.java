package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/** 派遣 puts a case in front of a person: it needs one. */
public record DispatchRequiresAssignee() implements TransitionPolicy {

	public static final String NO_ASSIGNEE = "case.refused.dispatch.assignee";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		return request.assigneeAccountId() != null ? Optional.empty() : Optional.of(NO_ASSIGNEE);
	}

}
