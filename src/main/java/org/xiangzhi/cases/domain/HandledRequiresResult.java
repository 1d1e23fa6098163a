package org.xiangzhi.cases.domain;

import java.util.Optional;

import org.xiangzhi.cases.TransitionRequest;

/**
 * 办结 needs the result in words and at least one photo taken after the work: the proof
 * against false closure.
 */
public record HandledRequiresResult() implements TransitionPolicy {

	public static final String NO_RESULT = "case.refused.handle.result";

	public static final String NO_PHOTO = "case.refused.handle.photos";

	@Override
	public Optional<String> refusal(CaseState state, TransitionRequest request) {
		if (request.resultText() == null || request.resultText().isBlank()) {
			return Optional.of(NO_RESULT);
		}
		if (request.afterPhotoIds().stream().noneMatch(id -> id != null && !id.isBlank())) {
			return Optional.of(NO_PHOTO);
		}
		return Optional.empty();
	}

}
