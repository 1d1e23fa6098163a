package org.xiangzhi.registry.household;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Masking;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.Relation;
import org.xiangzhi.registry.ResidentStatus;

/**
 * Households and residents in the database: the one place that writes these tables,
 * encrypts identifiers (ID number, phone) with their blind indexes and appends the
 * history. Reads take a {@link DataScope} and never return rows outside it. Callers own
 * the transaction.
 * <p>
 * Every write that can change what {@link #counts} finds (households created or set
 * MERGED, residents added, moved or given another status, tags replaced) touches the
 * village of each row it changes in {@link RegistryTallies}, which recounts those
 * villages just before the transaction commits: this class is the one hook point that
 * keeps the tally exact.
 */
@Repository
public class RegistryStore {

	/** Blind-index kinds, so an ID number never matches a phone. */
	public static final String ID_KIND = "id";

	public static final String PHONE_KIND = "phone";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final Places places;

	private final Clock clock;

	private final RegistryTallies tallies;

	/**
	 * JDBC batching for the import, the demo data and the generator, which JdbcClient
	 * lacks.
	 */
	private final org.springframework.jdbc.core.JdbcTemplate batchJdbc;

	RegistryStore(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batchJdbc, PersonalData personalData,
			Places places, Clock clock, RegistryTallies tallies) {
		this.batchJdbc = batchJdbc;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.places = places;
		this.clock = clock;
		this.tallies = tallies;
	}

	/** What a new household is made of. Group, grid and micro-grid are optional. */
	public record NewHousehold(String villageCode, Long groupId, String gridCode, String microGridCode, String address,
			String notes, Set<String> tags) {
	}

	/**
	 * What a new resident is made of; gender and birth date must agree with the ID
	 * number.
	 */
	public record NewResident(String name, Gender gender, LocalDate birthDate, IdNumber idNumber, String phone,
			Relation relation, ResidentStatus status, Set<String> tags) {
	}

	/** A household as shown to cadres. */
	public record HouseholdView(long id, String orgPath, String villageCode, Long groupId, String groupName,
			String gridCode, String microGridCode, String address, Long headResidentId, String notes, String status,
			int version, Set<String> tags) {
	}

	/** A resident as shown to cadres: identifiers masked. */
	public record ResidentView(long id, long householdId, String orgPath, String name, Gender gender,
			LocalDate birthDate, String maskedIdNumber, String maskedPhone, Relation relation, ResidentStatus status,
			int version, Set<String> tags) {
	}

	/** Search criteria; empty fields do not restrict. */
	public record ResidentQuery(String namePrefix, String idNumber, String phone, String tag, Long groupId,
			String gridCode, ResidentStatus status) {

		public static ResidentQuery all() {
			return new ResidentQuery(null, null, null, null, null, null, null);
		}

	}

	/** Counts of a subtree. */
	public record Counts(long households, long residents, Map<String, Long> householdTags,
			Map<String, Long> residentTags) {
	}

	/**
	 * The org_path of a household: its micro-grid, else its grid, else its village; the
	 * grid must lie in the village and the micro-grid in the grid.
	 */
	public OrgPath householdPath(String villageCode, String gridCode, String microGridCode) {
		Place village = places.find(villageCode)
			.filter(p -> p.level() == PlaceLevel.VILLAGE)
			.orElseThrow(() -> new IllegalArgumentException("registry.error.village"));
		Place deepest = village;
		if (gridCode != null && !gridCode.isBlank()) {
			Place grid = places.find(gridCode)
				.filter(p -> p.level() == PlaceLevel.GRID && village.path().contains(p.path()))
				.orElseThrow(() -> new IllegalArgumentException("registry.error.grid"));
			deepest = grid;
			if (microGridCode != null && !microGridCode.isBlank()) {
				deepest = places.find(microGridCode)
					.filter(p -> p.level() == PlaceLevel.MICRO_GRID && grid.path().contains(p.path()))
					.orElseThrow(() -> new IllegalArgumentException("registry.error.microGrid"));
			}
		}
		return deepest.path();
	}

	public long insertHousehold(NewHousehold household, String actor) {
		OrgPath path = householdPath(household.villageCode(), household.gridCode(), household.microGridCode());
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into household (org_path, village_code, group_id, grid_code, micro_grid_code, address, notes, "
				+ "created_at, updated_at) values (:path, :village, :group, :grid, :micro, :address, :notes, :now, :now)")
			.param("path", path.value())
			.param("village", household.villageCode())
			.param("group", household.groupId())
			.param("grid", blankToNull(household.gridCode()))
			.param("micro", blankToNull(household.microGridCode()))
			.param("address", household.address())
			.param("notes", household.notes())
			.param("now", now)
			.update(key, "id");
		long id = key.getKey().longValue();
		replaceTags("household_tag", "household_id", id, household.tags());
		history("HOUSEHOLD", id, path, actor, "CREATED", household.address());
		tallies.touch(household.villageCode());
		return id;
	}

	public long insertResident(long householdId, NewResident resident, String actor) {
		OrgPath path = OrgPath.of(jdbc.sql("select org_path from household where id = :id")
			.param("id", householdId)
			.query(String.class)
			.single());
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into resident (household_id, org_path, name, gender, birth_date, id_number_enc, id_number_bidx, "
						+ "phone_enc, phone_bidx, relation, status, created_at, updated_at) values (:household, :path, :name, "
						+ ":gender, :birth, :idEnc, :idBidx, :phoneEnc, :phoneBidx, :relation, :status, :now, :now)")
			.param("household", householdId)
			.param("path", path.value())
			.param("name", resident.name())
			.param("gender", resident.gender().name())
			.param("birth", resident.birthDate())
			.param("idEnc", personalData.encrypt(resident.idNumber().value()))
			.param("idBidx", idIndex(resident.idNumber()))
			.param("phoneEnc", personalData.encrypt(blankToNull(resident.phone())))
			.param("phoneBidx", phoneIndex(resident.phone()))
			.param("relation", resident.relation().name())
			.param("status", (resident.status() == null ? ResidentStatus.ACTIVE : resident.status()).name())
			.param("now", now)
			.update(key, "id");
		long id = key.getKey().longValue();
		replaceTags("resident_tag", "resident_id", id, resident.tags());
		if (resident.relation() == Relation.HEAD) {
			setHead(householdId, id);
		}
		history("RESIDENT", id, path, actor, "CREATED", null);
		touchHousehold(householdId);
		return id;
	}

	public void setHead(long householdId, long residentId) {
		jdbc.sql("update household set head_resident_id = :r where id = :h")
			.param("r", residentId)
			.param("h", householdId)
			.update();
	}

	/** The blind index of an ID number, for exact lookups. */
	public String idIndex(IdNumber idNumber) {
		return personalData.blindIndex(ID_KIND, idNumber.value());
	}

	/** The blind index of a phone number, or null for none. */
	public String phoneIndex(String phone) {
		return phone == null || phone.isBlank() ? null : personalData.blindIndex(PHONE_KIND, phone);
	}

	/**
	 * The resident with this ID number anywhere in the registry (for matching on import).
	 */
	public Optional<Long> residentIdByIdNumber(IdNumber idNumber) {
		return jdbc.sql("select id from resident where id_number_bidx = :b")
			.param("b", idIndex(idNumber))
			.query(Long.class)
			.optional();
	}

	public Optional<HouseholdView> household(DataScope scope, long id) {
		DataScope.SqlCondition condition = scope.condition("h.org_path");
		return jdbc.sql(HOUSEHOLD_COLUMNS + " where h.id = :id and " + condition.sql())
			.params(condition.params())
			.param("id", id)
			.query(this::mapHousehold)
			.optional();
	}

	/**
	 * Whether a household with this id exists at all, for the "denied" audit of scope
	 * misses.
	 */
	public boolean householdExists(long id) {
		return jdbc.sql("select count(*) from household where id = :id").param("id", id).query(Long.class).single() > 0;
	}

	public boolean residentExists(long id) {
		return jdbc.sql("select count(*) from resident where id = :id").param("id", id).query(Long.class).single() > 0;
	}

	public Optional<ResidentView> resident(DataScope scope, long id) {
		DataScope.SqlCondition condition = scope.condition("r.org_path");
		return jdbc.sql(RESIDENT_COLUMNS + " where r.id = :id and " + condition.sql())
			.params(condition.params())
			.param("id", id)
			.query(this::mapResident)
			.optional();
	}

	/** Members of a household, head first, then by birth date. */
	public List<ResidentView> members(DataScope scope, long householdId) {
		DataScope.SqlCondition condition = scope.condition("r.org_path");
		return jdbc
			.sql(RESIDENT_COLUMNS + " where r.household_id = :h and " + condition.sql()
					+ " order by case when r.relation = 'HEAD' then 0 else 1 end, r.birth_date, r.id")
			.params(condition.params())
			.param("h", householdId)
			.query(this::mapResident)
			.list();
	}

	/**
	 * A page of residents matching the query inside the scope, ordered by name and id.
	 */
	public List<ResidentView> searchResidents(DataScope scope, ResidentQuery query, int offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = residentWhere(scope, query, params);
		return jdbc.sql(RESIDENT_COLUMNS + " where " + where + " order by r.name, r.id limit :limit offset :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::mapResident)
			.list();
	}

	public long countResidents(DataScope scope, ResidentQuery query) {
		Map<String, Object> params = new HashMap<>();
		String where = residentWhere(scope, query, params);
		return jdbc.sql("select count(*) from resident r where " + where).params(params).query(Long.class).single();
	}

	/**
	 * Households and active residents of the subtree at {@code path}, and per tag,
	 * counted live from the rows (see {@link RegistryTallies#live}).
	 */
	public Counts counts(OrgPath path) {
		return tallies.live(path);
	}

	/**
	 * The counts of a place's subtree: read from the tally for a village and above,
	 * counted live for grids and micro-grids.
	 */
	public Counts counts(Place place) {
		return counts(List.of(place)).get(place.code());
	}

	/** {@link #counts(Place)} of several places, by code, with one read of the tally. */
	public Map<String, Counts> counts(List<Place> places) {
		Map<String, Counts> stored = tallies
			.stored(places.stream().filter(RegistryStore::tallied).map(Place::code).toList());
		Map<String, Counts> counts = new LinkedHashMap<>();
		for (Place place : places) {
			counts.put(place.code(), tallied(place) ? stored.get(place.code()) : tallies.live(place.path()));
		}
		return counts;
	}

	/**
	 * Whether a place's counts are read from the tally: a village and everything above
	 * it. A village's own rows are refreshed in every transaction that writes in it, so
	 * they are as exact as a live count and one indexed read instead of four counting
	 * queries; grids and micro-grids below it are not tallied.
	 */
	private static boolean tallied(Place place) {
		return place.level() == PlaceLevel.VILLAGE || !place.level().isAtOrBelow(PlaceLevel.VILLAGE);
	}

	/** Marks the village of a household for a tally refresh at commit. */
	private void touchHousehold(long householdId) {
		tallies.touch(jdbc.sql("select village_code from household where id = :id")
			.param("id", householdId)
			.query(String.class)
			.single());
	}

	/** Marks the village a resident lives in now for a tally refresh at commit. */
	private void touchResident(long residentId) {
		tallies.touch(jdbc
			.sql("select h.village_code from resident r join household h on h.id = r.household_id where r.id = :id")
			.param("id", residentId)
			.query(String.class)
			.single());
	}

	/**
	 * The clear ID number of a resident already checked to be in scope; the caller
	 * audits.
	 */
	public String revealIdNumber(long residentId) {
		return personalData.decrypt(jdbc.sql("select id_number_enc from resident where id = :id")
			.param("id", residentId)
			.query(String.class)
			.single());
	}

	/**
	 * The clear phone of a resident already checked to be in scope; the caller audits.
	 */
	public String revealPhone(long residentId) {
		String phone = personalData.decrypt(jdbc.sql("select phone_enc from resident where id = :id")
			.param("id", residentId)
			.query(String.class)
			.optional()
			.orElse(null));
		return phone == null ? "" : phone;
	}

	/** Appends one history row. */
	public void history(String objectType, long objectId, OrgPath path, String actor, String change, String detail) {
		jdbc.sql("insert into registry_history (object_type, object_id, org_path, occurred_at, actor, change, detail) "
				+ "values (:type, :id, :path, :now, :actor, :change, :detail)")
			.param("type", objectType)
			.param("id", objectId)
			.param("path", path.value())
			.param("now", Timestamp.from(clock.instant()))
			.param("actor", actor)
			.param("change", change)
			.param("detail", detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000))
			.update();
	}

	/** One history row as shown on a card. */
	public record HistoryEntry(java.time.Instant at, String actor, String change, String detail) {
	}

	public List<HistoryEntry> historyOf(String objectType, long objectId) {
		return jdbc
			.sql("select occurred_at, actor, change, detail from registry_history where object_type = :t "
					+ "and object_id = :id order by occurred_at desc, id desc")
			.param("t", objectType)
			.param("id", objectId)
			.query((rs, i) -> new HistoryEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
					rs.getString("change"), rs.getString("detail")))
			.list();
	}

	private String residentWhere(DataScope scope, ResidentQuery query, Map<String, Object> params) {
		DataScope.SqlCondition condition = scope.condition("r.org_path");
		params.putAll(condition.params());
		List<String> terms = new ArrayList<>(List.of(condition.sql()));
		if (notBlank(query.namePrefix())) {
			terms.add("r.name like :name");
			params.put("name",
					query.namePrefix().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (notBlank(query.idNumber())) {
			terms.add("r.id_number_bidx = :idBidx");
			params.put("idBidx", personalData.blindIndex(ID_KIND, IdNumber.normalize(query.idNumber())));
		}
		if (notBlank(query.phone())) {
			terms.add("r.phone_bidx = :phoneBidx");
			params.put("phoneBidx", phoneIndex(query.phone()));
		}
		if (notBlank(query.tag())) {
			terms.add("(exists (select 1 from resident_tag t where t.resident_id = r.id and t.tag_code = :tag) "
					+ "or exists (select 1 from household_tag t where t.household_id = r.household_id and t.tag_code = :tag))");
			params.put("tag", query.tag());
		}
		if (query.groupId() != null) {
			terms.add("exists (select 1 from household h where h.id = r.household_id and h.group_id = :group)");
			params.put("group", query.groupId());
		}
		if (notBlank(query.gridCode())) {
			terms.add("exists (select 1 from household h where h.id = r.household_id and h.grid_code = :grid)");
			params.put("grid", query.gridCode());
		}
		if (query.status() != null) {
			terms.add("r.status = :status");
			params.put("status", query.status().name());
		}
		return String.join(" and ", terms);
	}

	private void replaceTags(String table, String column, long id, Set<String> tags) {
		jdbc.sql("delete from " + table + " where " + column + " = :id").param("id", id).update();
		if (tags != null) {
			for (String tag : tags) {
				jdbc.sql("insert into " + table + " (" + column + ", tag_code) values (:id, :tag)")
					.param("id", id)
					.param("tag", tag)
					.update();
			}
		}
	}

	/** Replaces a household's tags. */
	public void setHouseholdTags(long householdId, Set<String> tags) {
		replaceTags("household_tag", "household_id", householdId, tags);
		touchHousehold(householdId);
	}

	/** Replaces a resident's tags. */
	public void setResidentTags(long residentId, Set<String> tags) {
		replaceTags("resident_tag", "resident_id", residentId, tags);
		touchResident(residentId);
	}

	private Set<String> tagsOf(String table, String column, long id) {
		return new java.util.TreeSet<>(jdbc.sql("select tag_code from " + table + " where " + column + " = :id")
			.param("id", id)
			.query(String.class)
			.list());
	}

	private static final String HOUSEHOLD_COLUMNS = "select h.id, h.org_path, h.village_code, h.group_id, g.name as group_name, "
			+ "h.grid_code, h.micro_grid_code, h.address, h.head_resident_id, h.notes, h.status, h.version "
			+ "from household h left join villager_group g on g.id = h.group_id";

	private static final String RESIDENT_COLUMNS = "select r.id, r.household_id, r.org_path, r.name, r.gender, r.birth_date, "
			+ "r.id_number_enc, r.phone_enc, r.relation, r.status, r.version from resident r";

	private HouseholdView mapHousehold(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		long group = rs.getLong("group_id");
		Long groupId = rs.wasNull() ? null : group;
		long head = rs.getLong("head_resident_id");
		Long headId = rs.wasNull() ? null : head;
		return new HouseholdView(id, rs.getString("org_path"), rs.getString("village_code"), groupId,
				rs.getString("group_name"), rs.getString("grid_code"), rs.getString("micro_grid_code"),
				rs.getString("address"), headId, rs.getString("notes"), rs.getString("status"), rs.getInt("version"),
				tagsOf("household_tag", "household_id", id));
	}

	private ResidentView mapResident(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		return new ResidentView(id, rs.getLong("household_id"), rs.getString("org_path"), rs.getString("name"),
				Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
				maskedOrMarker(() -> Masking.idNumber(personalData.decrypt(rs.getString("id_number_enc")))),
				maskedOrMarker(() -> Masking.phone(personalData.decrypt(rs.getString("phone_enc")))),
				Relation.valueOf(rs.getString("relation")), ResidentStatus.valueOf(rs.getString("status")),
				rs.getInt("version"), tagsOf("resident_tag", "resident_id", id));
	}

	private interface Masked {

		String get() throws SQLException;

	}

	private static String maskedOrMarker(Masked masked) throws SQLException {
		try {
			return masked.get();
		}
		catch (PersonalData.PersonalDataException ex) {
			return Masking.UNREADABLE;
		}
	}

	// ---- batch inserts (demo data, generator): added by the registry-places work

	/** A household with its members, head first, for {@link #insertBatch}. */
	public record HouseholdWithMembers(NewHousehold household, List<NewResident> residents) {
	}

	/**
	 * Inserts many households with their residents in JDBC batches: identifiers encrypted
	 * and blind-indexed as by {@link #insertResident}, tags, the head of each household,
	 * and (when {@code withHistory}) one CREATED history row per household and resident.
	 * The caller owns the transaction and guarantees that no ID number is taken yet.
	 * @return the ids of the new households, in input order
	 */
	public List<Long> insertBatch(List<HouseholdWithMembers> batch, String actor, boolean withHistory) {
		if (batch.isEmpty()) {
			return List.of();
		}
		Timestamp now = Timestamp.from(clock.instant());
		Map<String, OrgPath> pathCache = new HashMap<>();
		List<OrgPath> paths = new ArrayList<>(batch.size());
		for (HouseholdWithMembers h : batch) {
			NewHousehold n = h.household();
			String key = n.villageCode() + "|" + n.gridCode() + "|" + n.microGridCode();
			paths.add(pathCache.computeIfAbsent(key,
					k -> householdPath(n.villageCode(), n.gridCode(), n.microGridCode())));
		}
		org.springframework.jdbc.support.KeyHolder keys = new GeneratedKeyHolder();
		batchJdbc.batchUpdate(con -> con.prepareStatement(
				"insert into household (org_path, village_code, group_id, grid_code, micro_grid_code, address, notes, "
						+ "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				new String[] { "id" }), new org.springframework.jdbc.core.BatchPreparedStatementSetter() {

					@Override
					public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
						NewHousehold n = batch.get(i).household();
						ps.setString(1, paths.get(i).value());
						ps.setString(2, n.villageCode());
						ps.setObject(3, n.groupId(), java.sql.Types.BIGINT);
						ps.setString(4, blankToNull(n.gridCode()));
						ps.setString(5, blankToNull(n.microGridCode()));
						ps.setString(6, n.address());
						ps.setString(7, n.notes());
						ps.setTimestamp(8, now);
						ps.setTimestamp(9, now);
					}

					@Override
					public int getBatchSize() {
						return batch.size();
					}

				}, keys);
		List<Long> ids = new ArrayList<>(batch.size());
		for (Map<String, Object> row : keys.getKeyList()) {
			ids.add(((Number) row.values().iterator().next()).longValue());
		}
		List<Object[]> residents = new ArrayList<>();
		List<Object[]> householdTags = new ArrayList<>();
		List<Object[]> residentTags = new ArrayList<>();
		List<Object[]> heads = new ArrayList<>();
		for (int i = 0; i < batch.size(); i++) {
			long householdId = ids.get(i);
			HouseholdWithMembers h = batch.get(i);
			if (h.household().tags() != null) {
				h.household().tags().forEach(tag -> householdTags.add(new Object[] { householdId, tag }));
			}
			for (NewResident r : h.residents()) {
				String idBidx = idIndex(r.idNumber());
				residents.add(new Object[] { householdId, paths.get(i).value(), r.name(), r.gender().name(),
						r.birthDate(), personalData.encrypt(r.idNumber().value()), idBidx,
						personalData.encrypt(blankToNull(r.phone())), phoneIndex(r.phone()), r.relation().name(),
						(r.status() == null ? ResidentStatus.ACTIVE : r.status()).name(), now, now });
				if (r.tags() != null) {
					r.tags().forEach(tag -> residentTags.add(new Object[] { tag, idBidx }));
				}
			}
			heads.add(new Object[] { householdId, householdId });
		}
		batchJdbc.batchUpdate("insert into resident (household_id, org_path, name, gender, birth_date, id_number_enc, "
				+ "id_number_bidx, phone_enc, phone_bidx, relation, status, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", residents);
		if (!householdTags.isEmpty()) {
			batchJdbc.batchUpdate("insert into household_tag (household_id, tag_code) values (?, ?)", householdTags);
		}
		if (!residentTags.isEmpty()) {
			batchJdbc.batchUpdate("insert into resident_tag (resident_id, tag_code) "
					+ "select id, ? from resident where id_number_bidx = ?", residentTags);
		}
		batchJdbc.batchUpdate("update household set head_resident_id = (select min(r.id) from resident r "
				+ "where r.household_id = ? and r.relation = 'HEAD') where id = ?", heads);
		if (withHistory) {
			List<Object[]> householdHistory = new ArrayList<>();
			List<Object[]> residentHistory = new ArrayList<>();
			for (int i = 0; i < batch.size(); i++) {
				householdHistory.add(new Object[] { ids.get(i), paths.get(i).value(), now, actor,
						batch.get(i).household().address() });
				residentHistory.add(new Object[] { now, actor, ids.get(i) });
			}
			batchJdbc.batchUpdate("insert into registry_history (object_type, object_id, org_path, occurred_at, actor, "
					+ "change, detail) values ('HOUSEHOLD', ?, ?, ?, ?, 'CREATED', ?)", householdHistory);
			batchJdbc.batchUpdate("insert into registry_history (object_type, object_id, org_path, occurred_at, actor, "
					+ "change, detail) select 'RESIDENT', id, org_path, ?, ?, 'CREATED', null from resident "
					+ "where household_id = ?", residentHistory);
		}
		tallies.touch(batch.stream().map(h -> h.household().villageCode()).distinct().toList());
		return ids;
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	// ---- added for the household services (edits, moves, splits, merges, statuses) ----

	/**
	 * Changes a household's placement, address and notes if {@code version} is still
	 * current; moves its residents' org_path along. False when someone else saved first.
	 * The village never changes here, so neither does any tallied count (grids and
	 * micro-grids are counted live).
	 */
	public boolean updateHousehold(long id, int version, Long groupId, String gridCode, String microGridCode,
			OrgPath path, String address, String notes) {
		int changed = jdbc.sql(
				"update household set group_id = :group, grid_code = :grid, micro_grid_code = :micro, org_path = :path, "
						+ "address = :address, notes = :notes, version = version + 1, updated_at = :now "
						+ "where id = :id and version = :version")
			.param("group", groupId)
			.param("grid", blankToNull(gridCode))
			.param("micro", blankToNull(microGridCode))
			.param("path", path.value())
			.param("address", address)
			.param("notes", notes)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", version)
			.update();
		if (changed == 1) {
			jdbc.sql("update resident set org_path = :path where household_id = :id")
				.param("path", path.value())
				.param("id", id)
				.update();
		}
		return changed == 1;
	}

	/** Sets a household's status (ACTIVE, MERGED) and bumps its version. */
	public void setHouseholdStatus(long id, String status) {
		jdbc.sql("update household set status = :status, version = version + 1, updated_at = :now where id = :id")
			.param("status", status)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		touchHousehold(id);
	}

	/** The household no longer has a head (the head left it). */
	public void clearHead(long householdId) {
		jdbc.sql("update household set head_resident_id = null where id = :h").param("h", householdId).update();
	}

	/**
	 * Changes a resident's personal fields if {@code version} is still current. A null ID
	 * number or phone keeps the stored one. False when someone else saved first.
	 */
	public boolean updateResident(long id, int version, String name, Gender gender, LocalDate birthDate,
			IdNumber idNumber, String phone, Relation relation) {
		StringBuilder sql = new StringBuilder(
				"update resident set name = :name, gender = :gender, birth_date = :birth, "
						+ "relation = :relation, version = version + 1, updated_at = :now");
		Map<String, Object> params = new HashMap<>();
		if (idNumber != null) {
			sql.append(", id_number_enc = :idEnc, id_number_bidx = :idBidx");
			params.put("idEnc", personalData.encrypt(idNumber.value()));
			params.put("idBidx", idIndex(idNumber));
		}
		if (phone != null) {
			sql.append(", phone_enc = :phoneEnc, phone_bidx = :phoneBidx");
			params.put("phoneEnc", personalData.encrypt(blankToNull(phone)));
			params.put("phoneBidx", phoneIndex(phone));
		}
		sql.append(" where id = :id and version = :version");
		return jdbc.sql(sql.toString())
			.params(params)
			.param("name", name)
			.param("gender", gender.name())
			.param("birth", birthDate)
			.param("relation", relation.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/** Puts a resident into another household (its org_path follows) with a relation. */
	public void moveResident(long residentId, long householdId, Relation relation) {
		// the village it leaves, then (below) the one it joins
		touchResident(residentId);
		touchHousehold(householdId);
		jdbc.sql("update resident set household_id = :h, org_path = (select org_path from household where id = :h), "
				+ "relation = :relation, version = version + 1, updated_at = :now where id = :id")
			.param("h", householdId)
			.param("relation", relation.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", residentId)
			.update();
	}

	public void setResidentRelation(long residentId, Relation relation) {
		jdbc.sql("update resident set relation = :relation, version = version + 1, updated_at = :now where id = :id")
			.param("relation", relation.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", residentId)
			.update();
	}

	public void setResidentStatus(long residentId, ResidentStatus status) {
		jdbc.sql("update resident set status = :status, version = version + 1, updated_at = :now where id = :id")
			.param("status", status.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", residentId)
			.update();
		touchResident(residentId);
	}

	/** Households of a subtree in the scope, by address; at most {@code limit}. */
	public List<HouseholdView> householdsUnder(DataScope scope, OrgPath path, int limit) {
		DataScope.SqlCondition condition = scope.condition("h.org_path");
		return jdbc
			.sql(HOUSEHOLD_COLUMNS + " where h.org_path like :p and " + condition.sql()
					+ " order by h.status, h.address, h.id limit :limit")
			.params(condition.params())
			.param("p", path.value() + "%")
			.param("limit", limit)
			.query(this::mapHousehold)
			.list();
	}

	/** Names of residents by id, for the head of household and history lines. */
	public Map<Long, String> residentNames(List<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, name from resident where id in (:ids)")
				.param("ids", ids)
				.query((rs, i) -> names.put(rs.getLong("id"), rs.getString("name")))
				.list();
		}
		return names;
	}

	// ---- batch operations for the Excel import (added by the import feature) ----

	/** A household to insert in a batch, with its org_path already resolved. */
	public record BatchHousehold(OrgPath path, NewHousehold household) {
	}

	/** A resident to insert in a batch into a household whose org_path is known. */
	public record BatchResident(long householdId, OrgPath path, NewResident resident) {
	}

	/**
	 * A resident already registered, found by the blind index of its ID number, with the
	 * org_path it shares with its household.
	 */
	public record RegisteredResident(long id, long householdId, String householdOrgPath) {
	}

	/** Clear identifiers of a resident, for an authorised and audited unmasked export. */
	public record ClearIdentifiers(String idNumber, String phone) {
	}

	/**
	 * Inserts households in JDBC batches, with their tags and a CREATED history row each.
	 * @return the new ids, in the order of {@code rows}
	 */
	public long[] insertHouseholds(List<BatchHousehold> rows, String actor) {
		Timestamp now = Timestamp.from(clock.instant());
		long[] ids = batchInsert(
				"insert into household (org_path, village_code, group_id, grid_code, micro_grid_code, "
						+ "address, notes, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows.size(), (ps, i) -> {
					BatchHousehold row = rows.get(i);
					NewHousehold h = row.household();
					ps.setString(1, row.path().value());
					ps.setString(2, h.villageCode());
					ps.setObject(3, h.groupId(), java.sql.Types.BIGINT);
					ps.setString(4, blankToNull(h.gridCode()));
					ps.setString(5, blankToNull(h.microGridCode()));
					ps.setString(6, h.address());
					ps.setString(7, h.notes());
					ps.setTimestamp(8, now);
					ps.setTimestamp(9, now);
				});
		List<Object[]> tags = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			BatchHousehold row = rows.get(i);
			if (row.household().tags() != null) {
				for (String tag : row.household().tags()) {
					tags.add(new Object[] { ids[i], tag });
				}
			}
			history.add(new Object[] { "HOUSEHOLD", ids[i], row.path().value(), now, actor, "IMPORTED",
					truncate(row.household().address()) });
		}
		batchJdbc.batchUpdate("insert into household_tag (household_id, tag_code) values (?, ?)", tags);
		batchJdbc.batchUpdate(HISTORY_INSERT, history);
		tallies.touch(rows.stream().map(row -> row.household().villageCode()).distinct().toList());
		return ids;
	}

	/**
	 * Inserts residents in JDBC batches: identifiers encrypted and blind-indexed in
	 * memory, tags, a CREATED history row each, and the household's head set for
	 * {@link Relation#HEAD}.
	 * @return the new ids, in the order of {@code rows}
	 */
	public long[] insertResidents(List<BatchResident> rows, String actor) {
		Timestamp now = Timestamp.from(clock.instant());
		long[] ids = batchInsert("insert into resident (household_id, org_path, name, gender, birth_date, "
				+ "id_number_enc, id_number_bidx, phone_enc, phone_bidx, relation, status, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows.size(), (ps, i) -> {
					BatchResident row = rows.get(i);
					NewResident r = row.resident();
					ps.setLong(1, row.householdId());
					ps.setString(2, row.path().value());
					ps.setString(3, r.name());
					ps.setString(4, r.gender().name());
					ps.setObject(5, r.birthDate());
					ps.setString(6, personalData.encrypt(r.idNumber().value()));
					ps.setString(7, idIndex(r.idNumber()));
					ps.setString(8, personalData.encrypt(blankToNull(r.phone())));
					ps.setString(9, phoneIndex(r.phone()));
					ps.setString(10, r.relation().name());
					ps.setString(11, (r.status() == null ? ResidentStatus.ACTIVE : r.status()).name());
					ps.setTimestamp(12, now);
					ps.setTimestamp(13, now);
				});
		List<Object[]> tags = new ArrayList<>();
		List<Object[]> heads = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			BatchResident row = rows.get(i);
			if (row.resident().tags() != null) {
				for (String tag : row.resident().tags()) {
					tags.add(new Object[] { ids[i], tag });
				}
			}
			if (row.resident().relation() == Relation.HEAD) {
				heads.add(new Object[] { ids[i], row.householdId() });
			}
			history.add(new Object[] { "RESIDENT", ids[i], row.path().value(), now, actor, "IMPORTED", null });
		}
		batchJdbc.batchUpdate("insert into resident_tag (resident_id, tag_code) values (?, ?)", tags);
		batchJdbc.batchUpdate("update household set head_resident_id = ? where id = ?", heads);
		batchJdbc.batchUpdate(HISTORY_INSERT, history);
		touchHouseholds(rows.stream().map(BatchResident::householdId).distinct().toList());
		return ids;
	}

	/** Marks the villages of many households for a tally refresh at commit. */
	private void touchHouseholds(List<Long> householdIds) {
		Set<String> villages = new java.util.TreeSet<>();
		for (int from = 0; from < householdIds.size(); from += 1000) {
			villages.addAll(jdbc.sql("select distinct village_code from household where id in (:ids)")
				.param("ids", householdIds.subList(from, Math.min(householdIds.size(), from + 1000)))
				.query(String.class)
				.list());
		}
		tallies.touch(villages);
	}

	/**
	 * Residents already registered anywhere, by the blind index of their ID number; one
	 * query per thousand indexes.
	 */
	public Map<String, RegisteredResident> residentsByIdIndex(java.util.Collection<String> indexes) {
		Map<String, RegisteredResident> found = new HashMap<>();
		List<String> all = new ArrayList<>(indexes);
		for (int from = 0; from < all.size(); from += 1000) {
			List<String> chunk = all.subList(from, Math.min(all.size(), from + 1000));
			// no join: a resident carries its household's org_path, and a plain index
			// lookup keeps the plan simple on tables whose statistics lag a bulk load
			jdbc.sql("select id, household_id, id_number_bidx, org_path from resident where id_number_bidx in (:b)")
				.param("b", chunk)
				.query((rs, n) -> found.put(rs.getString("id_number_bidx"),
						new RegisteredResident(rs.getLong("id"), rs.getLong("household_id"), rs.getString("org_path"))))
				.list();
		}
		return found;
	}

	/**
	 * Clear ID numbers and phones of residents already checked to be in the caller's
	 * reveal scope; the caller audits. Undecryptable values come back as
	 * {@link Masking#UNREADABLE}.
	 */
	public Map<Long, ClearIdentifiers> clearIdentifiers(java.util.Collection<Long> residentIds) {
		Map<Long, ClearIdentifiers> found = new HashMap<>();
		List<Long> all = new ArrayList<>(residentIds);
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
			jdbc.sql("select id, id_number_enc, phone_enc from resident where id in (:ids)")
				.param("ids", chunk)
				.query((rs, n) -> found.put(rs.getLong("id"),
						new ClearIdentifiers(clearOrMarker(rs.getString("id_number_enc")),
								clearOrMarker(rs.getString("phone_enc")))))
				.list();
		}
		return found;
	}

	private String clearOrMarker(String ciphertext) {
		try {
			String clear = personalData.decrypt(ciphertext);
			return clear == null ? "" : clear;
		}
		catch (PersonalData.PersonalDataException ex) {
			return Masking.UNREADABLE;
		}
	}

	private interface RowSetter {

		void set(java.sql.PreparedStatement ps, int i) throws SQLException;

	}

	/** One JDBC batch per thousand rows, reading back the generated ids in row order. */
	private long[] batchInsert(String sql, int size, RowSetter setter) {
		long[] ids = new long[size];
		for (int from = 0; from < size; from += 1000) {
			int start = from;
			int count = Math.min(1000, size - from);
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			batchJdbc.batchUpdate(con -> con.prepareStatement(sql, new String[] { "id" }),
					new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
						@Override
						public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
							setter.set(ps, start + i);
						}

						@Override
						public int getBatchSize() {
							return count;
						}
					}, keys);
			List<Map<String, Object>> generated = keys.getKeyList();
			if (generated.size() != count) {
				throw new IllegalStateException("Expected " + count + " generated keys, got " + generated.size());
			}
			for (int i = 0; i < count; i++) {
				ids[start + i] = ((Number) generated.get(i).values().iterator().next()).longValue();
			}
		}
		return ids;
	}

	private static final String HISTORY_INSERT = "insert into registry_history (object_type, object_id, org_path, "
			+ "occurred_at, actor, change, detail) values (?, ?, ?, ?, ?, ?, ?)";

	private static String truncate(String detail) {
		return detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
	}

}
