package org.xiangzhi.platform;

/**
 * What happened, for one audit row. Time, actor, the actor's scope and the client address
 * are filled in by {@link AuditLog} from the request.
 *
 * @param action what was done, upper snake case, e.g. {@code ACCOUNT_CREATED}
 * @param objectType the kind of record, e.g. {@code account}; may be null
 * @param objectId the record's id; may be null
 * @param outcome success, failure or denial
 * @param detail a short free text without personal identifiers; may be null
 */
public record AuditEntry(String action, String objectType, String objectId, AuditOutcome outcome, String detail) {

	public static AuditEntry success(String action, String objectType, Object objectId) {
		return new AuditEntry(action, objectType, objectId == null ? null : String.valueOf(objectId),
				AuditOutcome.SUCCESS, null);
	}

	public static AuditEntry of(String action, String objectType, Object objectId, AuditOutcome outcome) {
		return new AuditEntry(action, objectType, objectId == null ? null : String.valueOf(objectId), outcome, null);
	}

	public AuditEntry withDetail(String detail) {
		return new AuditEntry(action, objectType, objectId, outcome, detail);
	}

}
