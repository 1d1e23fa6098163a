package org.xiangzhi.party.org;

import java.time.LocalDate;
import java.util.List;

import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.InvalidInputException;

/**
 * Who may hold which position where: a group leader (党小组长) leads a grid party group;
 * secretaries, deputies and committee members sit on a committee or branch; a member
 * holds positions in their own organisation or one above it; an organisation has at most
 * one current secretary (and one group leader). Plain rules, no database.
 */
final class PositionRules {

	private PositionRules() {
	}

	/** A position as stored. */
	record Held(long id, long memberId, long orgId, Position position, LocalDate since, LocalDate until) {

		boolean currentOn(LocalDate day) {
			return !since.isAfter(day) && (until == null || until.isAfter(day));
		}

	}

	/**
	 * Refuses a new position.
	 * @param orgKind the kind of the organisation the position is in
	 * @param inOwnLine whether that organisation is the member's or one above it
	 * @param current the positions currently held in that organisation
	 */
	static void checkNew(long memberId, Position position, OrgKind orgKind, boolean inOwnLine, LocalDate since,
			LocalDate today, List<Held> current) {
		if (position == null) {
			throw new InvalidInputException("position", "party.position.required");
		}
		if (since == null) {
			throw new InvalidInputException("since", "party.position.since.required");
		}
		if (since.isAfter(today)) {
			throw new InvalidInputException("since", "party.position.since.future");
		}
		if (!inOwnLine) {
			throw new InvalidInputException("orgId", "party.position.org.line");
		}
		boolean group = orgKind == OrgKind.GRID_GROUP;
		if ((position == Position.GROUP_LEADER) != group) {
			throw new InvalidInputException("position", "party.position.kind");
		}
		for (Held held : current) {
			if (held.until() != null) {
				continue;
			}
			if (held.memberId() == memberId && held.position() == position) {
				throw new InvalidInputException("position", "party.position.held");
			}
			if (held.position() == position && (position == Position.SECRETARY || position == Position.GROUP_LEADER)) {
				throw new InvalidInputException("position", "party.position.secretary.one");
			}
		}
	}

	/** Refuses ending a position on a day before it began or after it already ended. */
	static void checkEnd(Held held, LocalDate until) {
		if (held.until() != null) {
			throw new InvalidInputException("until", "party.position.ended");
		}
		if (until == null || until.isBefore(held.since())) {
			throw new InvalidInputException("until", "party.position.until.invalid");
		}
	}

}
