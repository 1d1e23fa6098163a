package org.xiangzhi.party.links;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.platform.OrgPath;

/**
 * The links section's SQL. It reads the registry's household, resident, villager group
 * and grid tables directly (read only): the suggestion needs every household of a village
 * with its group, grid and head at once, which {@code RegistryDirectory} answers one by
 * one.
 */
@Repository
class LinkStore {

	private final JdbcClient jdbc;

	LinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A household of a village, as the links screens show it (no identifiers). */
	record HouseholdRow(long id, OrgPath path, String villageCode, Long groupId, String gridCode, String address,
			String headName, int people) {
	}

	/** A member of a village's organisations. */
	record MemberRow(long id, long householdId, Long groupId, String gridCode, String partyGroupGrid, String name,
			String orgName, OrgPath path, boolean active, boolean mobile) {
	}

	/** A link, current or ended, with the names it concerns. */
	record LinkRow(long id, long householdId, long memberId, LinkSource source, Instant since, Instant until,
			String createdBy, String endedBy, String address, String headName, String memberName) {

		public boolean current() {
			return until == null;
		}

	}

	/** An open choice. */
	record ChoiceRow(long id, long householdId, long memberId, ChoiceSide side, String note, Instant createdAt,
			String createdBy) {
	}

	private static final String HOUSEHOLD_COLUMNS = "select h.id, h.org_path, h.village_code, h.group_id, h.grid_code, "
			+ "h.address, hr.name head_name, (select count(*) from resident x where x.household_id = h.id "
			+ "and x.status = 'ACTIVE') people from household h left join resident hr on hr.id = h.head_resident_id ";

	private static final String LINK_COLUMNS = "select l.id, l.household_id, l.member_id, l.source, l.since, l.until, "
			+ "l.created_by, l.ended_by, h.address, hr.name head_name, mr.name member_name "
			+ "from party_household_link l join household h on h.id = l.household_id "
			+ "left join resident hr on hr.id = h.head_resident_id "
			+ "join party_member m on m.id = l.member_id join resident mr on mr.id = m.resident_id ";

	List<HouseholdRow> households(String villageCode) {
		return jdbc.sql(HOUSEHOLD_COLUMNS + "where h.village_code = :v and h.status = 'ACTIVE' order by h.id")
			.param("v", villageCode)
			.query(LinkStore::household)
			.list();
	}

	Optional<HouseholdRow> household(long id) {
		return jdbc.sql(HOUSEHOLD_COLUMNS + "where h.id = :id").param("id", id).query(LinkStore::household).optional();
	}

	List<HouseholdRow> householdsByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(HOUSEHOLD_COLUMNS + "where h.id in (:ids) order by h.id")
			.param("ids", ids)
			.query(LinkStore::household)
			.list();
	}

	/**
	 * Every member (any status) of the organisations at the village or below it, by id.
	 */
	List<MemberRow> members(OrgPath village) {
		return jdbc.sql(MEMBER_COLUMNS + "where m.org_path like :prefix order by m.id")
			.param("prefix", village.value() + "%")
			.query(LinkStore::member)
			.list();
	}

	Optional<MemberRow> member(long id) {
		return jdbc.sql(MEMBER_COLUMNS + "where m.id = :id").param("id", id).query(LinkStore::member).optional();
	}

	private static final String MEMBER_COLUMNS = "select m.id, m.status, m.mobile, m.org_path, r.household_id, r.name, "
			+ "h.group_id, h.grid_code, o.name org_name, o.kind, p.level place_level, o.place_code "
			+ "from party_member m join resident r on r.id = m.resident_id "
			+ "join household h on h.id = r.household_id join party_org o on o.id = m.org_id "
			+ "join place p on p.code = o.place_code ";

	/** Current links of the village's households, by household. */
	List<LinkRow> currentLinks(String villageCode) {
		return jdbc.sql(LINK_COLUMNS + "where h.village_code = :v and l.until is null order by mr.name, m.id, h.id")
			.param("v", villageCode)
			.query(LinkStore::link)
			.list();
	}

	Optional<LinkRow> currentLink(long householdId) {
		return jdbc.sql(LINK_COLUMNS + "where l.household_id = :h and l.until is null")
			.param("h", householdId)
			.query(LinkStore::link)
			.optional();
	}

	List<LinkRow> currentLinksOfMember(long memberId) {
		return jdbc.sql(LINK_COLUMNS + "where l.member_id = :m and l.until is null order by h.id")
			.param("m", memberId)
			.query(LinkStore::link)
			.list();
	}

	List<LinkRow> historyOfHousehold(long householdId) {
		return jdbc.sql(LINK_COLUMNS + "where l.household_id = :h order by l.since desc, l.id desc")
			.param("h", householdId)
			.query(LinkStore::link)
			.list();
	}

	List<LinkRow> historyOfMember(long memberId) {
		return jdbc.sql(LINK_COLUMNS + "where l.member_id = :m order by l.since desc, l.id desc")
			.param("m", memberId)
			.query(LinkStore::link)
			.list();
	}

	/** Locks the households' rows: one writer at a time decides their current link. */
	void lockHouseholds(Collection<Long> ids) {
		if (!ids.isEmpty()) {
			jdbc.sql("select id from household where id in (:ids) order by id for update")
				.param("ids", ids)
				.query(Long.class)
				.list();
		}
	}

	void insertLink(long householdId, long memberId, OrgPath path, LinkSource source, Instant at, String by) {
		jdbc.sql("insert into party_household_link (household_id, member_id, org_path, source, since, created_by) "
				+ "values (:h, :m, :path, :source, :at, :by)")
			.param("h", householdId)
			.param("m", memberId)
			.param("path", path.value())
			.param("source", source.name())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	void endLink(long linkId, Instant at, String by) {
		jdbc.sql("update party_household_link set until = :at, ended_by = :by where id = :id and until is null")
			.param("id", linkId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/** Open choices concerning the village's households, oldest first. */
	List<ChoiceRow> openChoices(String villageCode) {
		return jdbc
			.sql("select c.id, c.household_id, c.member_id, c.side, c.note, c.created_at, c.created_by "
					+ "from party_link_choice c join household h on h.id = c.household_id "
					+ "where h.village_code = :v and c.withdrawn_at is null order by c.id")
			.param("v", villageCode)
			.query(LinkStore::choice)
			.list();
	}

	List<ChoiceRow> openChoicesOfHousehold(long householdId) {
		return jdbc
			.sql("select id, household_id, member_id, side, note, created_at, created_by from party_link_choice "
					+ "where household_id = :h and withdrawn_at is null order by id")
			.param("h", householdId)
			.query(LinkStore::choice)
			.list();
	}

	/**
	 * Withdraws the open choices that a new one replaces: the household's own earlier
	 * choice, or the same member's earlier choice of the same household.
	 */
	void withdrawChoices(long householdId, ChoiceSide side, Long memberId, Instant at, String by) {
		jdbc.sql("update party_link_choice set withdrawn_at = :at, withdrawn_by = :by where household_id = :h "
				+ "and side = :side and withdrawn_at is null" + (memberId == null ? "" : " and member_id = :m"))
			.param("h", householdId)
			.param("side", side.name())
			.param("m", memberId)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	void insertChoice(long householdId, long memberId, OrgPath path, ChoiceSide side, String note, Instant at,
			String by) {
		jdbc.sql("insert into party_link_choice (household_id, member_id, org_path, side, note, created_at, "
				+ "created_by) values (:h, :m, :path, :side, :note, :at, :by)")
			.param("h", householdId)
			.param("m", memberId)
			.param("path", path.value())
			.param("side", side.name())
			.param("note", note)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/** Centres of the grids at or below the village. */
	Map<String, SuggestionPolicy.Centre> centres(OrgPath village) {
		Map<String, SuggestionPolicy.Centre> centres = new HashMap<>();
		jdbc.sql("select place_code, centre_lat, centre_lng from grid_detail where org_path like :prefix "
				+ "and centre_lat is not null and centre_lng is not null")
			.param("prefix", village.value() + "%")
			.query((rs, i) -> centres.put(rs.getString(1),
					new SuggestionPolicy.Centre(rs.getDouble(2), rs.getDouble(3))))
			.list();
		return centres;
	}

	/** The limit set nearest above the village: its own, its town's, its county's. */
	Optional<Integer> maxLoad(OrgPath village) {
		List<String> codes = village.codes();
		List<String> candidates = codes.subList(Math.max(0, codes.size() - 3), codes.size());
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		return jdbc
			.sql("select max_households from party_link_setting where place_code in (:codes) "
					+ "order by length(org_path) desc")
			.param("codes", candidates)
			.query(Integer.class)
			.list()
			.stream()
			.findFirst();
	}

	void setMaxLoad(String placeCode, OrgPath path, int max, Instant at, String by) {
		int updated = jdbc
			.sql("update party_link_setting set max_households = :max, updated_at = :at, updated_by = :by "
					+ "where place_code = :code")
			.param("code", placeCode)
			.param("max", max)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into party_link_setting (place_code, org_path, max_households, updated_at, updated_by) "
					+ "values (:code, :path, :max, :at, :by)")
				.param("code", placeCode)
				.param("path", path.value())
				.param("max", max)
				.param("at", Timestamp.from(at))
				.param("by", by)
				.update();
		}
	}

	boolean memberExists(long id) {
		return jdbc.sql("select count(*) from party_member where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	private static HouseholdRow household(ResultSet rs, int row) throws SQLException {
		long group = rs.getLong("group_id");
		Long groupId = rs.wasNull() ? null : group;
		return new HouseholdRow(rs.getLong("id"), OrgPath.of(rs.getString("org_path")), rs.getString("village_code"),
				groupId, rs.getString("grid_code"), rs.getString("address"), rs.getString("head_name"),
				rs.getInt("people"));
	}

	private static MemberRow member(ResultSet rs, int row) throws SQLException {
		long group = rs.getLong("group_id");
		Long groupId = rs.wasNull() ? null : group;
		String partyGroupGrid = "GRID".equals(rs.getString("place_level")) ? rs.getString("place_code") : null;
		return new MemberRow(rs.getLong("id"), rs.getLong("household_id"), groupId, rs.getString("grid_code"),
				partyGroupGrid, rs.getString("name"), rs.getString("org_name"), OrgPath.of(rs.getString("org_path")),
				"ACTIVE".equals(rs.getString("status")), rs.getBoolean("mobile"));
	}

	private static LinkRow link(ResultSet rs, int row) throws SQLException {
		Timestamp until = rs.getTimestamp("until");
		return new LinkRow(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("member_id"),
				LinkSource.valueOf(rs.getString("source")), rs.getTimestamp("since").toInstant(),
				until == null ? null : until.toInstant(), rs.getString("created_by"), rs.getString("ended_by"),
				rs.getString("address"), rs.getString("head_name"), rs.getString("member_name"));
	}

	private static ChoiceRow choice(ResultSet rs, int row) throws SQLException {
		return new ChoiceRow(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("member_id"),
				ChoiceSide.valueOf(rs.getString("side")), rs.getString("note"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
	}

}
