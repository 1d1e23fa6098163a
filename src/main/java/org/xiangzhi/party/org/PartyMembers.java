package org.xiangzhi.party.org;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.RegistryDirectory;

/**
 * Party members (党员), each a registry resident of the organisation's place: adding one,
 * positions (书记 … 党小组长) with their history, 转正, status changes (转出, 去世) with their dates,
 * 流动党员 and the link to a party member's account. A member outside the scope is "not
 * found", exactly like a missing one, and the refusal is audited.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class PartyMembers {

	/** Record kind in "not found" answers and audit rows. */
	public static final String MEMBER = "party-member";

	static final String ADD_FORM = "party-member-add";

	static final String POSITION_FORM = "party-position";

	static final String POSITION_END_FORM = "party-position-end";

	static final String STATUS_FORM = "party-member-status";

	static final String FULL_FORM = "party-member-full";

	static final String MOBILE_FORM = "party-member-mobile";

	static final String ACCOUNT_FORM = "party-member-account";

	static final int MAX_NOTE = 200;

	static final int MAX_CANDIDATES = 20;

	private static final String SELECT = "select m.id, m.org_id, o.name org_name, o.kind org_kind, m.resident_id, "
			+ "r.household_id, r.name, r.gender, r.birth_date, h.address, m.org_path, m.account_id, a.username, "
			+ "m.category, m.joined_on, m.full_on, m.status, m.status_on, m.mobile, m.mobile_note, m.version "
			+ "from party_member m join party_org o on o.id = m.org_id join resident r on r.id = m.resident_id "
			+ "join household h on h.id = r.household_id left join account a on a.id = m.account_id ";

	private final JdbcClient jdbc;

	private final PartyOrgs orgs;

	private final PartyDirectory directory;

	private final RegistryDirectory registry;

	private final AuditLog audit;

	private final OneTimeForms forms;

	private final Clock clock;

	PartyMembers(JdbcClient jdbc, PartyOrgs orgs, PartyDirectory directory, RegistryDirectory registry, AuditLog audit,
			OneTimeForms forms, Clock clock) {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.directory = directory;
		this.registry = registry;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	/** A member as the screens show it. */
	public record MemberView(long id, long orgId, String orgName, OrgKind orgKind, long residentId, long householdId,
			String name, Gender gender, LocalDate birthDate, String address, OrgPath path, Long accountId,
			String accountUsername, MemberCategory category, LocalDate joinedOn, LocalDate fullOn, MemberStatus status,
			LocalDate statusOn, boolean mobile, String mobileNote, int version) {

		public boolean active() {
			return status == MemberStatus.ACTIVE;
		}

	}

	/** A position held, with its organisation. */
	public record PositionView(long id, long memberId, long orgId, String orgName, Position position, LocalDate since,
			LocalDate until) {

		public boolean current() {
			return until == null;
		}

	}

	/** One line of a member's history. */
	public record EventView(String kind, LocalDate on, String note, String actor) {
	}

	/** A member with the positions they hold now. */
	public record MemberLine(MemberView member, List<PositionView> positions) {
	}

	/** Everything the member page shows. */
	public record Detail(MemberView member, List<PositionView> positions, List<EventView> events) {

		public List<PositionView> currentPositions() {
			return positions.stream().filter(PositionView::current).toList();
		}

	}

	/** Kinds of history lines. */
	enum EventKind {

		JOINED, CONFIRMED_FULL, STATUS, MOBILE, ACCOUNT, POSITION_STARTED, POSITION_ENDED

	}

	LocalDate today() {
		return orgs.today();
	}

	// ---------------------------------------------------------------- reads

	/** The member, if they lie in the actor's read scope; else "not found". */
	public MemberView require(Actor actor, long id) {
		return require(PartyAccess.readScope(actor), id);
	}

	MemberView require(DataScope scope, long id) {
		MemberView member = find(id).orElseThrow(() -> new RecordNotFoundException(MEMBER, id));
		if (!scope.contains(member.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, MEMBER, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(MEMBER, id);
		}
		return member;
	}

	Optional<MemberView> find(long id) {
		return jdbc.sql(SELECT + "where m.id = :id").param("id", id).query(PartyMembers::map).optional();
	}

	public Detail detail(Actor actor, long id) {
		MemberView member = require(actor, id);
		return new Detail(member, positionsOf(List.of(member.id()), false), events(member.id()));
	}

	/**
	 * The members of the organisation and of those below it (a branch lists its grid
	 * groups' members), active first, by name, with their current positions.
	 */
	@Transactional(readOnly = true)
	public List<MemberLine> membersUnder(long orgId) {
		List<Long> ids = new ArrayList<>(List.of(orgId));
		List<Long> level = List.of(orgId);
		for (int depth = 0; depth < 5 && !level.isEmpty(); depth++) {
			level = jdbc.sql("select id from party_org where parent_id in (:ids)")
				.param("ids", level)
				.query(Long.class)
				.list();
			ids.addAll(level);
		}
		List<MemberView> members = jdbc
			.sql(SELECT + "where m.org_id in (:ids) order by case when m.status = 'ACTIVE' then 0 else 1 end, "
					+ "r.name, m.id")
			.param("ids", ids)
			.query(PartyMembers::map)
			.list();
		return withPositions(members);
	}

	/** Members of the actor's read scope, optionally of one organisation or by name. */
	@Transactional(readOnly = true)
	public List<MemberLine> search(Actor actor, Long orgId, String namePrefix, int limit) {
		DataScope.SqlCondition inScope = PartyAccess.readScope(actor).condition("m.org_path");
		StringBuilder sql = new StringBuilder(SELECT).append("where ").append(inScope.sql());
		if (orgId != null) {
			sql.append(" and m.org_id = :org");
		}
		if (namePrefix != null && !namePrefix.isBlank()) {
			sql.append(" and r.name like :name");
		}
		sql.append(" order by m.org_path, r.name, m.id limit :limit");
		var query = jdbc.sql(sql.toString()).params(inScope.params()).param("limit", limit);
		if (orgId != null) {
			query = query.param("org", orgId);
		}
		if (namePrefix != null && !namePrefix.isBlank()) {
			query = query.param("name", namePrefix.strip().replace("%", "").replace("_", "") + "%");
		}
		return withPositions(query.query(PartyMembers::map).list());
	}

	private List<MemberLine> withPositions(List<MemberView> members) {
		List<PositionView> positions = positionsOf(members.stream().map(MemberView::id).toList(), true);
		return members.stream()
			.map(m -> new MemberLine(m, positions.stream().filter(p -> p.memberId() == m.id()).toList()))
			.toList();
	}

	List<PositionView> positionsOf(Collection<Long> memberIds, boolean currentOnly) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(
				"select pp.id, pp.member_id, pp.org_id, o.name, pp.position, pp.since, pp.until from party_position pp "
						+ "join party_org o on o.id = pp.org_id where pp.member_id in (:ids)"
						+ (currentOnly ? " and pp.until is null" : "") + " order by pp.since, pp.id")
			.param("ids", memberIds)
			.query((rs, i) -> new PositionView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					Position.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(),
					rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate()))
			.list();
	}

	List<EventView> events(long memberId) {
		return jdbc
			.sql("select kind, happened_on, note, actor from party_member_event where member_id = :m "
					+ "order by happened_on, id")
			.param("m", memberId)
			.query((rs, i) -> new EventView(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/**
	 * Residents of the actor's area and under the organisation's place, by name, who are
	 * not members yet: the candidates of the add-member form.
	 */
	@Transactional(readOnly = true)
	public List<RegistryDirectory.ResidentRef> candidates(Actor actor, PartyOrgs.OrgView org, String name) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		DataScope scope = DataScope.of(org.path());
		if (!PartyAccess.manageScope(actor).covers(scope)) {
			return List.of();
		}
		List<RegistryDirectory.ResidentRef> found = registry.residentsNamed(name.strip(), scope, MAX_CANDIDATES);
		if (found.isEmpty()) {
			return found;
		}
		Set<Long> members = Set.copyOf(jdbc.sql("select resident_id from party_member where resident_id in (:ids)")
			.param("ids", found.stream().map(r -> r.id().value()).toList())
			.query(Long.class)
			.list());
		return found.stream().filter(r -> !members.contains(r.id().value())).toList();
	}

	/** The signed-in party member's own record, if their account is linked to one. */
	@Transactional(readOnly = true)
	public Optional<Detail> mine(Actor actor) {
		return directory.memberOfAccount(actor.accountId())
			.flatMap(ref -> find(ref.id().value()))
			.map(m -> new Detail(m, positionsOf(List.of(m.id()), false), events(m.id())));
	}

	// ---------------------------------------------------------------- writes

	/** Adds a resident as a member of the organisation, once per form token. */
	public long add(Actor actor, long orgId, Long residentId, LocalDate joinedOn, MemberCategory category,
			String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		PartyOrgs.OrgView org = orgs.require(scope, orgId);
		if (!org.kind().holdsMembers() || !org.open()) {
			throw new InvalidInputException("orgId", "party.member.org.closed");
		}
		if (residentId == null) {
			throw new InvalidInputException("residentId", "party.member.resident.required");
		}
		Resident resident = jdbc.sql("select id, org_path, birth_date, status from resident where id = :id")
			.param("id", residentId)
			.query((rs, i) -> new Resident(rs.getLong(1), OrgPath.of(rs.getString(2)), rs.getDate(3).toLocalDate(),
					rs.getString(4)))
			.optional()
			.filter(r -> scope.contains(r.path()))
			.orElseThrow(() -> new InvalidInputException("residentId", "party.member.resident.unknown"));
		if (!org.path().contains(resident.path())) {
			throw new InvalidInputException("residentId", "party.member.resident.outside");
		}
		if (!"ACTIVE".equals(resident.status())) {
			throw new InvalidInputException("residentId", "party.member.resident.inactive");
		}
		if (category == null) {
			throw new InvalidInputException("category", "party.member.category.required");
		}
		MemberLifecycle.checkJoin(joinedOn, resident.birthDate(), today());
		Optional<String> replay = forms.claim(token, ADD_FORM, orgId, residentId, joinedOn, category);
		if (replay.isPresent()) {
			return Long.parseLong(replay.get());
		}
		boolean taken = jdbc.sql("select count(*) from party_member where resident_id = :r")
			.param("r", residentId)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw new InvalidInputException("residentId", "party.member.resident.already");
		}
		long id = insert(org, residentId, joinedOn, category);
		event(id, EventKind.JOINED, joinedOn, null, actor.username());
		forms.complete(token, id);
		return id;
	}

	record Resident(long id, OrgPath path, LocalDate birthDate, String status) {
	}

	/** Writes the row without checks: for {@link #add} and the demo data. */
	long insert(PartyOrgs.OrgView org, long residentId, LocalDate joinedOn, MemberCategory category) {
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into party_member (org_id, resident_id, org_path, category, joined_on, status, status_on, "
				+ "mobile, created_at, updated_at) values (:org, :resident, :path, :category, :joined, 'ACTIVE', "
				+ ":joined, false, :now, :now)")
			.param("org", org.id())
			.param("resident", residentId)
			.param("path", org.path().value())
			.param("category", category.name())
			.param("joined", Date.valueOf(joinedOn))
			.param("now", now)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Gives the member a position in their organisation or one above it. */
	public long addPosition(Actor actor, long memberId, Long orgId, Position position, LocalDate since, String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		MemberView member = require(scope, memberId);
		if (!member.active()) {
			throw new InvalidInputException("position", "party.member.inactive");
		}
		long at = orgId == null ? member.orgId() : orgId;
		PartyOrgs.OrgView org = orgs.find(at)
			.filter(o -> scope.contains(o.path()))
			.orElseThrow(() -> new InvalidInputException("orgId", "party.position.org.line"));
		// one current secretary per organisation: lock the organisation's row while
		// checking
		jdbc.sql("update party_org set version = version where id = :id").param("id", at).update();
		List<PositionRules.Held> current = held(at);
		PositionRules.checkNew(memberId, position, org.kind(), orgs.lineOf(member.orgId()).contains(at), since, today(),
				current);
		Optional<String> replay = forms.claim(token, POSITION_FORM, memberId, at, position, since);
		if (replay.isPresent()) {
			return Long.parseLong(replay.get());
		}
		long id = insertPosition(memberId, at, position, since);
		event(memberId, EventKind.POSITION_STARTED, since, position.name() + " @ " + org.name(), actor.username());
		forms.complete(token, id);
		return id;
	}

	long insertPosition(long memberId, long orgId, Position position, LocalDate since) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into party_position (member_id, org_id, position, since) values (:m, :o, :p, :s)")
			.param("m", memberId)
			.param("o", orgId)
			.param("p", position.name())
			.param("s", Date.valueOf(since))
			.update(key, "id");
		return key.getKey().longValue();
	}

	private List<PositionRules.Held> held(long orgId) {
		return jdbc
			.sql("select id, member_id, org_id, position, since, until from party_position where org_id = :o "
					+ "and until is null")
			.param("o", orgId)
			.query((rs, i) -> new PositionRules.Held(rs.getLong(1), rs.getLong(2), rs.getLong(3),
					Position.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(), null))
			.list();
	}

	/** Ends a position the member holds (换届, 免职), keeping it in the history. */
	public void endPosition(Actor actor, long memberId, Long positionId, LocalDate until, String token) {
		MemberView member = require(PartyAccess.manageScope(actor), memberId);
		PositionRules.Held held = positionId == null ? null
				: jdbc
					.sql("select id, member_id, org_id, position, since, until from party_position where id = :id "
							+ "and member_id = :m")
					.param("id", positionId)
					.param("m", member.id())
					.query((rs, i) -> new PositionRules.Held(rs.getLong(1), rs.getLong(2), rs.getLong(3),
							Position.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(),
							rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate()))
					.optional()
					.orElseThrow(() -> new InvalidInputException("positionId", "party.position.unknown"));
		if (forms.claim(token, POSITION_END_FORM, memberId, positionId, until).isPresent()) {
			return;
		}
		PositionRules.checkEnd(held, until);
		if (until.isAfter(today())) {
			throw new InvalidInputException("until", "party.position.until.invalid");
		}
		endPositionRow(held.id(), until);
		event(memberId, EventKind.POSITION_ENDED, until, held.position().name(), actor.username());
		forms.complete(token, positionId);
	}

	private void endPositionRow(long positionId, LocalDate until) {
		jdbc.sql("update party_position set until = :u where id = :id and until is null")
			.param("u", Date.valueOf(until))
			.param("id", positionId)
			.update();
	}

	/**
	 * 转出 or 去世, recorded with its date; the member's current positions end that day and
	 * the account link is released.
	 */
	public void changeStatus(Actor actor, long memberId, MemberStatus to, LocalDate on, String note, String token) {
		MemberView member = require(PartyAccess.manageScope(actor), memberId);
		String cleanNote = checkNote(note, "note");
		if (forms.claim(token, STATUS_FORM, memberId, to, on, cleanNote).isPresent()) {
			return;
		}
		MemberLifecycle.checkStatusChange(member.status(), to, on, member.joinedOn(), today());
		int updated = jdbc
			.sql("update party_member set status = :s, status_on = :on, account_id = null, version = version + 1, "
					+ "updated_at = :now where id = :id and status = 'ACTIVE'")
			.param("s", to.name())
			.param("on", Date.valueOf(on))
			.param("now", Timestamp.from(clock.instant()))
			.param("id", memberId)
			.update();
		if (updated != 1) {
			throw new InvalidInputException("status", "party.member.status.transition");
		}
		for (PositionView p : positionsOf(List.of(memberId), true)) {
			endPositionRow(p.id(), on.isBefore(p.since()) ? p.since() : on);
		}
		jdbc.sql("delete from party_pioneer_duty where member_id = :m").param("m", memberId).update();
		event(memberId, EventKind.STATUS, on, to.name() + (cleanNote == null ? "" : ": " + cleanNote),
				actor.username());
		forms.complete(token, memberId);
	}

	/** 转正: a probationary member becomes a full member on the day. */
	public void confirmFull(Actor actor, long memberId, LocalDate on, String token) {
		MemberView member = require(PartyAccess.manageScope(actor), memberId);
		if (forms.claim(token, FULL_FORM, memberId, on).isPresent()) {
			return;
		}
		MemberLifecycle.checkConfirmFull(member.status(), member.category(), on, member.joinedOn(), today());
		jdbc.sql("update party_member set category = 'FULL', full_on = :on, version = version + 1, updated_at = :now "
				+ "where id = :id and category = 'PROBATIONARY'")
			.param("on", Date.valueOf(on))
			.param("now", Timestamp.from(clock.instant()))
			.param("id", memberId)
			.update();
		event(memberId, EventKind.CONFIRMED_FULL, on, null, actor.username());
		forms.complete(token, memberId);
	}

	/** 流动党员: the member lives elsewhere for now; {@code where} tells the branch where. */
	public void setMobile(Actor actor, long memberId, boolean mobile, String where, String token) {
		MemberView member = require(PartyAccess.manageScope(actor), memberId);
		String note = mobile ? checkNote(where, "mobileNote") : null;
		if (mobile && note == null) {
			throw new InvalidInputException("mobileNote", "party.member.mobile.where");
		}
		if (!member.active()) {
			throw new InvalidInputException("mobile", "party.member.inactive");
		}
		if (forms.claim(token, MOBILE_FORM, memberId, mobile, note).isPresent()) {
			return;
		}
		jdbc.sql("update party_member set mobile = :mobile, mobile_note = :note, version = version + 1, "
				+ "updated_at = :now where id = :id")
			.param("mobile", mobile)
			.param("note", note)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", memberId)
			.update();
		event(memberId, EventKind.MOBILE, today(), mobile ? note : null, actor.username());
		forms.complete(token, memberId);
	}

	/**
	 * Links the member to a party member's account of the actor's area (blank: unlinks),
	 * so that {@link PartyDirectory#memberOfAccount} finds them.
	 */
	public void linkAccount(Actor actor, long memberId, String username, String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		MemberView member = require(scope, memberId);
		if (!member.active()) {
			throw new InvalidInputException("username", "party.member.inactive");
		}
		Long accountId = null;
		if (username != null && !username.isBlank()) {
			DataScope.SqlCondition inScope = scope.condition("ra.org_path");
			accountId = jdbc
				.sql("select distinct a.id from account a join role_assignment ra on ra.account_id = a.id "
						+ "where a.username = :u and ra.role = 'PARTY_MEMBER' and " + inScope.sql())
				.params(inScope.params())
				.param("u", username.strip())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new InvalidInputException("username", "party.member.account.unknown"));
			boolean taken = jdbc.sql("select count(*) from party_member where account_id = :a and id <> :id")
				.param("a", accountId)
				.param("id", memberId)
				.query(Long.class)
				.single() > 0;
			if (taken) {
				throw new InvalidInputException("username", "party.member.account.taken");
			}
		}
		if (forms.claim(token, ACCOUNT_FORM, memberId, accountId).isPresent()) {
			return;
		}
		jdbc.sql("update party_member set account_id = :a, version = version + 1, updated_at = :now where id = :id")
			.param("a", accountId)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", memberId)
			.update();
		event(memberId, EventKind.ACCOUNT, today(), accountId == null ? null : username.strip(), actor.username());
		forms.complete(token, memberId);
	}

	void event(long memberId, EventKind kind, LocalDate on, String note, String actor) {
		jdbc.sql("insert into party_member_event (member_id, kind, happened_on, note, actor, created_at) "
				+ "values (:m, :k, :on, :note, :actor, :now)")
			.param("m", memberId)
			.param("k", kind.name())
			.param("on", Date.valueOf(on))
			.param("note", note == null ? null : note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note)
			.param("actor", actor)
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	private static String checkNote(String note, String field) {
		String clean = note == null || note.isBlank() ? null : note.strip();
		if (clean != null && clean.length() > MAX_NOTE) {
			throw new InvalidInputException(field, "party.member.note.size");
		}
		return clean;
	}

	static MemberView map(ResultSet rs, int row) throws SQLException {
		Date fullOn = rs.getDate("full_on");
		Date statusOn = rs.getDate("status_on");
		return new MemberView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
				OrgKind.valueOf(rs.getString("org_kind")), rs.getLong("resident_id"), rs.getLong("household_id"),
				rs.getString("name"), Gender.valueOf(rs.getString("gender")), rs.getDate("birth_date").toLocalDate(),
				rs.getString("address"), OrgPath.of(rs.getString("org_path")),
				(Long) rs.getObject("account_id", Long.class), rs.getString("username"),
				MemberCategory.valueOf(rs.getString("category")), rs.getDate("joined_on").toLocalDate(),
				fullOn == null ? null : fullOn.toLocalDate(), MemberStatus.valueOf(rs.getString("status")),
				statusOn == null ? null : statusOn.toLocalDate(), rs.getBoolean("mobile"), rs.getString("mobile_note"),
				rs.getInt("version"));
	}

}
