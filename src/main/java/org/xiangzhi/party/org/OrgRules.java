package org.xiangzhi.party.org;

import java.time.LocalDate;

import org.xiangzhi.party.OrgKind;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;

/**
 * Where an organisation of each kind may sit in the party tree and on the place tree: a
 * town committee at a town and at the top; a branch or general branch at a village of the
 * town of its committee (or under a general branch of that village); a grid party group
 * at a grid of its branch's village; a temporary branch anywhere inside its parent's
 * town, with a purpose and dates. Plain rules, no database.
 */
final class OrgRules {

	static final int MAX_NAME = 100;

	static final int MAX_PURPOSE = 500;

	private OrgRules() {
	}

	/** What the rule needs to know about the parent. */
	record Parent(OrgKind kind, Place place, boolean active) {
	}

	/**
	 * Refuses a placement that breaks the tree.
	 * @param parent the parent organisation, null for a town committee
	 */
	static void checkPlacement(OrgKind kind, Place place, Parent parent) {
		if (kind == null) {
			throw new InvalidInputException("kind", "party.org.kind.required");
		}
		if (place == null) {
			throw new InvalidInputException("placeCode", "party.org.place.required");
		}
		if (kind == OrgKind.TOWN_COMMITTEE) {
			if (parent != null) {
				throw new InvalidInputException("parentId", "party.org.parent.none");
			}
			if (place.level() != PlaceLevel.TOWN) {
				throw new InvalidInputException("placeCode", "party.org.place.town");
			}
			return;
		}
		if (parent == null) {
			throw new InvalidInputException("parentId", "party.org.parent.required");
		}
		if (!parent.active()) {
			throw new InvalidInputException("parentId", "party.org.parent.inactive");
		}
		switch (kind) {
			case BRANCH, GENERAL_BRANCH -> {
				if (place.level() != PlaceLevel.VILLAGE) {
					throw new InvalidInputException("placeCode", "party.org.place.village");
				}
				boolean underCommittee = parent.kind() == OrgKind.TOWN_COMMITTEE
						&& parent.place().path().contains(place.path());
				// a branch may also sit under the general branch of its own village
				boolean underGeneral = kind == OrgKind.BRANCH && parent.kind() == OrgKind.GENERAL_BRANCH
						&& parent.place().code().equals(place.code());
				if (!underCommittee && !underGeneral) {
					throw new InvalidInputException("parentId", "party.org.parent.branch");
				}
			}
			case GRID_GROUP -> {
				if (parent.kind() != OrgKind.BRANCH && parent.kind() != OrgKind.GENERAL_BRANCH) {
					throw new InvalidInputException("parentId", "party.org.parent.group");
				}
				if (place.level() != PlaceLevel.GRID || !parent.place().code().equals(place.parentCode())) {
					throw new InvalidInputException("placeCode", "party.org.place.grid");
				}
			}
			case TEMPORARY_BRANCH -> {
				if (parent.kind() == OrgKind.GRID_GROUP || parent.kind() == OrgKind.TEMPORARY_BRANCH) {
					throw new InvalidInputException("parentId", "party.org.parent.temporary");
				}
				if (!parent.place().path().contains(place.path())) {
					throw new InvalidInputException("placeCode", "party.org.place.underParent");
				}
			}
			default -> throw new IllegalStateException("unhandled kind " + kind);
		}
	}

	/**
	 * A temporary branch needs its purpose and both dates, the end not before the start;
	 * other kinds have none of them.
	 */
	static void checkTerm(OrgKind kind, String purpose, LocalDate startsOn, LocalDate endsOn) {
		if (kind != OrgKind.TEMPORARY_BRANCH) {
			if (startsOn != null || endsOn != null) {
				throw new InvalidInputException("endsOn", "party.org.term.onlyTemporary");
			}
			return;
		}
		if (purpose == null || purpose.isBlank()) {
			throw new InvalidInputException("purpose", "party.org.purpose.required");
		}
		if (purpose.strip().length() > MAX_PURPOSE) {
			throw new InvalidInputException("purpose", "party.org.purpose.size");
		}
		if (startsOn == null || endsOn == null) {
			throw new InvalidInputException("startsOn", "party.org.term.required");
		}
		if (endsOn.isBefore(startsOn)) {
			throw new InvalidInputException("endsOn", "party.org.term.order");
		}
	}

	static String checkName(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > MAX_NAME) {
			throw new InvalidInputException("name", "party.org.name.invalid");
		}
		return clean;
	}

	/**
	 * A temporary branch has ended once its end date is behind {@code today}; it is
	 * active through its last day.
	 */
	static boolean ended(OrgKind kind, LocalDate endsOn, LocalDate today) {
		return kind == OrgKind.TEMPORARY_BRANCH && endsOn != null && endsOn.isBefore(today);
	}

}
