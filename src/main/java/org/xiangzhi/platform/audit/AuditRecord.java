package org.xiangzhi.platform.audit;

import java.time.Instant;

/**
 * One row of {@code audit_event} as stored, including its place in the chain.
 */
record AuditRecord(long seq, Instant occurredAt, String actor, String actorScope, String orgPath, String action,
		String objectType, String objectId, String outcome, String clientIp, String detail, String prevHash,
		String hash) {

	/** The hash this row's contents (and its link to the previous row) should have. */
	String expectedHash() {
		return AuditHash.of(this);
	}

}
