package org.xiangzhi.platform.audit;

/**
 * The result of walking the audit chain.
 *
 * @param intact whether every row from the anchor to the head is present, unaltered and
 * in order
 * @param rowsChecked rows whose hash and link were checked before the walk stopped
 * @param firstBadSeq the first sequence number where the chain is broken; {@code null}
 * when intact (or when the head itself is missing)
 * @param problem what is wrong at {@code firstBadSeq}; {@code null} when intact
 */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBadSeq, Problem problem) {

	static AuditVerification ok(long rowsChecked) {
		return new AuditVerification(true, rowsChecked, null, null);
	}

	static AuditVerification broken(long rowsChecked, Long firstBadSeq, Problem problem) {
		return new AuditVerification(false, rowsChecked, firstBadSeq, problem);
	}

	/** Message key describing the outcome, for the auditor screen. */
	public String messageKey() {
		return intact ? "audit.verify.intact" : "audit.verify.problem." + problem.name();
	}

	/** How the chain is broken at the first bad sequence number. */
	public enum Problem {

		/**
		 * The row's contents no longer hash to its stored hash while it still links to
		 * the row before it: changed in place. Also reported at the earlier of two rows
		 * when a row was re-hashed after a change, so that it is self-consistent but its
		 * successor no longer links to it.
		 */
		ALTERED,
		/** A sequence number is absent: the row was deleted. */
		MISSING,
		/**
		 * The row is neither consistent with its own hash nor linked to the row before
		 * it: it belongs to another position (rows swapped, moved, or renumbered after a
		 * deletion).
		 */
		REORDERED,
		/**
		 * The chain ends before the head's {@code last_seq}: rows were cut off the end.
		 */
		TRUNCATED,
		/**
		 * The head does not match the chain: rows exist beyond {@code last_seq}, the last
		 * row's hash differs from {@code last_hash}, the first row does not link to the
		 * anchor, or the head row is missing.
		 */
		HEAD_MISMATCH

	}

}
