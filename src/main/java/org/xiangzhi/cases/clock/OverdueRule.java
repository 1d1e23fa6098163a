package org.xiangzhi.cases.clock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.time.CaseStep;
import org.xiangzhi.cases.time.OverduePolicy;
import org.xiangzhi.cases.time.OverdueStatus;
import org.xiangzhi.cases.time.TimeLimits;

/**
 * What the overdue job does with one case at an instant: flag it (once per step), and
 * escalate it one level when the grace has passed.
 * <p>
 * Deadlines are cumulative from submission and are not reset by an escalation, so a case
 * that arrives at the town is usually overdue already. The town must get its own grace
 * before the case moves on again, otherwise one late village would push a case to the
 * county within the same tick. The grace is therefore counted from the later of the
 * deadline and the moment the case reached its current unit (an escalation, hand-down or
 * transfer, or the last automatic escalation).
 *
 * @param policy the overdue policy (calendar and grace)
 */
record OverdueRule(OverduePolicy policy) {

	OverdueRule {
		Objects.requireNonNull(policy, "policy");
	}

	/** What to do. */
	record Decision(CaseStep step, boolean flag, boolean escalate) {

		static final Decision NOTHING = new Decision(null, false, false);

		boolean nothing() {
			return !flag && !escalate;
		}

	}

	/**
	 * @param status the case's status
	 * @param level its handling level
	 * @param deadlines its deadlines
	 * @param flaggedStep the step it is flagged overdue on, or null
	 * @param arrivedAt when it reached its current unit (null: at submission)
	 * @param now the instant of the check
	 */
	Decision decide(CaseStatus status, HandlingLevel level, TimeLimits.Deadlines deadlines, String flaggedStep,
			Instant arrivedAt, Instant now) {
		Optional<CaseStep> pending = PendingStep.of(status);
		if (pending.isEmpty()) {
			return Decision.NOTHING;
		}
		CaseStep step = pending.get();
		Instant deadline = deadlines.of(step);
		OverdueStatus state = policy.status(deadline, now);
		if (state != OverdueStatus.OVERDUE && state != OverdueStatus.ESCALATE) {
			return Decision.NOTHING;
		}
		boolean flag = !step.name().equals(flaggedStep);
		Instant graceFrom = arrivedAt != null && arrivedAt.isAfter(deadline) ? arrivedAt : deadline;
		boolean escalate = level.up().isPresent() && policy.status(graceFrom, now) == OverdueStatus.ESCALATE;
		return new Decision(step, flag, escalate);
	}

}
