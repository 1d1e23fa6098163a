package org.xiangzhi.party.org;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Submissions;

/**
 * The one-time token of every form of the section (and the API's Idempotency-Key): a
 * retried submission does nothing twice. Called inside the transaction of the write.
 */
@Component
class OneTimeForms {

	private final Submissions submissions;

	OneTimeForms(Submissions submissions) {
		this.submissions = submissions;
	}

	String issue(String purpose) {
		return submissions.issue(purpose);
	}

	/**
	 * Claims the token for this payload: empty when the write should go ahead, the first
	 * result when it already happened. A null token (an API call without a key) is not
	 * claimed; a blank, unknown or expired one is refused, as is one reused for other
	 * data.
	 */
	Optional<String> claim(String token, String purpose, Object... payload) {
		if (token == null) {
			return Optional.empty();
		}
		Submissions.Claim claim = submissions.claim(token, purpose, Submissions.hash(payload));
		return claim.replayedResult();
	}

	void complete(String token, Object result) {
		if (token != null) {
			submissions.complete(token, String.valueOf(result));
		}
	}

	/** The API's key as a token of this caller: keys of different callers never meet. */
	String apiToken(String idempotencyKey, String purpose, long accountId, String username) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return null;
		}
		if (idempotencyKey.length() > 255) {
			throw new InvalidInputException("Idempotency-Key", "party.api.idempotencyKey.invalid");
		}
		String token = Submissions.hash("party-api-v1", accountId, username, idempotencyKey);
		submissions.register(token, purpose);
		return token;
	}

}
