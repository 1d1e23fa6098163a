package org.xiangzhi.platform.audit;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.OrgPath;

// TEMPORARY STUB - replaced by audit branch
@Component
class JdbcAuditLog implements AuditLog {

	public void record(AuditEntry entry) {
	}

	public void recordAs(String actor, String actorScope, OrgPath orgPath, AuditEntry entry) {
	}

}
