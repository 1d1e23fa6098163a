package org.xiangzhi.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.audit.AuditVerification.Problem;

/**
 * Walks the audit chain from the anchor to the head and names the first place where it is
 * broken (等保 2.0 §8.1.4.3 c: protection of audit records).
 *
 * <p>
 * Rows are read in pages of {@value #PAGE} by key, so millions of rows never sit in
 * memory at once. The walk runs in one repeatable-read, read-only transaction: it sees a
 * snapshot in which {@code audit_head} and the rows agree, while writers keep appending
 * (they never wait for the verifier).
 */
@Service
public class AuditVerifier {

	static final int PAGE = 1000;

	private final JdbcClient jdbc;

	private final int pageSize;

	@Autowired
	AuditVerifier(JdbcClient jdbc) {
		this(jdbc, PAGE);
	}

	/** With a small page, so that tests cross page boundaries with few rows. */
	AuditVerifier(JdbcClient jdbc, int pageSize) {
		this.jdbc = jdbc;
		this.pageSize = pageSize;
	}

	/** Verifies the whole chain after the anchor against {@code audit_head}. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public AuditVerification verify() {
		Optional<Head> found = jdbc
			.sql("select last_seq, last_hash, anchor_seq, anchor_hash from audit_head where id = 1")
			.query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"), rs.getLong("anchor_seq"),
					rs.getString("anchor_hash")))
			.optional();
		if (found.isEmpty()) {
			return AuditVerification.broken(0, null, Problem.HEAD_MISMATCH);
		}
		Head head = found.get();
		Walk walk = walk(head.anchorSeq(), head.anchorHash(), head.lastSeq());
		if (walk.result() != null) {
			return walk.result();
		}
		if (walk.lastSeq() < head.lastSeq()) {
			return AuditVerification.broken(walk.checked(), walk.lastSeq() + 1, Problem.TRUNCATED);
		}
		if (!walk.lastHash().equals(head.lastHash())) {
			return AuditVerification.broken(walk.checked(), head.lastSeq(), Problem.HEAD_MISMATCH);
		}
		// A row past the head was written without moving the head: an insertion by hand.
		Long beyond = jdbc.sql("select min(seq) from audit_event where seq > :last")
			.param("last", head.lastSeq())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (beyond != null) {
			return AuditVerification.broken(walk.checked(), head.lastSeq() + 1, Problem.HEAD_MISMATCH);
		}
		return AuditVerification.ok(walk.checked());
	}

	/**
	 * Checks the rows {@code afterSeq < seq <= toSeq} against each other, starting from
	 * the hash {@code afterHash} of the row before them. Stops at the first problem; a
	 * walk that ends early without a problem (rows missing at the end) is for the caller
	 * to judge.
	 */
	Walk walk(long afterSeq, String afterHash, long toSeq) {
		long expected = afterSeq + 1;
		String prevHash = afterHash;
		long checked = 0;
		while (true) {
			List<AuditRecord> page = jdbc.sql("""
					select seq, occurred_at, actor, actor_scope, org_path, action, object_type, object_id,
					       outcome, client_ip, detail, prev_hash, hash
					from audit_event where seq > :after and seq <= :to order by seq limit :limit
					""")
				.param("after", expected - 1)
				.param("to", toSeq)
				.param("limit", pageSize)
				.query((rs, n) -> read(rs))
				.list();
			for (AuditRecord row : page) {
				if (row.seq() != expected) {
					return new Walk(checked, expected - 1, prevHash,
							AuditVerification.broken(checked, expected, Problem.MISSING));
				}
				boolean selfConsistent = row.expectedHash().equals(row.hash());
				boolean linked = row.prevHash().equals(prevHash);
				if (!selfConsistent) {
					return new Walk(checked, expected - 1, prevHash,
							AuditVerification.broken(checked, row.seq(), linked ? Problem.ALTERED : Problem.REORDERED));
				}
				if (!linked) {
					// The row is genuine for its position (its hash covers its seq), so
					// the row before it is not the one it was chained to: that one was
					// rewritten and re-hashed. Before the first row, it is the anchor.
					boolean atAnchor = row.seq() == afterSeq + 1;
					return new Walk(checked, expected - 1, prevHash, AuditVerification.broken(checked,
							atAnchor ? row.seq() : row.seq() - 1, atAnchor ? Problem.HEAD_MISMATCH : Problem.ALTERED));
				}
				checked++;
				prevHash = row.hash();
				expected++;
			}
			if (page.size() < pageSize) {
				return new Walk(checked, expected - 1, prevHash, null);
			}
		}
	}

	/**
	 * The head as {@code last_seq:last_hash}, to be copied somewhere the database's
	 * administrators cannot write: a later verification compares against it.
	 */
	String headFingerprint() {
		return jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
			.query((rs, n) -> rs.getLong("last_seq") + ":" + rs.getString("last_hash"))
			.optional()
			.orElse("none");
	}

	static AuditRecord read(ResultSet rs) throws SQLException {
		return new AuditRecord(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_scope"), rs.getString("org_path"), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
				rs.getString("client_ip"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/**
	 * Where a walk stopped: the last good row and its hash, and a broken result if it
	 * found a problem.
	 */
	record Walk(long checked, long lastSeq, String lastHash, AuditVerification result) {
	}

	private record Head(long lastSeq, String lastHash, long anchorSeq, String anchorHash) {
	}

}
