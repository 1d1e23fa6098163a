package org.xiangzhi.party.points;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The units points are ranked and appraised in: a village's branch (党支部 or 党总支, with its
 * grid groups) and a town (every branch of the town). A unit is addressed by its place
 * code; its members are the active members whose organisation lies under its place.
 */
@Component
public class Units {

	/** Object type of a unit in "not found" answers. */
	static final String UNIT = "party-points-unit";

	/** Whether a unit is a branch or a town. */
	public enum Level {

		BRANCH, TOWN;

		public String messageKey() {
			return "party.points.level." + name();
		}

	}

	/** A branch or a town. */
	public record Unit(String code, String name, OrgPath path, Level level) {
	}

	private final PartyDirectory directory;

	private final Places places;

	Units(PartyDirectory directory, Places places) {
		this.directory = directory;
		this.places = places;
	}

	/** The branches inside the scope, in tree order. */
	public List<Unit> branches(DataScope scope) {
		Map<String, Unit> units = new LinkedHashMap<>();
		for (PartyDirectory.OrgRef org : directory.orgs(scope)) {
			if ((org.kind() == OrgKind.BRANCH || org.kind() == OrgKind.GENERAL_BRANCH) && org.active()) {
				units.putIfAbsent(org.placeCode(), new Unit(org.placeCode(), org.name(), org.path(), Level.BRANCH));
			}
		}
		return new ArrayList<>(units.values());
	}

	/** The towns inside the scope that have a branch. */
	public List<Unit> towns(DataScope scope) {
		Map<String, Unit> units = new LinkedHashMap<>();
		for (Unit branch : branches(scope)) {
			OrgPath townPath = branch.path().parent();
			if (scope.contains(townPath) && !units.containsKey(townPath.leafCode())) {
				places.find(townPath.leafCode())
					.filter(p -> p.level() == PlaceLevel.TOWN)
					.ifPresent(p -> units.put(p.code(), new Unit(p.code(), p.name(), p.path(), Level.TOWN)));
			}
		}
		return new ArrayList<>(units.values());
	}

	/**
	 * The unit with this code inside the scope.
	 * @throws RecordNotFoundException when there is none (or it lies outside the scope)
	 */
	public Unit require(String code, DataScope scope) {
		String c = code == null ? "" : code.strip();
		return branches(scope).stream()
			.filter(u -> u.code().equals(c))
			.findFirst()
			.or(() -> towns(scope).stream().filter(u -> u.code().equals(c)).findFirst())
			.orElseThrow(() -> new RecordNotFoundException(UNIT, c));
	}

	/** The unit asked for, else the first branch of the scope, else none. */
	public Optional<Unit> chosen(String code, DataScope scope) {
		if (code != null && !code.isBlank()) {
			return Optional.of(require(code, scope));
		}
		return branches(scope).stream().findFirst();
	}

	/**
	 * The path of the branch a member's organisation lies in: its village's, or the path
	 * itself when it lies above any village (a town's temporary branch).
	 */
	public OrgPath branchPathOf(OrgPath path) {
		for (String code : path.codes()) {
			Optional<Place> place = places.find(code);
			if (place.isPresent() && place.get().level() == PlaceLevel.VILLAGE) {
				return place.get().path();
			}
		}
		return path;
	}

}
