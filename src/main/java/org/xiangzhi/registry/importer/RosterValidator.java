package org.xiangzhi.registry.importer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.Relation;
import org.xiangzhi.registry.ResidentStatus;
import org.xiangzhi.registry.household.RegistryLookups;
import org.xiangzhi.registry.household.RegistryStore;
import org.xiangzhi.registry.household.RegistryStore.NewHousehold;
import org.xiangzhi.registry.household.RegistryStore.NewResident;
import org.xiangzhi.registry.household.RegistryStore.RegisteredResident;

import static org.xiangzhi.registry.importer.ImportColumn.ADDRESS;
import static org.xiangzhi.registry.importer.ImportColumn.BIRTH_DATE;
import static org.xiangzhi.registry.importer.ImportColumn.GENDER;
import static org.xiangzhi.registry.importer.ImportColumn.GRID_CODE;
import static org.xiangzhi.registry.importer.ImportColumn.GROUP;
import static org.xiangzhi.registry.importer.ImportColumn.HOUSEHOLD_KEY;
import static org.xiangzhi.registry.importer.ImportColumn.HOUSEHOLD_TAGS;
import static org.xiangzhi.registry.importer.ImportColumn.ID_NUMBER;
import static org.xiangzhi.registry.importer.ImportColumn.NAME;
import static org.xiangzhi.registry.importer.ImportColumn.NOTES;
import static org.xiangzhi.registry.importer.ImportColumn.PHONE;
import static org.xiangzhi.registry.importer.ImportColumn.RELATION;
import static org.xiangzhi.registry.importer.ImportColumn.RESIDENT_TAGS;
import static org.xiangzhi.registry.importer.ImportColumn.VILLAGE_CODE;

/**
 * Checks a whole roster before anything is written and collects every problem, row by
 * row; turns a clean roster into an {@link ImportPlan}. Reference data (places, groups,
 * tags) is read once per village, and registered residents are looked up by blind index a
 * thousand at a time.
 */
@Component
class RosterValidator {

	static final int MAX_NAME = 50;

	static final int MAX_ADDRESS = 200;

	static final int MAX_NOTES = 1000;

	private static final Pattern PHONE_PATTERN = Pattern.compile("1[3-9][0-9]{9}");

	private static final Pattern GROUP_NUMBER = Pattern.compile("第?([0-9]{1,4})(组|社|队|村民小组)?");

	private static final Pattern TAG_SEPARATOR = Pattern.compile("\\s*[,，、;；]\\s*");

	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy-M-d"),
			DateTimeFormatter.ofPattern("yyyyMMdd"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyy年M月d日"));

	private final Places places;

	private final JdbcClient jdbc;

	private final RegistryStore store;

	private final RegistryLookups lookups;

	RosterValidator(Places places, JdbcClient jdbc, RegistryStore store, RegistryLookups lookups) {
		this.lookups = lookups;
		this.places = places;
		this.jdbc = jdbc;
		this.store = store;
	}

	/** The outcome: either errors, or a plan. */
	record Validation(List<RowError> errors, ImportPlan plan) {

		boolean valid() {
			return errors.isEmpty();
		}

	}

	/** A progress callback: rows checked so far. */
	interface Progress {

		void rowsDone(int rows);

		Progress NONE = rows -> {
		};

	}

	Validation validate(Roster roster, DataScope importScope, Progress progress) {
		List<RowError> errors = new ArrayList<>();
		for (ImportColumn missing : roster.missingColumns()) {
			errors.add(new RowError(1, missing, "import.error.missingColumn", missing.header()));
		}
		if (!errors.isEmpty()) {
			return new Validation(errors, null);
		}
		if (roster.rows().isEmpty()) {
			return new Validation(List.of(new RowError(0, null, "import.file.noRows", null)), null);
		}
		References refs = new References(importScope);
		Map<String, Draft> drafts = new LinkedHashMap<>();
		Map<String, Integer> idRows = new HashMap<>();
		int done = 0;
		for (Roster.Row row : roster.rows()) {
			checkRow(row, refs, drafts, idRows, errors);
			if (++done % 5000 == 0) {
				progress.rowsDone(done);
			}
		}
		for (Draft draft : drafts.values()) {
			long heads = draft.members.stream().filter(m -> m.relation == Relation.HEAD).count();
			if (heads == 0 && draft.members.stream().allMatch(m -> m.relation != null)) {
				errors.add(new RowError(draft.firstRow, RELATION, "import.error.noHead", draft.key));
			}
			else if (heads > 1) {
				draft.members.stream()
					.filter(m -> m.relation == Relation.HEAD)
					.skip(1)
					.forEach(m -> errors.add(new RowError(m.row, RELATION, "import.error.secondHead", draft.key)));
			}
		}
		if (errors.isEmpty()) {
			matchRegistered(drafts, importScope, errors);
		}
		progress.rowsDone(roster.rows().size());
		if (!errors.isEmpty()) {
			errors.sort(null);
			return new Validation(errors, null);
		}
		List<ImportPlan.PlannedHousehold> households = new ArrayList<>();
		OrgPath common = null;
		for (Draft d : drafts.values()) {
			List<NewResident> created = new ArrayList<>();
			int unchanged = 0;
			for (Member m : d.members) {
				if (m.registered == null) {
					created.add(m.resident());
				}
				else {
					unchanged++;
				}
			}
			households.add(new ImportPlan.PlannedHousehold(d.key, d.path,
					new NewHousehold(d.village.code(), d.groupId, d.gridCode, null, d.address, d.notes, d.tags),
					d.existingId, created, unchanged));
			common = common == null ? d.village.path() : commonAncestor(common, d.village.path());
		}
		return new Validation(List.of(), new ImportPlan(households, common, roster.rows().size()));
	}

	private void checkRow(Roster.Row row, References refs, Map<String, Draft> drafts, Map<String, Integer> idRows,
			List<RowError> errors) {
		int n = row.number();
		for (ImportColumn column : ImportColumn.values()) {
			if (column.required() && row.get(column).isEmpty() && column != ADDRESS && column != VILLAGE_CODE) {
				errors.add(new RowError(n, column, "import.error.required", null));
			}
		}
		String key = row.get(HOUSEHOLD_KEY);
		if (key.isEmpty()) {
			return;
		}
		Draft draft = drafts.get(key);
		if (draft == null) {
			draft = newHousehold(row, refs, errors);
			if (draft == null) {
				// the household's own columns are wrong; still check the resident's
				// columns
				draft = new Draft(key, n);
				draft.broken = true;
			}
			drafts.put(key, draft);
		}
		else if (!draft.broken) {
			compareHousehold(row, draft, refs, errors);
		}
		Member member = new Member(n);
		String name = row.get(NAME);
		if (name.length() > MAX_NAME) {
			errors.add(new RowError(n, NAME, "import.error.tooLong", String.valueOf(MAX_NAME)));
		}
		member.name = name;
		String rawId = IdNumber.normalize(row.get(ID_NUMBER));
		IdNumber id = null;
		if (!rawId.isEmpty()) {
			String problem = IdNumber.problem(rawId);
			if (problem != null) {
				errors.add(new RowError(n, ID_NUMBER, "import.error." + problem, null));
			}
			else {
				id = new IdNumber(rawId);
				Integer first = idRows.putIfAbsent(rawId, n);
				if (first != null) {
					errors.add(new RowError(n, ID_NUMBER, "import.error.duplicateId", String.valueOf(first)));
				}
			}
		}
		member.id = id;
		String genderText = row.get(GENDER);
		if (!genderText.isEmpty()) {
			Optional<Gender> gender = gender(genderText);
			if (gender.isEmpty()) {
				errors.add(new RowError(n, GENDER, "import.error.gender", genderText));
			}
			else if (id != null && gender.get() != id.gender()) {
				errors.add(new RowError(n, GENDER, "import.error.genderContradictsId", genderText));
			}
		}
		String birthText = row.get(BIRTH_DATE);
		if (!birthText.isEmpty()) {
			LocalDate birth = date(birthText);
			if (birth == null) {
				errors.add(new RowError(n, BIRTH_DATE, "import.error.birthDate", birthText));
			}
			else if (id != null && !birth.equals(id.birthDate())) {
				errors.add(new RowError(n, BIRTH_DATE, "import.error.birthDateContradictsId", birthText));
			}
		}
		String relationText = row.get(RELATION);
		if (!relationText.isEmpty()) {
			member.relation = Relation.fromLabel(relationText).orElse(null);
			if (member.relation == null) {
				errors.add(new RowError(n, RELATION, "import.error.relation", relationText));
			}
		}
		String phone = row.get(PHONE).replaceAll("[\\s-]", "");
		if (!phone.isEmpty() && !PHONE_PATTERN.matcher(phone).matches()) {
			errors.add(new RowError(n, PHONE, "import.error.phone", null));
		}
		member.phone = phone.isEmpty() ? null : phone;
		member.tags = refs.tags(draft.village, "RESIDENT", row.get(RESIDENT_TAGS), n, RESIDENT_TAGS, errors);
		draft.members.add(member);
	}

	private Draft newHousehold(Roster.Row row, References refs, List<RowError> errors) {
		int n = row.number();
		int before = errors.size();
		Draft draft = new Draft(row.get(HOUSEHOLD_KEY), n);
		String villageCode = row.get(VILLAGE_CODE);
		if (villageCode.isEmpty()) {
			errors.add(new RowError(n, VILLAGE_CODE, "import.error.required", null));
		}
		else {
			Optional<Place> village = refs.place(villageCode).filter(p -> p.level() == PlaceLevel.VILLAGE);
			if (village.isEmpty()) {
				errors.add(new RowError(n, VILLAGE_CODE, "import.error.villageUnknown", villageCode));
			}
			else if (!refs.scope.contains(village.get().path())) {
				errors.add(new RowError(n, VILLAGE_CODE, "import.error.villageOutOfScope", villageCode));
			}
			else {
				draft.village = village.get();
			}
		}
		String address = row.get(ADDRESS);
		if (address.isEmpty()) {
			errors.add(new RowError(n, ADDRESS, "import.error.required", null));
		}
		else if (address.length() > MAX_ADDRESS) {
			errors.add(new RowError(n, ADDRESS, "import.error.tooLong", String.valueOf(MAX_ADDRESS)));
		}
		draft.address = address;
		String notes = row.get(NOTES);
		if (notes.length() > MAX_NOTES) {
			errors.add(new RowError(n, NOTES, "import.error.tooLong", String.valueOf(MAX_NOTES)));
		}
		draft.notes = notes.isEmpty() ? null : notes;
		draft.rawGroup = row.get(GROUP);
		draft.gridCode = row.get(GRID_CODE).isEmpty() ? null : row.get(GRID_CODE);
		draft.rawTags = row.get(HOUSEHOLD_TAGS);
		if (draft.village != null) {
			if (!draft.rawGroup.isEmpty()) {
				draft.groupId = refs.group(draft.village.code(), draft.rawGroup);
				if (draft.groupId == null) {
					errors.add(new RowError(n, GROUP, "import.error.groupUnknown", draft.rawGroup));
				}
			}
			draft.path = draft.village.path();
			if (draft.gridCode != null) {
				Optional<Place> grid = refs.place(draft.gridCode)
					.filter(p -> p.level() == PlaceLevel.GRID && draft.village.code().equals(p.parentCode()));
				if (grid.isEmpty()) {
					errors.add(new RowError(n, GRID_CODE, "import.error.gridNotInVillage", draft.gridCode));
				}
				else {
					draft.path = grid.get().path();
				}
			}
			draft.tags = refs.tags(draft.village, "HOUSEHOLD", draft.rawTags, n, HOUSEHOLD_TAGS, errors);
		}
		return errors.size() == before ? draft : null;
	}

	/**
	 * Rows after the first of a household may leave its columns blank, not contradict
	 * them.
	 */
	private void compareHousehold(Roster.Row row, Draft draft, References refs, List<RowError> errors) {
		int n = row.number();
		conflict(n, VILLAGE_CODE, row.get(VILLAGE_CODE), draft.village.code(), draft, errors);
		conflict(n, GROUP, row.get(GROUP), draft.rawGroup, draft, errors);
		conflict(n, GRID_CODE, row.get(GRID_CODE), draft.gridCode == null ? "" : draft.gridCode, draft, errors);
		conflict(n, ADDRESS, row.get(ADDRESS), draft.address, draft, errors);
		conflict(n, NOTES, row.get(NOTES), draft.notes == null ? "" : draft.notes, draft, errors);
		String tags = row.get(HOUSEHOLD_TAGS);
		if (!tags.isEmpty()) {
			Set<String> these = refs.tags(draft.village, "HOUSEHOLD", tags, n, HOUSEHOLD_TAGS, errors);
			if (these != null && !these.equals(draft.tags)) {
				errors.add(new RowError(n, HOUSEHOLD_TAGS, "import.error.householdConflict", draft.key));
			}
		}
	}

	private static void conflict(int row, ImportColumn column, String value, String first, Draft draft,
			List<RowError> errors) {
		if (!value.isEmpty() && !value.equals(first)) {
			errors.add(new RowError(row, column, "import.error.householdConflict", draft.key));
		}
	}

	/**
	 * Residents already registered stay as they are; their household becomes the file's
	 * household, so new members join it.
	 */
	private void matchRegistered(Map<String, Draft> drafts, DataScope scope, List<RowError> errors) {
		Map<String, Member> byIndex = new HashMap<>();
		for (Draft d : drafts.values()) {
			for (Member m : d.members) {
				m.index = store.idIndex(m.id);
				byIndex.put(m.index, m);
			}
		}
		Map<String, RegisteredResident> registered = store.residentsByIdIndex(byIndex.keySet());
		for (Draft d : drafts.values()) {
			Set<Long> households = new TreeSet<>();
			for (Member m : d.members) {
				RegisteredResident r = registered.get(m.index);
				if (r == null) {
					continue;
				}
				m.registered = r;
				if (!scope.contains(OrgPath.of(r.householdOrgPath()))) {
					errors.add(new RowError(m.row, ID_NUMBER, "import.error.registeredOutsideScope", null));
				}
				else if (!d.village.path().contains(OrgPath.of(r.householdOrgPath()))) {
					errors.add(new RowError(m.row, VILLAGE_CODE, "import.error.registeredInOtherVillage", null));
				}
				households.add(r.householdId());
			}
			if (households.size() > 1) {
				d.members.stream()
					.filter(m -> m.registered != null)
					.forEach(m -> errors
						.add(new RowError(m.row, HOUSEHOLD_KEY, "import.error.membersInSeveralHouseholds", d.key)));
			}
			else if (households.size() == 1) {
				d.existingId = households.iterator().next();
				RegisteredResident any = d.members.stream()
					.filter(m -> m.registered != null)
					.findFirst()
					.orElseThrow().registered;
				d.path = OrgPath.of(any.householdOrgPath());
			}
		}
	}

	private static Optional<Gender> gender(String text) {
		return switch (text.strip().toUpperCase(Locale.ROOT)) {
			case "男", "M", "MALE" -> Optional.of(Gender.MALE);
			case "女", "F", "FEMALE" -> Optional.of(Gender.FEMALE);
			default -> Optional.empty();
		};
	}

	static LocalDate date(String text) {
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(text.strip(), format);
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		return null;
	}

	static OrgPath commonAncestor(OrgPath a, OrgPath b) {
		List<String> x = a.codes();
		List<String> y = b.codes();
		int i = 0;
		while (i < x.size() && i < y.size() && x.get(i).equals(y.get(i))) {
			i++;
		}
		return OrgPath.ofCodes(x.subList(0, i).toArray(String[]::new));
	}

	/** A household being assembled from its rows. */
	private static final class Draft {

		final String key;

		final int firstRow;

		final List<Member> members = new ArrayList<>();

		boolean broken;

		Place village;

		OrgPath path;

		String rawGroup = "";

		Long groupId;

		String gridCode;

		String address = "";

		String notes;

		String rawTags = "";

		Set<String> tags = Set.of();

		Long existingId;

		Draft(String key, int firstRow) {
			this.key = key;
			this.firstRow = firstRow;
		}

	}

	private static final class Member {

		final int row;

		String name;

		IdNumber id;

		Relation relation;

		String phone;

		Set<String> tags;

		String index;

		RegisteredResident registered;

		Member(int row) {
			this.row = row;
		}

		NewResident resident() {
			return new NewResident(name, id.gender(), id.birthDate(), id, phone, relation, ResidentStatus.ACTIVE,
					tags == null ? Set.of() : tags);
		}

	}

	/** Places, groups and tags, each read once. */
	private final class References {

		final DataScope scope;

		private final Map<String, Optional<Place>> places = new HashMap<>();

		private final Map<String, List<Group>> groups = new HashMap<>();

		private final Map<String, Map<String, String>> tags = new HashMap<>();

		References(DataScope scope) {
			this.scope = scope;
		}

		Optional<Place> place(String code) {
			return places.computeIfAbsent(code, RosterValidator.this.places::find);
		}

		Long group(String villageCode, String raw) {
			List<Group> list = groups.computeIfAbsent(villageCode,
					v -> jdbc.sql("select id, number, name from villager_group where village_code = :v")
						.param("v", v)
						.query((rs, i) -> new Group(rs.getLong("id"), rs.getInt("number"), rs.getString("name")))
						.list());
			String v = raw.strip();
			for (Group g : list) {
				if (g.name().equals(v)) {
					return g.id();
				}
			}
			Matcher m = GROUP_NUMBER.matcher(v);
			if (m.matches()) {
				int number = Integer.parseInt(m.group(1));
				for (Group g : list) {
					if (g.number() == number) {
						return g.id();
					}
				}
			}
			return null;
		}

		/** Tag codes for the names or codes in {@code raw}; unknown ones are errors. */
		Set<String> tags(Place village, String target, String raw, int row, ImportColumn column,
				List<RowError> errors) {
			if (raw == null || raw.isBlank()) {
				return Set.of();
			}
			String county = village == null ? null : village.code().substring(0, 6);
			Map<String, String> known = tags.computeIfAbsent(target + "/" + county, k -> {
				// the same list the screens offer: the county's own tags, else the
				// defaults
				Map<String, String> byLabel = new HashMap<>();
				for (RegistryLookups.TagDefinition tag : lookups.tags(county, target)) {
					byLabel.put(tag.code().toUpperCase(Locale.ROOT), tag.code());
					byLabel.put(tag.nameZh(), tag.code());
					byLabel.put(tag.nameEn().toUpperCase(Locale.ROOT), tag.code());
				}
				return byLabel;
			});
			Set<String> codes = new LinkedHashSet<>();
			for (String part : TAG_SEPARATOR.split(raw.strip())) {
				String label = part.strip();
				if (label.isEmpty()) {
					continue;
				}
				String code = known.get(label);
				if (code == null) {
					code = known.get(label.toUpperCase(Locale.ROOT));
				}
				if (code == null) {
					errors.add(new RowError(row, column, "import.error.tagUnknown", label));
				}
				else {
					codes.add(code);
				}
			}
			return new TreeSet<>(codes);
		}

	}

	private record Group(long id, int number, String name) {
	}

}
