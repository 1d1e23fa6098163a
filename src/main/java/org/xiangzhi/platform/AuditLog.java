package org.xiangzhi.platform;

/**
 * The append-only, hash-chained audit log (等保 2.0 安全审计). Call it inside the transaction
 * of the audited write: if the audit row cannot be written, the write rolls back.
 */
public interface AuditLog {

	/**
	 * Records an action of the current actor (from the security context) and client
	 * address.
	 */
	void record(AuditEntry entry);

	/**
	 * Records an action for an explicitly named actor, e.g. a failed login where nobody
	 * is authenticated yet.
	 */
	void recordAs(String actor, String actorScope, OrgPath orgPath, AuditEntry entry);

}
