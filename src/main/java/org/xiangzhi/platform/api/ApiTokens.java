package org.xiangzhi.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.ExpiringCache;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.account.AccountService;
import org.xiangzhi.platform.account.GrantPolicy;

/**
 * Integration tokens (接口令牌) for the JSON API. A token acts with one role at one place,
 * never more than its creator holds; only a SHA-256 of the secret is stored, so the
 * secret is shown once at creation.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class ApiTokens {

	static final String OBJECT_TYPE = "api_token";

	private static final String PREFIX = "xzt_";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Places places;

	private final AuditLog audit;

	private final Clock clock;

	private final Submissions submissions;

	ApiTokens(JdbcClient jdbc, Places places, AuditLog audit, Clock clock, Submissions submissions) {
		this.submissions = submissions;
		this.jdbc = jdbc;
		this.places = places;
		this.audit = audit;
		this.clock = clock;
		this.active = new ExpiringCache<>(CACHE_TTL, 10_000, clock);
	}

	/** A token as listed to administrators (never the secret). */
	public record TokenView(long id, String name, String prefix, Role role, String placeCode, String placeName,
			Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

		public boolean active(Instant now) {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
		}

	}

	/** A new token and its secret, shown once. */
	public record IssuedToken(long id, String secret) {
	}

	/**
	 * Creates the token once per form token; a retry gets the id of the first token and
	 * no secret (it was shown once).
	 */
	public IssuedToken createOnce(Actor creator, String name, Role role, String placeCode, int validDays,
			String formToken) {
		Submissions.Claim claim = submissions.claim(formToken, ApiTokenController.CREATE_FORM,
				Submissions.hash(name.strip(), role, placeCode, validDays));
		Optional<String> replayed = claim.replayedResult();
		if (replayed.isPresent()) {
			return new IssuedToken(Long.parseLong(replayed.get()), null);
		}
		IssuedToken issued = create(creator, name, role, placeCode, validDays);
		submissions.complete(formToken, Long.toString(issued.id()));
		return issued;
	}

	public IssuedToken create(Actor creator, String name, Role role, String placeCode, int validDays) {
		Place place = places.require(placeCode, AccountService.adminScope(creator));
		GrantPolicy.check(creator, role, place);
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql(
				"insert into api_token (name, token_hash, token_prefix, role, place_code, org_path, created_by, created_at, expires_at) "
						+ "values (:name, :hash, :prefix, :role, :place, :path, :creator, :now, :expires)")
			.param("name", name.strip())
			.param("hash", sha256(secret))
			.param("prefix", secret.substring(0, 10))
			.param("role", role.name())
			.param("place", place.code())
			.param("path", place.path().value())
			.param("creator", creator.accountId())
			.param("now", java.sql.Timestamp.from(now))
			.param("expires", java.sql.Timestamp.from(now.plus(Duration.ofDays(validDays))))
			.update();
		long id = lastId(secret);
		audit.record(AuditEntry.success(AuditActions.TOKEN_CREATED, OBJECT_TYPE, id)
			.withDetail(role.name() + "@" + place.code()));
		return new IssuedToken(id, secret);
	}

	@Transactional(readOnly = true)
	public List<TokenView> list(Actor actor) {
		DataScope.SqlCondition scope = AccountService.adminScope(actor).condition("t.org_path");
		return jdbc
			.sql("select t.id, t.name, t.token_prefix, t.role, t.place_code, p.name as place_name, t.created_at, "
					+ "t.expires_at, t.revoked_at, t.last_used_at from api_token t join place p on p.code = t.place_code where "
					+ scope.sql() + " order by t.created_at desc")
			.params(scope.params())
			.query((rs, i) -> new TokenView(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
					Role.valueOf(rs.getString("role")), rs.getString("place_code"), rs.getString("place_name"),
					instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at"))))
			.list();
	}

	public void revoke(Actor actor, long id) {
		DataScope scope = AccountService.adminScope(actor);
		Optional<String> path = jdbc.sql("select org_path from api_token where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
		if (path.isEmpty()) {
			throw new RecordNotFoundException(OBJECT_TYPE, id);
		}
		if (!scope.contains(OrgPath.of(path.get()))) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, OBJECT_TYPE, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(OBJECT_TYPE, id);
		}
		jdbc.sql("update api_token set revoked_at = :now where id = :id and revoked_at is null")
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		// the cache is keyed by the secret's hash, which the id does not give
		active.invalidateAll();
		audit.record(AuditEntry.success(AuditActions.TOKEN_REVOKED, OBJECT_TYPE, id));
	}

	/**
	 * The actor a presented secret stands for, if the token is known, active and
	 * unexpired. A token is read from the database at most once per {@link #CACHE_TTL}
	 * per node (it is checked on every API request); revoking it takes effect at once on
	 * the node that revoked it and within that time on the others.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Actor> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return active.get(sha256(secret), hash -> load(hash, now))
			.filter(token -> token.expiresAt() == null || token.expiresAt().isAfter(now))
			.map(ActiveToken::actor);
	}

	/** How long a token is served from memory. */
	static final Duration CACHE_TTL = Duration.ofSeconds(10);

	private record ActiveToken(Actor actor, Instant expiresAt) {
	}

	private final ExpiringCache<String, ActiveToken> active;

	private Optional<ActiveToken> load(String hash, Instant now) {
		Optional<ActiveToken> token = jdbc
			.sql("select id, name, role, place_code, org_path, created_by, expires_at from api_token "
					+ "where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)")
			.param("hash", hash)
			.param("now", java.sql.Timestamp.from(now))
			.query((rs,
					i) -> new ActiveToken(
							new Actor(rs.getLong("created_by"), "token:" + rs.getString("name"),
									List.of(new Actor.Assignment(Role.valueOf(rs.getString("role")),
											rs.getString("place_code"), OrgPath.of(rs.getString("org_path"))))),
							instant(rs.getTimestamp("expires_at"))))
			.optional();
		// "last used" to the minute, written when the token is (re)loaded: writing the
		// one
		// token row on every request serialised an integration's concurrent requests on
		// its
		// row lock
		token.ifPresent(a -> jdbc
			.sql("update api_token set last_used_at = :now where token_hash = :hash "
					+ "and (last_used_at is null or last_used_at < :stale)")
			.param("now", java.sql.Timestamp.from(now))
			.param("stale", java.sql.Timestamp.from(now.minusSeconds(60)))
			.param("hash", hash)
			.update());
		return token;
	}

	private long lastId(String secret) {
		return jdbc.sql("select id from api_token where token_hash = :hash")
			.param("hash", sha256(secret))
			.query(Long.class)
			.single();
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
