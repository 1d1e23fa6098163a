package org.xiangzhi.platform.web;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.Submissions;

/**
 * Submissions in the database, so that the guarantee holds across nodes. The claim is a
 * conditional update of the token's row: the first transaction wins and holds the row
 * lock until it commits, so a concurrent duplicate waits and then sees the first payload.
 */
@Service
class JdbcSubmissions implements Submissions {

	/** Tokens older than this are unknown; forms left open longer must be reloaded. */
	static final Duration LIFETIME = Duration.ofDays(1);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcSubmissions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public String issue(String purpose) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("insert into submission (token, purpose, actor, created_at) values (:t, :p, :a, :now)")
			.param("t", token)
			.param("p", purpose)
			.param("a", CurrentActor.find().map(a -> a.username()).orElse(null))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void register(String token, String purpose) {
		if (token == null || token.isBlank() || token.length() > 64) {
			return;
		}
		boolean known = jdbc.sql("select count(*) from submission where token = :t")
			.param("t", token)
			.query(Long.class)
			.single() > 0;
		if (known) {
			return;
		}
		try {
			jdbc.sql("insert into submission (token, purpose, actor, created_at) values (:t, :p, :a, :now)")
				.param("t", token)
				.param("p", purpose)
				.param("a", CurrentActor.find().map(a -> a.username()).orElse(null))
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException raced) {
			// registered by a concurrent request a moment ago: the claim sorts it out
		}
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Claim claim(String token, String purpose, String payloadHash, String actor) {
		if (token == null || token.isBlank() || token.length() > 64) {
			return new Claim(Status.UNKNOWN, null);
		}
		// a token belongs to whoever was shown the form (or to nobody, for public forms)
		var update = jdbc
			.sql("update submission set payload_hash = :h where token = :t and purpose = :p and payload_hash is null "
					+ "and created_at > :oldest and " + (actor == null ? "actor is null" : "actor = :a"))
			.param("h", payloadHash)
			.param("t", token)
			.param("p", purpose)
			.param("oldest", Timestamp.from(clock.instant().minus(LIFETIME)));
		int claimed = (actor == null ? update : update.param("a", actor)).update();
		if (claimed == 1) {
			return Claim.fresh();
		}
		return jdbc.sql("select payload_hash, result, purpose, actor from submission where token = :t")
			.param("t", token)
			.query((rs, i) -> {
				if (!purpose.equals(rs.getString("purpose")) || !Objects.equals(actor, rs.getString("actor"))
						|| rs.getString("payload_hash") == null) {
					return new Claim(Status.UNKNOWN, null);
				}
				return payloadHash.equals(rs.getString("payload_hash"))
						? new Claim(Status.REPLAY, rs.getString("result")) : new Claim(Status.CONFLICT, null);
			})
			.optional()
			.orElse(new Claim(Status.UNKNOWN, null));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void complete(String token, String result) {
		jdbc.sql("update submission set result = :r, completed_at = :now where token = :t")
			.param("r", result)
			.param("now", Timestamp.from(clock.instant()))
			.param("t", token)
			.update();
	}

	@Override
	public java.util.Optional<java.time.Instant> issuedAt(String token, String purpose) {
		if (token == null || token.isBlank() || token.length() > 64) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("select created_at from submission where token = :t and purpose = :p and created_at > :oldest")
			.param("t", token)
			.param("p", purpose)
			.param("oldest", Timestamp.from(clock.instant().minus(LIFETIME)))
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	/** Old tokens are worth nothing; keep the table small. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	void purgeExpired() {
		jdbc.sql("delete from submission where created_at < :oldest")
			.param("oldest", Timestamp.from(clock.instant().minus(LIFETIME.multipliedBy(2))))
			.update();
	}

}
