package org.xiangzhi.cases.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseQueries;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.domain.CaseFacts;
import org.xiangzhi.cases.domain.DuplicateCandidate;
import org.xiangzhi.cases.domain.DuplicateCandidatePolicy;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Staff;
import org.xiangzhi.registry.HouseholdId;

/**
 * The choices an action form offers: whom to dispatch to, which unit to hand down or
 * transfer to, which level to escalate to, which case a duplicate may be merged into. The
 * desk checks every choice again; these lists only spare the cadre typing codes.
 */
@Component
class ActionOptions {

	/** Places read below a unit: a county has a few hundred villages and grids. */
	static final int MAX_PLACES = 400;

	/** Recent cases of a village looked at for duplicates. */
	static final int MAX_RECENT = 200;

	private final Places places;

	private final Staff staff;

	private final CaseQueries queries;

	private final DuplicateCandidatePolicy duplicates = new DuplicateCandidatePolicy();

	ActionOptions(Places places, Staff staff, CaseQueries queries) {
		this.places = places;
		this.staff = staff;
		this.queries = queries;
	}

	/** A person to dispatch to, with the place where they work. */
	record Handler(long accountId, String displayName, String username, String placeName) {
	}

	/**
	 * The handlers of the unit and of every place below it (a village dispatches to its
	 * grid workers), the unit's own first.
	 */
	List<Handler> handlers(String unitCode) {
		Optional<Place> unit = places.find(unitCode);
		if (unit.isEmpty()) {
			return List.of();
		}
		List<Handler> handlers = new ArrayList<>();
		for (Place place : places.within(DataScope.of(unit.get().path()), MAX_PLACES)) {
			for (Staff.Member member : staff.at(place.code(), CaseAccess.HANDLERS)) {
				if (handlers.stream().noneMatch(h -> h.accountId() == member.accountId())) {
					handlers
						.add(new Handler(member.accountId(), member.displayName(), member.username(), place.name()));
				}
			}
		}
		return handlers;
	}

	/**
	 * Units below the current unit that can handle cases (a town's villages, a village's
	 * grids).
	 */
	List<Place> below(String unitCode) {
		Optional<Place> unit = places.find(unitCode);
		if (unit.isEmpty()) {
			return List.of();
		}
		return places.within(DataScope.of(unit.get().path()), MAX_PLACES)
			.stream()
			.filter(p -> !p.code().equals(unitCode))
			.filter(p -> HandlingLevel.of(p.level()).isPresent())
			.toList();
	}

	/**
	 * Units beside the current one, under the same parent (another village of the town).
	 */
	List<Place> beside(String unitCode) {
		Optional<Place> unit = places.find(unitCode);
		if (unit.isEmpty() || unit.get().parentCode() == null) {
			return List.of();
		}
		OrgPath parent = unit.get().path().parent();
		return places.within(DataScope.of(parent), MAX_PLACES)
			.stream()
			.filter(p -> unit.get().parentCode().equals(p.parentCode()))
			.filter(p -> p.level() == unit.get().level())
			.filter(p -> !p.code().equals(unitCode))
			.toList();
	}

	/** The levels above the case's handling level. */
	static List<HandlingLevel> above(HandlingLevel level) {
		List<HandlingLevel> levels = new ArrayList<>();
		for (Optional<HandlingLevel> up = level.up(); up.isPresent(); up = up.get().up()) {
			levels.add(up.get());
		}
		return levels;
	}

	/** A case the current one may duplicate. */
	record Candidate(CaseRecord c, boolean sameHousehold, Long metres) {
	}

	/**
	 * Open cases of the same village that the policy calls possible duplicates (same
	 * category within 200 m, or same household, within 7 days), inside the reader's
	 * scope.
	 */
	List<Candidate> duplicates(CaseRecord c, DataScope readScope) {
		OrgPath village = c.villageCode() == null ? c.path()
				: places.find(c.villageCode()).map(Place::path).orElse(c.path());
		Duration window = DuplicateCandidatePolicy.DEFAULT_WINDOW;
		CaseQueries.Filter filter = CaseQueries.Filter.all()
			.withStatuses(CaseQueries.OPEN)
			.withPeriod(c.submittedAt().minus(window), c.submittedAt().plus(window).plusMillis(1));
		List<CaseRecord> recent = queries.newest(DataScope.of(village), filter, null, MAX_RECENT)
			.cases()
			.stream()
			.filter(r -> !r.id().equals(c.id()))
			.filter(r -> readScope.contains(r.path()))
			.toList();
		List<CaseFacts> facts = recent.stream().map(ActionOptions::facts).toList();
		List<Candidate> candidates = new ArrayList<>();
		for (DuplicateCandidate candidate : duplicates.candidates(facts(c), facts)) {
			recent.stream()
				.filter(r -> r.id().equals(candidate.facts().id()))
				.findFirst()
				.ifPresent(r -> candidates.add(new Candidate(r, candidate.sameHousehold(),
						candidate.metres() == null ? null : Math.round(candidate.metres()))));
		}
		return candidates;
	}

	private static CaseFacts facts(CaseRecord c) {
		return new CaseFacts(c.id(), c.categoryCode(), c.location(),
				c.householdId() == null ? null : new HouseholdId(c.householdId()), c.submittedAt());
	}

}
