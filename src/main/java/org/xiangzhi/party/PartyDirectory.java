package org.xiangzhi.party;

import java.util.List;
import java.util.Optional;

import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.ResidentId;

/**
 * What the sections of the party module (and other modules) may ask about organisations
 * and members. Reads only; the organisation section writes.
 */
public interface PartyDirectory {

	/** An organisation as the other sections see it. */
	record OrgRef(PartyOrgId id, PartyOrgId parentId, OrgKind kind, String name, String placeCode, OrgPath path,
			boolean active) {
	}

	/** A member as the other sections see it (no identifiers beyond the name). */
	record MemberRef(MemberId id, PartyOrgId orgId, ResidentId residentId, HouseholdId householdId, OrgPath path,
			String name, Gender gender, Long accountId, MemberCategory category, MemberStatus status, boolean mobile) {

		public boolean active() {
			return status == MemberStatus.ACTIVE;
		}

	}

	Optional<OrgRef> org(PartyOrgId id, DataScope scope);

	/** Organisations whose place lies inside the scope, parents before children. */
	List<OrgRef> orgs(DataScope scope);

	Optional<MemberRef> member(MemberId id, DataScope scope);

	/** Active members whose organisation's place lies under {@code path}, by name. */
	List<MemberRef> activeMembersUnder(OrgPath path);

	/**
	 * The member record of a signed-in party member, if their account is linked to one.
	 */
	Optional<MemberRef> memberOfAccount(long accountId);

}
