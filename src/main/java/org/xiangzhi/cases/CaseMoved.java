package org.xiangzhi.cases;

import org.xiangzhi.platform.OrgPath;

/**
 * A case changed status or unit (published after commit through the event outbox).
 *
 * @param caseId the case
 * @param action what was done
 * @param from status before
 * @param to status after
 * @param path the place the case concerns after the action
 */
public record CaseMoved(CaseId caseId, CaseAction action, CaseStatus from, CaseStatus to, OrgPath path) {
}
