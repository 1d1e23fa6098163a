package org.xiangzhi.cases.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.ExpiringCache;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Submissions;

/**
 * Open311 integration clients (接入单位), each scoped to one county. The api_key is shown
 * once at creation: only its SHA-256 and its first characters (to recognise it in the
 * list) are stored, so a leaked database does not leak working keys.
 */
@Service
// a refused out-of-scope revocation still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class Open311Clients {

	/** Object type in audit rows and in the authorization matrix. */
	public static final String OBJECT_TYPE = "open311-client";

	static final String CREATED = "OPEN311_CLIENT_CREATED";

	static final String REVOKED = "OPEN311_CLIENT_REVOKED";

	static final String CREATE_FORM = "open311-client.create";

	private static final String PREFIX = "o311_";

	private static final int SHOWN_PREFIX = 12;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Submissions submissions;

	private final Clock clock;

	Open311Clients(JdbcClient jdbc, AuditLog audit, Submissions submissions, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.submissions = submissions;
		this.clock = clock;
		this.active = new ExpiringCache<>(CACHE_TTL, 1_000, clock);
	}

	/** A client as stored (never the key). */
	public record Client(long id, String name, String countyCode, String countyName, OrgPath countyPath,
			String keyPrefix, String createdBy, Instant createdAt, Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}

	}

	/** A new client and its key, shown once; the key is null on a replayed form. */
	public record Issued(long id, String apiKey) {
	}

	/** A county the actor may create clients for. */
	public record County(String code, String name, OrgPath path) {
	}

	/** The counties inside the actor's configuration scope. */
	@Transactional(readOnly = true)
	public List<County> countiesFor(Actor actor) {
		DataScope.SqlCondition scope = CaseAccess.configureScope(actor).condition("org_path");
		return jdbc
			.sql("select code, name, org_path from place where level = 'COUNTY' and " + scope.sql()
					+ " order by org_path")
			.params(scope.params())
			.query((rs, i) -> new County(rs.getString(1), rs.getString(2), OrgPath.of(rs.getString(3))))
			.list();
	}

	/** Creates the client once per form token; a replay gets the first id and no key. */
	public Issued createOnce(Actor actor, String name, String countyCode, String formToken) {
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > 100) {
			throw new InvalidInputException("name", "open311.client.name.invalid");
		}
		County county = countiesFor(actor).stream()
			.filter(c -> c.code().equals(countyCode))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("countyCode", "open311.client.county.invalid"));
		Submissions.Claim claim = submissions.claim(formToken == null ? "" : formToken, CREATE_FORM,
				Submissions.hash(cleanName, county.code()));
		Optional<String> replayed = claim.replayedResult();
		if (replayed.isPresent()) {
			return new Issued(Long.parseLong(replayed.get()), null);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("insert into open311_client (name, county_code, org_path, key_hash, key_prefix, created_by, "
				+ "created_at) values (:name, :county, :path, :hash, :prefix, :by, :now)")
			.param("name", cleanName)
			.param("county", county.code())
			.param("path", county.path().value())
			.param("hash", sha256(key))
			.param("prefix", key.substring(0, SHOWN_PREFIX))
			.param("by", actor.username())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		long id = jdbc.sql("select id from open311_client where key_hash = :hash")
			.param("hash", sha256(key))
			.query(Long.class)
			.single();
		audit.record(AuditEntry.success(CREATED, OBJECT_TYPE, id).withDetail(county.code()));
		submissions.complete(formToken, Long.toString(id));
		return new Issued(id, key);
	}

	/** The clients of the counties in the actor's scope, newest first. */
	@Transactional(readOnly = true)
	public List<Client> list(Actor actor) {
		DataScope.SqlCondition scope = CaseAccess.configureScope(actor).condition("c.org_path");
		return jdbc.sql(SELECT + "where " + scope.sql() + " order by c.created_at desc, c.id desc")
			.params(scope.params())
			.query(Open311Clients::map)
			.list();
	}

	/**
	 * Revokes the client; its key stops working at once on this node and within
	 * {@link #CACHE_TTL} on the others.
	 */
	public void revoke(Actor actor, long id) {
		Client client = find(id).orElseThrow(() -> new RecordNotFoundException(OBJECT_TYPE, id));
		if (!CaseAccess.configureScope(actor).contains(client.countyPath())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, OBJECT_TYPE, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(OBJECT_TYPE, id);
		}
		int changed = jdbc.sql("update open311_client set revoked_at = :now where id = :id and revoked_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		if (changed > 0) {
			audit.record(AuditEntry.success(REVOKED, OBJECT_TYPE, id));
		}
		// the cache is keyed by the key's hash, which the id does not give
		active.invalidateAll();
	}

	/**
	 * The active client a presented api_key belongs to. Every Open311 request asks, so a
	 * client is read from the database at most once per {@link #CACHE_TTL} per node.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Optional<Client> authenticate(String apiKey) {
		if (apiKey == null || !apiKey.startsWith(PREFIX) || apiKey.length() > 100) {
			return Optional.empty();
		}
		return active.get(sha256(apiKey),
				hash -> jdbc.sql(SELECT + "where c.key_hash = :hash and c.revoked_at is null")
					.param("hash", hash)
					.query(Open311Clients::map)
					.optional());
	}

	/** How long a client is served from memory. */
	static final Duration CACHE_TTL = Duration.ofSeconds(10);

	private final ExpiringCache<String, Client> active;

	@Transactional(readOnly = true)
	public Optional<Client> find(long id) {
		return jdbc.sql(SELECT + "where c.id = :id").param("id", id).query(Open311Clients::map).optional();
	}

	private static final String SELECT = "select c.id, c.name, c.county_code, p.name as county_name, c.org_path, "
			+ "c.key_prefix, c.created_by, c.created_at, c.revoked_at from open311_client c "
			+ "left join place p on p.code = c.county_code ";

	private static Client map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new Client(rs.getLong("id"), rs.getString("name"), rs.getString("county_code"),
				rs.getString("county_name"), OrgPath.of(rs.getString("org_path")), rs.getString("key_prefix"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				revoked == null ? null : revoked.toInstant());
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
