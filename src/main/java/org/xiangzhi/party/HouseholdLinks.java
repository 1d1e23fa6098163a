package org.xiangzhi.party;

import java.util.List;
import java.util.Optional;

import org.xiangzhi.registry.HouseholdId;

/**
 * The current member↔household links (党员联户): a household has at most one linked member at
 * a time; a member has several households.
 */
public interface HouseholdLinks {

	/** The member currently linked to the household, if any. */
	Optional<MemberId> linkedMember(HouseholdId household);

	/** The households currently linked to the member, by id. */
	List<HouseholdId> linkedHouseholds(MemberId member);

}
