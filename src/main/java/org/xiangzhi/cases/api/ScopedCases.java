package org.xiangzhi.cases.api;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * A case by id for the API: the same "not found" for a missing case and for one outside
 * the caller's scope, the latter with a {@code SCOPE_DENIED} audit row.
 */
@Component
class ScopedCases {

	private final CaseStore store;

	private final AuditLog audit;

	ScopedCases(CaseStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	@Transactional(noRollbackFor = RecordNotFoundException.class)
	CaseRecord require(Actor actor, long id) {
		CaseId caseId = new CaseId(id);
		CaseRecord c = store.find(caseId).orElseThrow(() -> new RecordNotFoundException(CaseDesk.CASE, caseId));
		if (!CaseAccess.readScope(actor).contains(c.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, CaseDesk.CASE, caseId, AuditOutcome.DENIED));
			throw new RecordNotFoundException(CaseDesk.CASE, caseId);
		}
		return c;
	}

}
