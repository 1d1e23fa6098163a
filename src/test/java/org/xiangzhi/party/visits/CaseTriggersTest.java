package org.xiangzhi.party.visits;

import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseReported;
import org.xiangzhi.platform.OrgPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listener's SpEL condition (what keeps Spring Modulith from storing an outbox row
 * per report) agrees with the rule in Java, for every kind of report.
 */
class CaseTriggersTest {

	static final OrgPath PATH = OrgPath.of("/62/6206/620621/620621116/620621116202/");

	@Test
	void onlyDisputesAndAssistanceInAHouseholdRaiseAMandatoryVisit() {
		check(report("dispute", true, 7L), true);
		check(report("dispute.neighbours", true, 7L), true);
		check(report("social_assistance", false, 7L), true);
		check(report("social_assistance.temporary", false, 7L), true);
		check(report("infrastructure.road", false, 7L), false);
		check(report("environment", false, 7L), false);
		check(report("dispute", true, null), false);
		check(report("social_assistance.minimum_living", false, null), false);
		check(report(null, false, 7L), false);
	}

	private static CaseReported report(String category, boolean dispute, Long household) {
		return new CaseReported(new CaseId(1), category, dispute, household, PATH);
	}

	private static void check(CaseReported event, boolean expected) {
		StandardEvaluationContext context = new StandardEvaluationContext();
		context.setVariable("event", event);
		Boolean spel = new SpelExpressionParser().parseExpression(CaseTriggers.CONDITION)
			.getValue(context, Boolean.class);
		assertThat(spel).as("SpEL for %s", event).isEqualTo(expected);
		assertThat(CaseTriggers.concerns(event)).as("Java for %s", event).isEqualTo(expected);
	}

}
