package org.xiangzhi.cases.clock;

import java.util.Optional;

import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.time.CaseStep;

/**
 * The timed step a case is waiting for in each status: accepting while submitted,
 * dispatching while accepted or reopened, handling while dispatched or in hand. Other
 * statuses wait for nobody's clock (verification and closure are checked by the level
 * above, the revisit by the revisit list).
 */
final class PendingStep {

	private PendingStep() {
	}

	static Optional<CaseStep> of(CaseStatus status) {
		return switch (status) {
			case SUBMITTED -> Optional.of(CaseStep.ACCEPT);
			case ACCEPTED, REOPENED -> Optional.of(CaseStep.DISPATCH);
			case DISPATCHED, HANDLING -> Optional.of(CaseStep.HANDLE);
			default -> Optional.empty();
		};
	}

}
