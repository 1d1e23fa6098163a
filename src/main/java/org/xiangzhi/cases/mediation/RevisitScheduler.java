package org.xiangzhi.cases.mediation;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseMoved;
import org.xiangzhi.cases.CaseStatus;

/**
 * Schedules the quarterly revisits when a dispute is closed. Listens to the cases
 * module's own {@link CaseMoved} event after commit (through the outbox), so the closing
 * itself never waits for or fails on the schedule.
 */
@Component
class RevisitScheduler {

	private final Revisits revisits;

	RevisitScheduler(Revisits revisits) {
		this.revisits = revisits;
	}

	@ApplicationModuleListener
	void on(CaseMoved moved) {
		if (moved.to() == CaseStatus.CLOSED) {
			revisits.scheduleAfterClosing(moved.caseId());
		}
	}

}
