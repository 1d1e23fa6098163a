package org.xiangzhi.party.points;

import java.util.Optional;

import org.xiangzhi.party.MemberId;

/**
 * Four eyes on points: nobody approves or rejects an award they proposed themselves, nor
 * an award for their own member record (a branch secretary is a member too). Automatic
 * proposals (proposed by {@link Awards#SYSTEM}) may be decided by any manager of the
 * member's scope.
 */
final class OwnAwardPolicy {

	private OwnAwardPolicy() {
	}

	/**
	 * @param deciderUsername who decides
	 * @param deciderMember the decider's own member record, if any
	 * @throws AwardRefusedException {@code party.points.decide.ownProposal} or
	 * {@code party.points.decide.ownAward}
	 */
	static void check(Award award, String deciderUsername, Optional<MemberId> deciderMember) {
		if (award.proposedBy().equals(deciderUsername)) {
			throw new AwardRefusedException("party.points.decide.ownProposal");
		}
		if (deciderMember.isPresent() && deciderMember.get().equals(award.member())) {
			throw new AwardRefusedException("party.points.decide.ownAward");
		}
	}

}
