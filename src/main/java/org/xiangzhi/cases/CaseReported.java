package org.xiangzhi.cases;

import org.xiangzhi.platform.OrgPath;

/**
 * A case was reported (published after commit through the event outbox). The party module
 * listens for disputes and assistance cases in linked households (必访).
 *
 * @param caseId the case
 * @param categoryCode its category, e.g. {@code dispute} or
 * {@code social_assistance.temporary}
 * @param dispute whether it is a dispute (矛盾纠纷)
 * @param householdId the registry household it concerns, or {@code null}
 * @param path the place it concerns
 */
public record CaseReported(CaseId caseId, String categoryCode, boolean dispute, Long householdId, OrgPath path) {
}
