package org.xiangzhi.registry.household;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.Relation;
import org.xiangzhi.registry.ResidentStatus;
import org.xiangzhi.registry.household.RegistryInputException.FieldProblem;
import org.xiangzhi.registry.household.RegistryStore.Counts;
import org.xiangzhi.registry.household.RegistryStore.HouseholdView;
import org.xiangzhi.registry.household.RegistryStore.ResidentQuery;
import org.xiangzhi.registry.household.RegistryStore.ResidentView;

/**
 * Households and residents for cadres: every method takes the acting {@link Actor} and
 * works only inside the scope {@link RegistryAccess} derives from it. Every write is
 * audited and recorded in the registry history; nothing is ever deleted.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class HouseholdService {

	public static final String HOUSEHOLD = "household";

	public static final String RESIDENT = "resident";

	public static final String PLACE = "place";

	/** Audit actions of the registry. */
	public static final class Actions {

		public static final String HOUSEHOLD_CREATED = "HOUSEHOLD_CREATED";

		public static final String HOUSEHOLD_UPDATED = "HOUSEHOLD_UPDATED";

		public static final String HOUSEHOLD_HEAD_CHANGED = "HOUSEHOLD_HEAD_CHANGED";

		public static final String HOUSEHOLD_SPLIT = "HOUSEHOLD_SPLIT";

		public static final String HOUSEHOLD_MERGED = "HOUSEHOLD_MERGED";

		public static final String RESIDENT_CREATED = "RESIDENT_CREATED";

		public static final String RESIDENT_UPDATED = "RESIDENT_UPDATED";

		public static final String RESIDENT_MOVED = "RESIDENT_MOVED";

		public static final String RESIDENT_STATUS_CHANGED = "RESIDENT_STATUS_CHANGED";

		public static final String REVEAL = "REVEAL";

		public static final String SCOPE_DENIED = "SCOPE_DENIED";

		private Actions() {
		}

	}

	public static final int PAGE_SIZE = 20;

	static final String ACTIVE = "ACTIVE";

	static final String MERGED = "MERGED";

	private static final String PHONE_PATTERN = "1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}";

	private final RegistryStore store;

	private final RegistryLookups lookups;

	private final Places places;

	private final AuditLog audit;

	HouseholdService(RegistryStore store, RegistryLookups lookups, Places places, AuditLog audit) {
		this.store = store;
		this.lookups = lookups;
		this.places = places;
		this.audit = audit;
	}

	/** A page of results and the total count. */
	public record Page<T>(List<T> items, int page, int pageSize, long total) {

		public int pages() {
			return (int) Math.max(1, (total + pageSize - 1) / pageSize);
		}

	}

	/**
	 * What a cadre submits for a household. The village cannot change after creation;
	 * {@code version} is the version the form was loaded with (edits only).
	 */
	public record HouseholdInput(String villageCode, Long groupId, String gridCode, String microGridCode,
			String address, String notes, Set<String> tags, Integer version) {
	}

	/**
	 * What a cadre submits for a resident, as typed: gender and birth date may be left
	 * empty (they are derived from the ID number); on edits an empty ID number or phone
	 * keeps the stored one.
	 */
	public record ResidentInput(String name, String gender, String birthDate, String idNumber, String phone,
			String relation, Set<String> tags, Integer version) {
	}

	/**
	 * A place with the counts of its whole subtree: from the registry tally for a village
	 * and above, live for grids and micro-grids.
	 */
	public record PlaceCounts(Place place, Counts counts) {
	}

	/** A node of the tree with its children. */
	public record PlaceNode(PlaceCounts node, List<PlaceCounts> children, List<HouseholdView> households) {
	}

	/** Everything a household card shows. */
	public record HouseholdCard(HouseholdView household, Place village, List<ResidentView> members,
			List<RegistryStore.HistoryEntry> history, String headName, boolean canEdit, boolean canReveal) {
	}

	// ---------------------------------------------------------------- reading

	/** The roots of the actor's read scope with their counts. */
	@Transactional(readOnly = true)
	public List<PlaceCounts> roots(Actor actor) {
		List<PlaceCounts> roots = new ArrayList<>();
		for (OrgPath root : RegistryAccess.readScope(actor).roots()) {
			places.find(lookups.codeOf(root)).ifPresent(p -> roots.add(new PlaceCounts(p, store.counts(p))));
		}
		return roots;
	}

	/**
	 * A place inside the read scope with its children and counts.
	 * @throws RecordNotFoundException when missing or outside the scope (audited)
	 */
	public PlaceNode node(Actor actor, String code, boolean withHouseholds) {
		DataScope scope = RegistryAccess.readScope(actor);
		Place place = requirePlace(scope, code);
		List<Place> childPlaces = lookups.children(place.code());
		Map<String, Counts> childCounts = store.counts(childPlaces);
		List<PlaceCounts> children = childPlaces.stream()
			.map(c -> new PlaceCounts(c, childCounts.get(c.code())))
			.toList();
		List<HouseholdView> households = withHouseholds && place.level().isAtOrBelow(PlaceLevel.VILLAGE)
				? store.householdsUnder(scope, place.path(), 500) : List.of();
		return new PlaceNode(new PlaceCounts(place, store.counts(place)), children, households);
	}

	/** The counts of a place's whole subtree, if it lies in the read scope. */
	public PlaceCounts placeCounts(Actor actor, String code) {
		Place place = requirePlace(RegistryAccess.readScope(actor), code);
		return new PlaceCounts(place, store.counts(place));
	}

	@Transactional(readOnly = true)
	public Page<ResidentView> searchResidents(Actor actor, ResidentQuery query, int page) {
		DataScope scope = RegistryAccess.readScope(actor);
		int safePage = Math.max(0, page);
		long total = store.countResidents(scope, query);
		List<ResidentView> items = store.searchResidents(scope, query, safePage * PAGE_SIZE, PAGE_SIZE);
		return new Page<>(items, safePage, PAGE_SIZE, total);
	}

	public HouseholdView household(Actor actor, long id) {
		return loadHousehold(RegistryAccess.readScope(actor), id);
	}

	public ResidentView resident(Actor actor, long id) {
		return loadResident(RegistryAccess.readScope(actor), id);
	}

	public List<ResidentView> members(Actor actor, long householdId) {
		DataScope scope = RegistryAccess.readScope(actor);
		loadHousehold(scope, householdId);
		return store.members(scope, householdId);
	}

	public HouseholdCard card(Actor actor, long id) {
		DataScope scope = RegistryAccess.readScope(actor);
		HouseholdView household = loadHousehold(scope, id);
		List<ResidentView> members = store.members(scope, id);
		String headName = members.stream()
			.filter(m -> Objects.equals(household.headResidentId(), m.id()))
			.map(ResidentView::name)
			.findFirst()
			.orElse(null);
		OrgPath path = OrgPath.of(household.orgPath());
		return new HouseholdCard(household, places.find(household.villageCode()).orElse(null), members,
				store.historyOf("HOUSEHOLD", id), headName, RegistryAccess.editScope(actor).contains(path),
				RegistryAccess.revealScope(actor).contains(path));
	}

	public List<RegistryStore.HistoryEntry> residentHistory(Actor actor, long residentId) {
		loadResident(RegistryAccess.readScope(actor), residentId);
		return store.historyOf("RESIDENT", residentId);
	}

	/** Whether the actor may edit this (already visible) record's place. */
	public static boolean canEdit(Actor actor, String orgPath) {
		return RegistryAccess.editScope(actor).contains(OrgPath.of(orgPath));
	}

	public static boolean canReveal(Actor actor, String orgPath) {
		return RegistryAccess.revealScope(actor).contains(OrgPath.of(orgPath));
	}

	/** Tags a household of this village may carry. */
	@Transactional(readOnly = true)
	public List<RegistryLookups.TagDefinition> householdTags(String villageCode) {
		return places.find(villageCode)
			.map(v -> lookups.tags(lookups.countyOf(v.path()), "HOUSEHOLD"))
			.orElseGet(() -> lookups.tags(null, "HOUSEHOLD"));
	}

	@Transactional(readOnly = true)
	public List<RegistryLookups.TagDefinition> residentTags(String villageCode) {
		return places.find(villageCode)
			.map(v -> lookups.tags(lookups.countyOf(v.path()), "RESIDENT"))
			.orElseGet(() -> lookups.tags(null, "RESIDENT"));
	}

	/** Villages in the actor's edit scope (or holding a grid of it), for the new form. */
	@Transactional(readOnly = true)
	public List<Place> editableVillages(Actor actor) {
		DataScope scope = RegistryAccess.editScope(actor);
		Set<String> codes = new LinkedHashSet<>();
		List<Place> villages = new ArrayList<>();
		for (Place place : places.within(scope, 5000)) {
			Place village = place.level() == PlaceLevel.VILLAGE ? place
					: place.level().isAtOrBelow(PlaceLevel.GRID) ? villageOf(place) : null;
			if (village != null && codes.add(village.code())) {
				villages.add(village);
			}
		}
		return villages;
	}

	@Transactional(readOnly = true)
	public List<RegistryLookups.Group> groups(String villageCode) {
		return lookups.groups(villageCode);
	}

	@Transactional(readOnly = true)
	public List<Place> grids(String villageCode) {
		return places.find(villageCode).map(v -> lookups.gridsOf(v.path())).orElse(List.of());
	}

	// ---------------------------------------------------------------- households

	/**
	 * Creates a household and its first members in one go: everything is validated first
	 * and nothing is written while anything is wrong.
	 */
	public long createHousehold(Actor actor, HouseholdInput input, List<ResidentInput> members) {
		DataScope scope = RegistryAccess.editScope(actor);
		List<FieldProblem> problems = new ArrayList<>();
		Placement placement = placement(scope, input.villageCode(), input, problems);
		String address = checkedAddress(input, problems);
		String county = placement == null ? null : lookups.countyOf(placement.path());
		checkTags(input.tags(), county, "HOUSEHOLD", "tags", problems);
		List<CheckedResident> residents = new ArrayList<>();
		Set<String> seenIds = new HashSet<>();
		boolean headSeen = false;
		List<ResidentInput> list = members == null ? List.of() : members;
		for (int i = 0; i < list.size(); i++) {
			String prefix = "members[" + i + "].";
			CheckedResident resident = checkResident(list.get(i), null, county, prefix, problems);
			if (resident != null) {
				if (!seenIds.add(resident.idNumber().value())) {
					problems.add(new FieldProblem(prefix + "idNumber", "registry.resident.idNumber.repeated"));
				}
				if (resident.relation() == Relation.HEAD) {
					if (headSeen) {
						problems.add(new FieldProblem(prefix + "relation", "registry.resident.relation.headTaken"));
					}
					headSeen = true;
				}
				residents.add(resident);
			}
		}
		RegistryInputException.throwIfAny(problems);
		long id = store.insertHousehold(
				new RegistryStore.NewHousehold(placement.village().code(), placement.groupId(), placement.gridCode(),
						placement.microGridCode(), address, blankToNull(input.notes()), tagSet(input.tags())),
				actor.username());
		audit.record(
				AuditEntry.success(Actions.HOUSEHOLD_CREATED, HOUSEHOLD, id).withDetail(placement.village().code()));
		for (CheckedResident resident : residents) {
			insert(actor, id, placement.path(), resident);
		}
		return id;
	}

	/** Changes address, group, grid, micro-grid, notes and tags of a household. */
	public void updateHousehold(Actor actor, long id, HouseholdInput input) {
		DataScope scope = RegistryAccess.editScope(actor);
		HouseholdView household = loadHousehold(scope, id);
		List<FieldProblem> problems = new ArrayList<>();
		requireActive(household);
		Placement placement = placement(scope, household.villageCode(), input, problems);
		String address = checkedAddress(input, problems);
		checkTags(input.tags(), lookups.countyOf(OrgPath.of(household.orgPath())), "HOUSEHOLD", "tags", problems);
		if (input.version() == null) {
			problems.add(new FieldProblem("version", "registry.error.stale"));
		}
		RegistryInputException.throwIfAny(problems);
		if (!store.updateHousehold(id, input.version(), placement.groupId(), placement.gridCode(),
				placement.microGridCode(), placement.path(), address, blankToNull(input.notes()))) {
			throw new RegistryInputException("version", "registry.error.stale");
		}
		store.setHouseholdTags(id, tagSet(input.tags()));
		store.history("HOUSEHOLD", id, placement.path(), actor.username(), "UPDATED", address);
		audit.record(AuditEntry.success(Actions.HOUSEHOLD_UPDATED, HOUSEHOLD, id));
	}

	/** Makes a member the head of household; the former head becomes "other". */
	public void setHead(Actor actor, long householdId, long residentId) {
		DataScope scope = RegistryAccess.editScope(actor);
		HouseholdView household = loadHousehold(scope, householdId);
		requireActive(household);
		ResidentView resident = store.resident(scope, residentId)
			.filter(r -> r.householdId() == householdId && r.status() == ResidentStatus.ACTIVE)
			.orElseThrow(() -> new RegistryInputException("residentId", "registry.household.head.notMember"));
		if (household.headResidentId() != null && household.headResidentId() != residentId) {
			store.setResidentRelation(household.headResidentId(), Relation.OTHER);
		}
		store.setResidentRelation(residentId, Relation.HEAD);
		store.setHead(householdId, residentId);
		OrgPath path = OrgPath.of(household.orgPath());
		store.history("HOUSEHOLD", householdId, path, actor.username(), "HEAD_CHANGED",
				"resident " + residentId + " " + resident.name());
		store.history("RESIDENT", residentId, path, actor.username(), "HEAD", "household " + householdId);
		audit.record(AuditEntry.success(Actions.HOUSEHOLD_HEAD_CHANGED, HOUSEHOLD, householdId)
			.withDetail("resident " + residentId));
	}

	/**
	 * Moves the selected members to a new household at a new address (same village, group
	 * and grid unless given). Returns the new household's id.
	 */
	public long split(Actor actor, long householdId, List<Long> residentIds, String newAddress) {
		DataScope scope = RegistryAccess.editScope(actor);
		HouseholdView source = loadHousehold(scope, householdId);
		requireActive(source);
		List<FieldProblem> problems = new ArrayList<>();
		String address = newAddress == null ? "" : newAddress.strip();
		if (address.isEmpty()) {
			problems.add(new FieldProblem("address", "registry.household.address.required"));
		}
		else if (address.length() > 200) {
			problems.add(new FieldProblem("address", "registry.household.address.size"));
		}
		List<ResidentView> members = store.members(scope, householdId)
			.stream()
			.filter(m -> m.status() == ResidentStatus.ACTIVE)
			.toList();
		Set<Long> selected = residentIds == null ? Set.of() : new LinkedHashSet<>(residentIds);
		List<ResidentView> moving = members.stream().filter(m -> selected.contains(m.id())).toList();
		if (moving.isEmpty() || moving.size() != selected.size()) {
			problems.add(new FieldProblem("residentIds", "registry.household.split.select"));
		}
		else if (moving.size() == members.size()) {
			problems.add(new FieldProblem("residentIds", "registry.household.split.all"));
		}
		RegistryInputException.throwIfAny(problems);
		long newId = store.insertHousehold(new RegistryStore.NewHousehold(source.villageCode(), source.groupId(),
				source.gridCode(), source.microGridCode(), address, null, Set.of()), actor.username());
		OrgPath path = OrgPath.of(source.orgPath());
		ResidentView newHead = moving.stream()
			.filter(m -> m.relation() == Relation.HEAD)
			.findFirst()
			.orElse(moving.get(0));
		for (ResidentView member : moving) {
			Relation relation = member.id() == newHead.id() ? Relation.HEAD : member.relation();
			store.moveResident(member.id(), newId, relation);
			store.history("RESIDENT", member.id(), path, actor.username(), "MOVED",
					"household " + householdId + " → " + newId + " (split)");
		}
		store.setHead(newId, newHead.id());
		if (moving.stream().anyMatch(m -> Objects.equals(source.headResidentId(), m.id()))) {
			store.clearHead(householdId);
		}
		String names = moving.stream().map(m -> m.id() + " " + m.name()).collect(Collectors.joining(", "));
		store.history("HOUSEHOLD", householdId, path, actor.username(), "SPLIT", "→ household " + newId + ": " + names);
		store.history("HOUSEHOLD", newId, path, actor.username(), "SPLIT_FROM",
				"household " + householdId + ": " + names);
		audit.record(AuditEntry.success(Actions.HOUSEHOLD_SPLIT, HOUSEHOLD, householdId)
			.withDetail("new household " + newId + ", " + moving.size() + " residents"));
		return newId;
	}

	/**
	 * Moves every member of household {@code sourceId} into {@code targetId}; the source
	 * is kept with status MERGED.
	 */
	public void merge(Actor actor, long targetId, long sourceId) {
		DataScope scope = RegistryAccess.editScope(actor);
		HouseholdView target = loadHousehold(scope, targetId);
		requireActive(target);
		if (sourceId == targetId) {
			throw new RegistryInputException("sourceId", "registry.household.merge.same");
		}
		HouseholdView source = store.household(scope, sourceId)
			.filter(h -> ACTIVE.equals(h.status()))
			.orElseThrow(() -> new RegistryInputException("sourceId", "registry.household.merge.unknown"));
		List<ResidentView> moving = store.members(scope, sourceId);
		for (ResidentView member : moving) {
			Relation relation = member.relation() == Relation.HEAD && target.headResidentId() != null ? Relation.OTHER
					: member.relation();
			store.moveResident(member.id(), targetId, relation);
			if (relation == Relation.HEAD) {
				store.setHead(targetId, member.id());
			}
			store.history("RESIDENT", member.id(), OrgPath.of(target.orgPath()), actor.username(), "MOVED",
					"household " + sourceId + " → " + targetId + " (merge)");
		}
		store.clearHead(sourceId);
		store.setHouseholdStatus(sourceId, MERGED);
		store.history("HOUSEHOLD", targetId, OrgPath.of(target.orgPath()), actor.username(), "MERGED",
				"← household " + sourceId + " (" + source.address() + "), " + moving.size() + " residents");
		store.history("HOUSEHOLD", sourceId, OrgPath.of(source.orgPath()), actor.username(), "MERGED_INTO",
				"→ household " + targetId);
		audit.record(AuditEntry.success(Actions.HOUSEHOLD_MERGED, HOUSEHOLD, targetId)
			.withDetail("from household " + sourceId));
	}

	// ---------------------------------------------------------------- residents

	public long addResident(Actor actor, long householdId, ResidentInput input) {
		DataScope scope = RegistryAccess.editScope(actor);
		HouseholdView household = loadHousehold(scope, householdId);
		requireActive(household);
		OrgPath path = OrgPath.of(household.orgPath());
		List<FieldProblem> problems = new ArrayList<>();
		CheckedResident resident = checkResident(input, null, lookups.countyOf(path), "", problems);
		if (resident != null && resident.relation() == Relation.HEAD && household.headResidentId() != null) {
			problems.add(new FieldProblem("relation", "registry.resident.relation.headTaken"));
		}
		RegistryInputException.throwIfAny(problems);
		long id = insert(actor, householdId, path, resident);
		store.history("HOUSEHOLD", householdId, path, actor.username(), "RESIDENT_ADDED",
				"resident " + id + " " + resident.name());
		return id;
	}

	/** Changes a resident's personal fields, relation and tags. */
	public void updateResident(Actor actor, long residentId, ResidentInput input) {
		DataScope scope = RegistryAccess.editScope(actor);
		ResidentView current = loadResident(scope, residentId);
		HouseholdView household = store.household(scope, current.householdId()).orElseThrow();
		OrgPath path = OrgPath.of(current.orgPath());
		List<FieldProblem> problems = new ArrayList<>();
		IdNumber stored = IdNumber.parse(store.revealIdNumber(residentId));
		CheckedResident resident = checkResident(input, stored, lookups.countyOf(path), "", problems);
		if (resident != null && resident.relation() == Relation.HEAD && household.headResidentId() != null
				&& household.headResidentId() != residentId) {
			problems.add(new FieldProblem("relation", "registry.resident.relation.headTaken"));
		}
		if (input.version() == null) {
			problems.add(new FieldProblem("version", "registry.error.stale"));
		}
		RegistryInputException.throwIfAny(problems);
		boolean idChanged = !resident.idNumber().equals(stored);
		boolean phoneGiven = input.phone() != null && !input.phone().isBlank();
		if (!store.updateResident(residentId, input.version(), resident.name(), resident.gender(), resident.birthDate(),
				idChanged ? resident.idNumber() : null, phoneGiven ? resident.phone() : null, resident.relation())) {
			throw new RegistryInputException("version", "registry.error.stale");
		}
		store.setResidentTags(residentId, resident.tags());
		if (resident.relation() == Relation.HEAD) {
			store.setHead(current.householdId(), residentId);
		}
		else if (Objects.equals(household.headResidentId(), residentId)) {
			store.clearHead(current.householdId());
		}
		List<String> changed = new ArrayList<>();
		if (!current.name().equals(resident.name())) {
			changed.add("name");
		}
		if (idChanged) {
			changed.add("id_number");
		}
		if (phoneGiven) {
			changed.add("phone");
		}
		if (current.relation() != resident.relation()) {
			changed.add("relation");
		}
		if (!current.tags().equals(resident.tags())) {
			changed.add("tags");
		}
		store.history("RESIDENT", residentId, path, actor.username(), "UPDATED", String.join(", ", changed));
		audit.record(AuditEntry.success(Actions.RESIDENT_UPDATED, RESIDENT, residentId)
			.withDetail(String.join(",", changed)));
	}

	/** Moves a resident into another household; both must be in the edit scope. */
	public void moveResident(Actor actor, long residentId, long targetHouseholdId, String relationInput) {
		DataScope scope = RegistryAccess.editScope(actor);
		ResidentView resident = loadResident(scope, residentId);
		if (resident.status() != ResidentStatus.ACTIVE) {
			throw new RegistryInputException("status", "registry.resident.notActive");
		}
		HouseholdView target = store.household(scope, targetHouseholdId)
			.filter(h -> ACTIVE.equals(h.status()))
			.orElseThrow(() -> new RegistryInputException("targetHouseholdId", "registry.resident.move.unknown"));
		if (target.id() == resident.householdId()) {
			throw new RegistryInputException("targetHouseholdId", "registry.resident.move.same");
		}
		Relation relation = parseRelation(relationInput).orElse(Relation.OTHER);
		if (relation == Relation.HEAD && target.headResidentId() != null) {
			throw new RegistryInputException("relation", "registry.resident.relation.headTaken");
		}
		HouseholdView source = store.household(scope, resident.householdId()).orElseThrow();
		store.moveResident(residentId, targetHouseholdId, relation);
		if (Objects.equals(source.headResidentId(), residentId)) {
			store.clearHead(source.id());
		}
		if (relation == Relation.HEAD) {
			store.setHead(targetHouseholdId, residentId);
		}
		String detail = "resident " + residentId + " " + resident.name();
		store.history("HOUSEHOLD", source.id(), OrgPath.of(source.orgPath()), actor.username(), "RESIDENT_MOVED_OUT",
				detail + " → household " + targetHouseholdId);
		store.history("HOUSEHOLD", targetHouseholdId, OrgPath.of(target.orgPath()), actor.username(),
				"RESIDENT_MOVED_IN", detail + " ← household " + source.id());
		store.history("RESIDENT", residentId, OrgPath.of(target.orgPath()), actor.username(), "MOVED",
				"household " + source.id() + " → " + targetHouseholdId);
		audit.record(AuditEntry.success(Actions.RESIDENT_MOVED, RESIDENT, residentId)
			.withDetail("household " + source.id() + " -> " + targetHouseholdId));
	}

	/** Marks a resident moved out, deceased or active again; never deletes. */
	public void setResidentStatus(Actor actor, long residentId, ResidentStatus status) {
		DataScope scope = RegistryAccess.editScope(actor);
		ResidentView resident = loadResident(scope, residentId);
		if (status == null) {
			throw new RegistryInputException("status", "registry.resident.status.invalid");
		}
		if (resident.status() == status) {
			return;
		}
		store.setResidentStatus(residentId, status);
		HouseholdView household = store.household(scope, resident.householdId()).orElseThrow();
		if (status != ResidentStatus.ACTIVE && Objects.equals(household.headResidentId(), residentId)) {
			store.clearHead(household.id());
		}
		OrgPath path = OrgPath.of(resident.orgPath());
		store.history("RESIDENT", residentId, path, actor.username(), "STATUS", resident.status() + " → " + status);
		store.history("HOUSEHOLD", household.id(), path, actor.username(), "RESIDENT_STATUS",
				"resident " + residentId + " " + resident.name() + ": " + resident.status() + " → " + status);
		audit.record(
				AuditEntry.success(Actions.RESIDENT_STATUS_CHANGED, RESIDENT, residentId).withDetail(status.name()));
	}

	/** The clear ID number; every call is audited. */
	public String revealIdNumber(Actor actor, long residentId) {
		loadResident(RegistryAccess.revealScope(actor), residentId);
		audit.record(AuditEntry.success(Actions.REVEAL, RESIDENT, residentId).withDetail("id_number"));
		return store.revealIdNumber(residentId);
	}

	/** The clear phone; every call is audited. */
	public String revealPhone(Actor actor, long residentId) {
		loadResident(RegistryAccess.revealScope(actor), residentId);
		audit.record(AuditEntry.success(Actions.REVEAL, RESIDENT, residentId).withDetail("phone"));
		return store.revealPhone(residentId);
	}

	// ---------------------------------------------------------------- internals

	private long insert(Actor actor, long householdId, OrgPath path, CheckedResident resident) {
		long id = store.insertResident(householdId,
				new RegistryStore.NewResident(resident.name(), resident.gender(), resident.birthDate(),
						resident.idNumber(), resident.phone(), resident.relation(), ResidentStatus.ACTIVE,
						resident.tags()),
				actor.username());
		audit.record(AuditEntry.success(Actions.RESIDENT_CREATED, RESIDENT, id).withDetail("household " + householdId));
		return id;
	}

	private HouseholdView loadHousehold(DataScope scope, long id) {
		Optional<HouseholdView> household = store.household(scope, id);
		if (household.isEmpty()) {
			if (store.householdExists(id)) {
				audit.record(AuditEntry.of(Actions.SCOPE_DENIED, HOUSEHOLD, id, AuditOutcome.DENIED));
			}
			throw new RecordNotFoundException(HOUSEHOLD, id);
		}
		return household.get();
	}

	private ResidentView loadResident(DataScope scope, long id) {
		Optional<ResidentView> resident = store.resident(scope, id);
		if (resident.isEmpty()) {
			if (store.residentExists(id)) {
				audit.record(AuditEntry.of(Actions.SCOPE_DENIED, RESIDENT, id, AuditOutcome.DENIED));
			}
			throw new RecordNotFoundException(RESIDENT, id);
		}
		return resident.get();
	}

	private Place requirePlace(DataScope scope, String code) {
		Optional<Place> place = places.find(code);
		if (place.isPresent() && scope.contains(place.get().path())) {
			return place.get();
		}
		if (place.isPresent()) {
			audit.record(AuditEntry.of(Actions.SCOPE_DENIED, PLACE, code, AuditOutcome.DENIED));
		}
		throw new RecordNotFoundException(PLACE, code);
	}

	private static void requireActive(HouseholdView household) {
		if (!ACTIVE.equals(household.status())) {
			throw new RegistryInputException("status", "registry.household.notActive");
		}
	}

	private Place villageOf(Place place) {
		Place current = place;
		while (current != null && current.level() != PlaceLevel.VILLAGE && current.parentCode() != null) {
			current = places.find(current.parentCode()).orElse(null);
		}
		return current != null && current.level() == PlaceLevel.VILLAGE ? current : null;
	}

	/** Where a household goes: its village, group, grid and micro-grid, checked. */
	private record Placement(Place village, Long groupId, String gridCode, String microGridCode, OrgPath path) {
	}

	private Placement placement(DataScope scope, String villageCode, HouseholdInput input,
			List<FieldProblem> problems) {
		Place village = villageCode == null ? null
				: places.find(villageCode.strip()).filter(p -> p.level() == PlaceLevel.VILLAGE).orElse(null);
		if (village == null) {
			problems.add(new FieldProblem("villageCode", "registry.household.village.invalid"));
			return null;
		}
		int before = problems.size();
		if (input.groupId() != null
				&& lookups.group(input.groupId()).filter(g -> g.villageCode().equals(village.code())).isEmpty()) {
			problems.add(new FieldProblem("groupId", "registry.household.group.invalid"));
		}
		String gridCode = blankToNull(input.gridCode());
		String microCode = blankToNull(input.microGridCode());
		Place grid = null;
		if (gridCode != null) {
			grid = places.find(gridCode)
				.filter(p -> p.level() == PlaceLevel.GRID && village.path().contains(p.path()))
				.orElse(null);
			if (grid == null) {
				problems.add(new FieldProblem("gridCode", "registry.household.grid.invalid"));
			}
		}
		Place micro = null;
		if (microCode != null) {
			Place parentGrid = grid;
			micro = places.find(microCode)
				.filter(p -> p.level() == PlaceLevel.MICRO_GRID && parentGrid != null
						&& parentGrid.path().contains(p.path()))
				.orElse(null);
			if (micro == null) {
				problems.add(new FieldProblem("microGridCode", "registry.household.microGrid.invalid"));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		OrgPath path = micro != null ? micro.path() : grid != null ? grid.path() : village.path();
		if (!scope.contains(path)) {
			problems.add(
					new FieldProblem(grid != null ? "gridCode" : "villageCode", "registry.household.place.outOfScope"));
			return null;
		}
		return new Placement(village, input.groupId(), gridCode, microCode, path);
	}

	private static String checkedAddress(HouseholdInput input, List<FieldProblem> problems) {
		String address = input.address() == null ? "" : input.address().strip();
		if (address.isEmpty()) {
			problems.add(new FieldProblem("address", "registry.household.address.required"));
		}
		else if (address.length() > 200) {
			problems.add(new FieldProblem("address", "registry.household.address.size"));
		}
		if (input.notes() != null && input.notes().length() > 1000) {
			problems.add(new FieldProblem("notes", "registry.household.notes.size"));
		}
		return address;
	}

	private void checkTags(Set<String> tags, String county, String target, String field, List<FieldProblem> problems) {
		if (tags == null || tags.isEmpty()) {
			return;
		}
		Set<String> known = lookups.tags(county, target)
			.stream()
			.map(RegistryLookups.TagDefinition::code)
			.collect(Collectors.toSet());
		if (!known.containsAll(tagSet(tags))) {
			problems.add(new FieldProblem(field, "registry.tags.unknown"));
		}
	}

	/** A resident input that passed every check. */
	private record CheckedResident(String name, Gender gender, LocalDate birthDate, IdNumber idNumber, String phone,
			Relation relation, Set<String> tags) {
	}

	/**
	 * Checks a resident's fields; {@code stored} is the ID number on file when editing
	 * (an empty field keeps it). Returns null when something is wrong.
	 */
	private CheckedResident checkResident(ResidentInput input, IdNumber stored, String county, String prefix,
			List<FieldProblem> problems) {
		int before = problems.size();
		String name = input.name() == null ? "" : input.name().strip();
		if (name.isEmpty()) {
			problems.add(new FieldProblem(prefix + "name", "registry.resident.name.required"));
		}
		else if (name.length() > 50) {
			problems.add(new FieldProblem(prefix + "name", "registry.resident.name.size"));
		}
		IdNumber idNumber = null;
		String typed = IdNumber.normalize(input.idNumber());
		if (typed.isEmpty() && stored != null) {
			idNumber = stored;
		}
		else if (typed.isEmpty()) {
			problems.add(new FieldProblem(prefix + "idNumber", "registry.resident.idNumber.required"));
		}
		else {
			String problem = IdNumber.problem(typed);
			if (problem != null) {
				problems.add(new FieldProblem(prefix + "idNumber", "registry." + problem));
			}
			else {
				idNumber = new IdNumber(typed);
				if (!idNumber.equals(stored) && store.residentIdByIdNumber(idNumber).isPresent()) {
					// taken: say so without telling where the other resident lives
					problems.add(new FieldProblem(prefix + "idNumber", "registry.resident.idNumber.taken"));
				}
			}
		}
		Gender gender = null;
		if (input.gender() != null && !input.gender().isBlank()) {
			gender = parseGender(input.gender());
			if (gender == null) {
				problems.add(new FieldProblem(prefix + "gender", "registry.resident.gender.invalid"));
			}
			else if (idNumber != null && gender != idNumber.gender()) {
				problems.add(new FieldProblem(prefix + "gender", "registry.resident.gender.mismatch"));
			}
		}
		LocalDate birthDate = null;
		if (input.birthDate() != null && !input.birthDate().isBlank()) {
			try {
				birthDate = LocalDate.parse(input.birthDate().strip());
				if (idNumber != null && !birthDate.equals(idNumber.birthDate())) {
					problems.add(new FieldProblem(prefix + "birthDate", "registry.resident.birthDate.mismatch"));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem(prefix + "birthDate", "registry.resident.birthDate.invalid"));
			}
		}
		String phone = input.phone() == null ? "" : input.phone().replaceAll("\\s", "");
		if (!phone.isEmpty() && !phone.matches(PHONE_PATTERN)) {
			problems.add(new FieldProblem(prefix + "phone", "registry.resident.phone.invalid"));
		}
		Relation relation = Relation.OTHER;
		if (input.relation() != null && !input.relation().isBlank()) {
			Optional<Relation> parsed = parseRelation(input.relation());
			if (parsed.isEmpty()) {
				problems.add(new FieldProblem(prefix + "relation", "registry.resident.relation.invalid"));
			}
			else {
				relation = parsed.get();
			}
		}
		checkTags(input.tags(), county, "RESIDENT", prefix + "tags", problems);
		if (problems.size() > before) {
			return null;
		}
		return new CheckedResident(name, gender != null ? gender : idNumber.gender(),
				birthDate != null ? birthDate : idNumber.birthDate(), idNumber, phone.isEmpty() ? null : phone,
				relation, tagSet(input.tags()));
	}

	private static Gender parseGender(String value) {
		String v = value.strip();
		if (v.equals("男")) {
			return Gender.MALE;
		}
		if (v.equals("女")) {
			return Gender.FEMALE;
		}
		for (Gender g : Gender.values()) {
			if (g.name().equalsIgnoreCase(v)) {
				return g;
			}
		}
		return null;
	}

	private static Optional<Relation> parseRelation(String value) {
		return value == null || value.isBlank() ? Optional.empty() : Relation.fromLabel(value);
	}

	private static Set<String> tagSet(Set<String> tags) {
		if (tags == null) {
			return new java.util.TreeSet<>();
		}
		return tags.stream()
			.filter(t -> t != null && !t.isBlank())
			.map(String::strip)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
