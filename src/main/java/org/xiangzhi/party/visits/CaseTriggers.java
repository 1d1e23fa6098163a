package org.xiangzhi.party.visits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseReported;

/**
 * Raises a mandatory visit (必访) when 码上办 reports a dispute or an assistance case for a
 * registry household: an event from the cases module, never a call into it.
 * <p>
 * The listener's condition is evaluated before Spring Modulith stores an event
 * publication, so a report of any other kind (most of them: public QR reports carry no
 * household) costs no outbox row. The condition must stay in step with
 * {@link #concerns(CaseReported)}, which the tests check.
 */
@Component
class CaseTriggers {

	/**
	 * Only reports with a household that are disputes or social assistance (any
	 * sub-category).
	 */
	static final String CONDITION = "#event.householdId() != null and (#event.dispute() "
			+ "or (#event.categoryCode() != null and #event.categoryCode().startsWith('social_assistance')))";

	private static final Logger log = LoggerFactory.getLogger(CaseTriggers.class);

	private final Visits visits;

	CaseTriggers(Visits visits) {
		this.visits = visits;
	}

	@ApplicationModuleListener(condition = CONDITION)
	void on(CaseReported event) {
		// a republished event (restart, retry) finds the task of its case and adds none
		visits.raiseFromCase(event)
			.ifPresent(task -> log.debug("case {} raised mandatory visit {}", event.caseId(), task));
	}

	/** The condition in Java, for tests and documentation. */
	static boolean concerns(CaseReported event) {
		return event.householdId() != null && (event.dispute()
				|| (event.categoryCode() != null && event.categoryCode().startsWith("social_assistance")));
	}

}
