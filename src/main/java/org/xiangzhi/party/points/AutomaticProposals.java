package org.xiangzhi.party.points;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiangzhi.party.StudyAttended;
import org.xiangzhi.party.TestPassed;
import org.xiangzhi.party.VisitLogged;

/**
 * Proposes the catalogue's award when a member logs a visit, checks in to a study session
 * or passes a test. Listens after the publishing transaction committed (through the event
 * outbox): the visits and study sections never call this one, and a visit is never lost
 * or rolled back because of points. The branch still approves each proposal; each source
 * proposes once, however often its event is delivered.
 */
@Component
class AutomaticProposals {

	private final Awards awards;

	AutomaticProposals(Awards awards) {
		this.awards = awards;
	}

	@ApplicationModuleListener
	void on(VisitLogged visit) {
		awards.proposeAutomatically(visit.member(),
				visit.mandatory() ? RuleDefaults.MANDATORY_VISIT : RuleDefaults.VISIT, visit.at(),
				"visit:" + visit.visitId());
	}

	@ApplicationModuleListener
	void on(StudyAttended attended) {
		awards.proposeAutomatically(attended.member(), RuleDefaults.STUDY_ATTENDED, attended.at(),
				"study:" + attended.sessionId() + ":" + attended.member().value());
	}

	@ApplicationModuleListener
	void on(TestPassed passed) {
		// one award per member and session: only the first pass is published, and a
		// republished one must not count twice
		awards.proposeAutomatically(passed.member(), RuleDefaults.TEST_PASSED, passed.at(),
				"test:" + passed.sessionId() + ":" + passed.member().value());
	}

}
