package org.xiangzhi.party;

import java.time.Instant;

import org.xiangzhi.registry.HouseholdId;

/**
 * A member logged a visit to a household (走访); {@code mandatory} when it fulfilled a 必访.
 * Published by the visits section; the points section proposes the rule's award.
 */
public record VisitLogged(long visitId, MemberId member, HouseholdId household, boolean mandatory, Instant at) {
}
