package org.xiangzhi.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Actor.Assignment;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.OrgPath;

/**
 * Appends to the hash chain in {@code audit_event}. It joins the caller's transaction on
 * purpose: the audited write and its audit row commit or roll back together. Locking
 * {@code audit_head} serialises appends, so every row's {@code prev_hash} is the hash of
 * the row before it; the lock is held until the caller commits, which is the price of a
 * gap-free chain.
 */
@Component
@Transactional(propagation = Propagation.REQUIRED)
class JdbcAuditLog implements AuditLog {

	static final String ANONYMOUS = "anonymous";

	private final JdbcClient jdbc;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(AuditEntry entry) {
		Actor actor = CurrentActor.find().orElse(null);
		if (actor == null) {
			append(ANONYMOUS, null, null, entry);
			return;
		}
		String scope = actor.describeScope();
		OrgPath orgPath = AuditOrgPaths
			.deepestCommonAncestor(actor.assignments().stream().map(Assignment::path).toList());
		append(actor.username(), scope.isEmpty() ? null : scope, orgPath, entry);
	}

	@Override
	public void recordAs(String actor, String actorScope, OrgPath orgPath, AuditEntry entry) {
		append(actor, actorScope, orgPath, entry);
	}

	private void append(String actor, String actorScope, OrgPath orgPath, AuditEntry entry) {
		Objects.requireNonNull(entry, "entry");
		Objects.requireNonNull(entry.action(), "action");
		Objects.requireNonNull(entry.outcome(), "outcome");
		String actorName = (actor == null || actor.isBlank()) ? ANONYMOUS : actor;
		Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
			.query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
			.optional()
			.orElseThrow(() -> new IllegalStateException("audit_head is missing"));
		// Read the clock only once the head is locked, so that time never runs backwards
		// along the chain on one clock.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		AuditRecord row = new AuditRecord(head.lastSeq() + 1, now, actorName, actorScope,
				orgPath == null ? null : orgPath.value(), entry.action(), entry.objectType(), entry.objectId(),
				entry.outcome().name(), clientIp(), entry.detail(), head.lastHash(), null);
		String hash = AuditHash.of(row);
		jdbc.sql("""
				insert into audit_event (seq, occurred_at, actor, actor_scope, org_path, action, object_type,
				                         object_id, outcome, client_ip, detail, prev_hash, hash)
				values (:seq, :occurredAt, :actor, :actorScope, :orgPath, :action, :objectType,
				        :objectId, :outcome, :clientIp, :detail, :prevHash, :hash)
				""")
			.param("seq", row.seq())
			.param("occurredAt", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("actor", row.actor())
			.param("actorScope", row.actorScope())
			.param("orgPath", row.orgPath())
			.param("action", row.action())
			.param("objectType", row.objectType())
			.param("objectId", row.objectId())
			.param("outcome", row.outcome())
			.param("clientIp", row.clientIp())
			.param("detail", row.detail())
			.param("prevHash", row.prevHash())
			.param("hash", hash)
			.update();
		jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1")
			.param("seq", row.seq())
			.param("hash", hash)
			.update();
	}

	private static String clientIp() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			return servlet.getRequest().getRemoteAddr();
		}
		return null;
	}

	private record Head(long lastSeq, String lastHash) {
	}

}
