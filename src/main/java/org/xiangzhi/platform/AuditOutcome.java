package org.xiangzhi.platform;

/** How an audited action ended. */
public enum AuditOutcome {

	SUCCESS, FAILURE, DENIED

}
