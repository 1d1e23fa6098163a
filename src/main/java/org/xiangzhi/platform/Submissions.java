package org.xiangzhi.platform;

import java.util.Optional;

/**
 * One-time form tokens that double as idempotency keys (Stripe/IETF idempotency-key
 * semantics). A form carries a token from {@link #issue(String)}; the handler calls
 * {@link #claim} inside the transaction of its write and {@link #complete} with a
 * reference to what it created. The same token with the same payload gets the first
 * result again; with a different payload it is refused; a concurrent duplicate waits for
 * the first to commit.
 */
public interface Submissions {

	/** A fresh token for one form of this purpose. */
	String issue(String purpose);

	/**
	 * Makes a client-chosen idempotency key (an API's {@code Idempotency-Key}, already
	 * namespaced by its client, e.g. with {@link #hash}) known as a token of this
	 * purpose, if it is not known yet. Runs in its own transaction so that a concurrent
	 * registration of the same key cannot abort the caller's; then {@link #claim} as for
	 * a form token.
	 */
	void register(String token, String purpose);

	/**
	 * Claims the token for this payload, for the signed-in actor of this thread (or
	 * nobody, on a public form).
	 * @param payloadHash a hash of the submitted fields that matter (see {@link #hash})
	 */
	default Claim claim(String token, String purpose, String payloadHash) {
		return claim(token, purpose, payloadHash, CurrentActor.find().map(Actor::username).orElse(null));
	}

	/**
	 * Claims the token for this payload on behalf of {@code actor} (the username the
	 * token was issued to, null for a public form): for work that runs away from the
	 * request's thread, e.g. in a {@link GroupCommit}.
	 */
	Claim claim(String token, String purpose, String payloadHash, String actor);

	/** Records the result of a claimed submission, e.g. the id of the created record. */
	void complete(String token, String result);

	/**
	 * When the token was issued, if it is known and not expired: a form sent back a
	 * moment after it was shown was not filled in by a person.
	 */
	Optional<java.time.Instant> issuedAt(String token, String purpose);

	/** A stable SHA-256 of the given values, for {@link #claim}. */
	static String hash(Object... values) {
		StringBuilder text = new StringBuilder();
		for (Object value : values) {
			String v = value == null ? "\u0000" : value.toString();
			text.append(v.length()).append(':').append(v).append('|');
		}
		try {
			return java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a claim found. */
	record Claim(Status status, String result) {

		public static Claim fresh() {
			return new Claim(Status.NEW, null);
		}

		/**
		 * The first result when this is a replay, empty when the claim is new: go ahead.
		 * @throws InvalidInputException on {@code submissionToken}:
		 * {@code submission.conflict} for a token reused with other data,
		 * {@code submission.expired} for an unknown one
		 */
		public Optional<String> replayedResult() {
			return switch (status) {
				case NEW -> Optional.empty();
				case REPLAY -> Optional.of(result == null ? "" : result);
				case CONFLICT -> throw new InvalidInputException("submissionToken", "submission.conflict");
				case UNKNOWN -> throw new InvalidInputException("submissionToken", "submission.expired");
			};
		}

	}

	/** The states of a claim. */
	enum Status {

		/** First use: go ahead. */
		NEW,
		/** Already done with the same payload: answer with {@code result}. */
		REPLAY,
		/** Same token, different payload: refuse (422). */
		CONFLICT,
		/** Unknown, expired or for another purpose: show the form again. */
		UNKNOWN

	}

}
