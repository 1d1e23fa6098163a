package org.xiangzhi.party.org;

import java.time.LocalDate;

import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The state machine of a member record. Status: 在册 (ACTIVE) → 已转出 (TRANSFERRED_OUT) or
 * 已去世 (DECEASED); both are final (a member who comes back is added anew by the branch
 * receiving them). Category: 预备党员 → 正式党员 (转正) while active; never back.
 */
final class MemberLifecycle {

	private MemberLifecycle() {
	}

	static boolean canMove(MemberStatus from, MemberStatus to) {
		return from == MemberStatus.ACTIVE && to != null && to != MemberStatus.ACTIVE;
	}

	/** Refuses an impossible status change or one dated before the member joined. */
	static void checkStatusChange(MemberStatus from, MemberStatus to, LocalDate on, LocalDate joinedOn,
			LocalDate today) {
		if (!canMove(from, to)) {
			throw new InvalidInputException("status", "party.member.status.transition");
		}
		checkDay(on, joinedOn, today, "on");
	}

	/** Refuses 转正 unless the member is an active probationary member. */
	static void checkConfirmFull(MemberStatus status, MemberCategory category, LocalDate on, LocalDate joinedOn,
			LocalDate today) {
		if (status != MemberStatus.ACTIVE || category != MemberCategory.PROBATIONARY) {
			throw new InvalidInputException("category", "party.member.full.notProbationary");
		}
		checkDay(on, joinedOn, today, "on");
	}

	/** A change needs a day between joining and today. */
	static void checkDay(LocalDate on, LocalDate joinedOn, LocalDate today, String field) {
		if (on == null) {
			throw new InvalidInputException(field, "party.member.date.required");
		}
		if (on.isAfter(today) || (joinedOn != null && on.isBefore(joinedOn))) {
			throw new InvalidInputException(field, "party.member.date.range");
		}
	}

	/**
	 * A new member joins on a day not in the future, at 18 or older (党章: 年满十八岁).
	 */
	static void checkJoin(LocalDate joinedOn, LocalDate birthDate, LocalDate today) {
		if (joinedOn == null) {
			throw new InvalidInputException("joinedOn", "party.member.joinedOn.required");
		}
		if (joinedOn.isAfter(today)) {
			throw new InvalidInputException("joinedOn", "party.member.joinedOn.future");
		}
		if (birthDate != null && birthDate.plusYears(18).isAfter(joinedOn)) {
			throw new InvalidInputException("residentId", "party.member.age");
		}
	}

}
