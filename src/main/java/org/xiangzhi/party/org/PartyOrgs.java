package org.xiangzhi.party.org;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The party organisation tree of an actor's scope (镇党委 → 党总支/党支部 → 网格党小组, 临时党支部): reads
 * with member counts, creation under the placement rules of {@link OrgRules}, edits and
 * deactivation. An organisation outside the scope is "not found", exactly like a missing
 * one, and the refusal is audited.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class PartyOrgs {

	/** Record kind in "not found" answers and audit rows. */
	public static final String ORG = "party-org";

	/** The day of the party's calendar: China time. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final String CREATE_FORM = "party-org-create";

	static final String EDIT_FORM = "party-org-edit";

	static final String DEACTIVATE_FORM = "party-org-deactivate";

	private static final String SELECT = "select o.id, o.parent_id, o.kind, o.name, o.place_code, p.name place_name, "
			+ "o.org_path, o.purpose, o.starts_on, o.ends_on, o.active, o.version from party_org o "
			+ "join place p on p.code = o.place_code ";

	private final JdbcClient jdbc;

	private final Places places;

	private final AuditLog audit;

	private final OneTimeForms forms;

	private final Clock clock;

	PartyOrgs(JdbcClient jdbc, Places places, AuditLog audit, OneTimeForms forms, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	/** An organisation as the screens show it. */
	public record OrgView(long id, Long parentId, OrgKind kind, String name, String placeCode, String placeName,
			OrgPath path, String purpose, LocalDate startsOn, LocalDate endsOn, boolean active, boolean ended,
			int version) {

		/** Active and, for a temporary branch, not past its end date. */
		public boolean open() {
			return active && !ended;
		}

	}

	/**
	 * One line of the tree: the organisation, its depth, and its active members with
	 * those of the organisations below it.
	 */
	public record OrgNode(OrgView org, int depth, long members, long women, long directMembers) {
	}

	/** What a new organisation is. */
	public record NewOrg(OrgKind kind, Long parentId, String placeCode, String name, String purpose, LocalDate startsOn,
			LocalDate endsOn) {
	}

	/** What an edit may change: the name, and a temporary branch's purpose and dates. */
	public record OrgEdit(String name, String purpose, LocalDate startsOn, LocalDate endsOn, int version) {
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	// ---------------------------------------------------------------- reads

	/** The tree of the actor's scope, depth first, with member counts. */
	@Transactional(readOnly = true)
	public List<OrgNode> tree(Actor actor) {
		DataScope scope = PartyAccess.readScope(actor);
		DataScope.SqlCondition inScope = scope.condition("o.org_path");
		List<OrgView> orgs = jdbc.sql(SELECT + "where " + inScope.sql() + " order by o.name, o.id")
			.params(inScope.params())
			.query(this::map)
			.list();
		DataScope.SqlCondition members = scope.condition("m.org_path");
		Map<Long, long[]> direct = new HashMap<>();
		jdbc.sql("select m.org_id, count(*) n, sum(case when r.gender = 'FEMALE' then 1 else 0 end) women "
				+ "from party_member m join resident r on r.id = m.resident_id where m.status = 'ACTIVE' and "
				+ members.sql() + " group by m.org_id")
			.params(members.params())
			.query((rs, i) -> direct.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return arrange(orgs, direct);
	}

	/**
	 * Orders the organisations depth first (roots: those whose parent is not among them)
	 * and rolls member counts up to the parents.
	 */
	static List<OrgNode> arrange(List<OrgView> orgs, Map<Long, long[]> direct) {
		Map<Long, OrgView> byId = new LinkedHashMap<>();
		orgs.forEach(o -> byId.put(o.id(), o));
		Map<Long, List<OrgView>> children = new HashMap<>();
		List<OrgView> roots = new ArrayList<>();
		for (OrgView o : orgs) {
			if (o.parentId() != null && byId.containsKey(o.parentId())) {
				children.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
			}
			else {
				roots.add(o);
			}
		}
		Comparator<OrgView> order = Comparator.comparing(OrgView::kind)
			.thenComparing(OrgView::name)
			.thenComparingLong(OrgView::id);
		List<OrgNode> out = new ArrayList<>();
		roots.sort(order);
		for (OrgView root : roots) {
			walk(root, 0, children, direct, order, out);
		}
		return out;
	}

	private static long[] walk(OrgView org, int depth, Map<Long, List<OrgView>> children, Map<Long, long[]> direct,
			Comparator<OrgView> order, List<OrgNode> out) {
		int at = out.size();
		out.add(null);
		long[] own = direct.getOrDefault(org.id(), new long[2]);
		long[] total = { own[0], own[1] };
		List<OrgView> kids = new ArrayList<>(children.getOrDefault(org.id(), List.of()));
		kids.sort(order);
		for (OrgView kid : kids) {
			long[] sub = walk(kid, depth + 1, children, direct, order, out);
			total[0] += sub[0];
			total[1] += sub[1];
		}
		out.set(at, new OrgNode(org, depth, total[0], total[1], own[0]));
		return total;
	}

	/** The organisation, if it lies in the actor's read scope; else "not found". */
	public OrgView require(Actor actor, long id) {
		return require(PartyAccess.readScope(actor), id);
	}

	OrgView require(DataScope scope, long id) {
		OrgView org = find(id).orElseThrow(() -> new RecordNotFoundException(ORG, id));
		if (!scope.contains(org.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, ORG, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(ORG, id);
		}
		return org;
	}

	Optional<OrgView> find(long id) {
		return jdbc.sql(SELECT + "where o.id = :id").param("id", id).query(this::map).optional();
	}

	/** The organisations directly below, in tree order. */
	@Transactional(readOnly = true)
	public List<OrgView> children(long id) {
		return jdbc.sql(SELECT + "where o.parent_id = :id order by o.kind, o.name, o.id")
			.param("id", id)
			.query(this::map)
			.list();
	}

	/** The organisation and those above it, nearest first (for the member's own line). */
	List<Long> lineOf(long orgId) {
		List<Long> line = new ArrayList<>();
		Long at = orgId;
		while (at != null && line.size() < 10) {
			line.add(at);
			at = jdbc.sql("select parent_id from party_org where id = :id")
				.param("id", at)
				.query((rs, i) -> (Long) rs.getObject(1, Long.class))
				.optional()
				.orElse(null);
		}
		return line;
	}

	/**
	 * Open organisations of the scope that may be a parent or hold members, for forms.
	 */
	@Transactional(readOnly = true)
	public List<OrgView> openOrgs(Actor actor) {
		DataScope.SqlCondition inScope = PartyAccess.manageScope(actor).condition("o.org_path");
		return jdbc.sql(SELECT + "where o.active = true and " + inScope.sql() + " order by o.org_path, o.kind, o.name")
			.params(inScope.params())
			.query(this::map)
			.list()
			.stream()
			.filter(OrgView::open)
			.toList();
	}

	// ---------------------------------------------------------------- writes

	/** Creates the organisation once per form token; returns its id. */
	public long create(Actor actor, NewOrg org, String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		String name = OrgRules.checkName(org.name());
		Place place = org.placeCode() == null ? null
				: places.find(org.placeCode().strip()).filter(p -> scope.contains(p.path())).orElse(null);
		OrgRules.Parent parent = null;
		if (org.parentId() != null) {
			OrgView p = find(org.parentId()).filter(o -> scope.contains(o.path()))
				.orElseThrow(() -> new InvalidInputException("parentId", "party.org.parent.unknown"));
			Place parentPlace = places.find(p.placeCode()).orElseThrow();
			parent = new OrgRules.Parent(p.kind(), parentPlace, p.open());
		}
		if (org.placeCode() != null && !org.placeCode().isBlank() && place == null) {
			throw new InvalidInputException("placeCode", "party.org.place.unknown");
		}
		OrgRules.checkPlacement(org.kind(), place, parent);
		OrgRules.checkTerm(org.kind(), org.purpose(), org.startsOn(), org.endsOn());
		Optional<String> replay = forms.claim(token, CREATE_FORM, org.kind(), org.parentId(), place.code(), name,
				org.purpose(), org.startsOn(), org.endsOn());
		if (replay.isPresent()) {
			return Long.parseLong(replay.get());
		}
		long id = insert(org.kind(), org.parentId(), place, name, blankToNull(org.purpose()), org.startsOn(),
				org.endsOn(), !OrgRules.ended(org.kind(), org.endsOn(), today()));
		forms.complete(token, id);
		return id;
	}

	/** Writes the row without checks: for {@link #create} and the demo data. */
	long insert(OrgKind kind, Long parentId, Place place, String name, String purpose, LocalDate startsOn,
			LocalDate endsOn, boolean active) {
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into party_org (parent_id, kind, name, place_code, org_path, purpose, starts_on, ends_on, "
				+ "active, created_at, updated_at) values (:parent, :kind, :name, :place, :path, :purpose, "
				+ ":starts, :ends, :active, :now, :now)")
			.param("parent", parentId)
			.param("kind", kind.name())
			.param("name", name)
			.param("place", place.code())
			.param("path", place.path().value())
			.param("purpose", purpose)
			.param("starts", startsOn == null ? null : Date.valueOf(startsOn))
			.param("ends", endsOn == null ? null : Date.valueOf(endsOn))
			.param("active", active)
			.param("now", now)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Saves the name, and a temporary branch's purpose and dates, at the version shown.
	 */
	public void edit(Actor actor, long id, OrgEdit edit, String token) {
		OrgView org = require(PartyAccess.manageScope(actor), id);
		String name = OrgRules.checkName(edit.name());
		OrgRules.checkTerm(org.kind(), org.kind() == OrgKind.TEMPORARY_BRANCH ? edit.purpose() : null, edit.startsOn(),
				edit.endsOn());
		if (forms.claim(token, EDIT_FORM, id, name, edit.purpose(), edit.startsOn(), edit.endsOn(), edit.version())
			.isPresent()) {
			return;
		}
		boolean active = org.active() && !OrgRules.ended(org.kind(), edit.endsOn(), today());
		if (org.kind() == OrgKind.TEMPORARY_BRANCH && !org.active() && org.ended()
				&& !OrgRules.ended(org.kind(), edit.endsOn(), today())) {
			// extending an ended temporary branch opens it again
			active = true;
		}
		int updated = jdbc
			.sql("update party_org set name = :name, purpose = :purpose, starts_on = :starts, ends_on = :ends, "
					+ "active = :active, version = version + 1, updated_at = :now where id = :id and version = :v")
			.param("name", name)
			.param("purpose", org.kind() == OrgKind.TEMPORARY_BRANCH ? edit.purpose().strip() : null)
			.param("starts", edit.startsOn() == null ? null : Date.valueOf(edit.startsOn()))
			.param("ends", edit.endsOn() == null ? null : Date.valueOf(edit.endsOn()))
			.param("active", active)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.param("v", edit.version())
			.update();
		if (updated != 1) {
			throw new InvalidInputException("version", "party.concurrent");
		}
		forms.complete(token, id);
	}

	/**
	 * Deactivates the organisation; refused while it has active members or open
	 * organisations below it.
	 */
	public void deactivate(Actor actor, long id, String token) {
		OrgView org = require(PartyAccess.manageScope(actor), id);
		if (forms.claim(token, DEACTIVATE_FORM, id).isPresent() || !org.active()) {
			return;
		}
		long members = jdbc.sql("select count(*) from party_member where org_id = :id and status = 'ACTIVE'")
			.param("id", id)
			.query(Long.class)
			.single();
		long open = jdbc.sql("select count(*) from party_org where parent_id = :id and active = true")
			.param("id", id)
			.query(Long.class)
			.single();
		if (members > 0 || open > 0) {
			throw new InvalidInputException("id", "party.org.deactivate.notEmpty");
		}
		jdbc.sql("update party_org set active = false, version = version + 1, updated_at = :now where id = :id")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		forms.complete(token, id);
	}

	/**
	 * Closes the temporary branches whose end date has passed (the daily job); returns
	 * how many.
	 */
	public int closeEndedTemporaryBranches() {
		return jdbc
			.sql("update party_org set active = false, version = version + 1, updated_at = :now "
					+ "where kind = 'TEMPORARY_BRANCH' and active = true and ends_on < :today")
			.param("now", Timestamp.from(clock.instant()))
			.param("today", Date.valueOf(today()))
			.update();
	}

	private OrgView map(ResultSet rs, int row) throws SQLException {
		OrgKind kind = OrgKind.valueOf(rs.getString("kind"));
		Date starts = rs.getDate("starts_on");
		Date ends = rs.getDate("ends_on");
		LocalDate endsOn = ends == null ? null : ends.toLocalDate();
		return new OrgView(rs.getLong("id"), (Long) rs.getObject("parent_id", Long.class), kind, rs.getString("name"),
				rs.getString("place_code"), rs.getString("place_name"), OrgPath.of(rs.getString("org_path")),
				rs.getString("purpose"), starts == null ? null : starts.toLocalDate(), endsOn, rs.getBoolean("active"),
				OrgRules.ended(kind, endsOn, today()), rs.getInt("version"));
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
