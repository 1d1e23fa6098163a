package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/**
 * A rule that accepts or refuses one kind of request. Returns the message key of the
 * refusal, or empty when the request passes.
 */
@FunctionalInterface
public interface TransitionPolicy {

	Optional<String> refusal(CaseState state, TransitionRequest request);

}
