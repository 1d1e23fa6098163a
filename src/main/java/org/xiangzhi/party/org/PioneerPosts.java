package org.xiangzhi.party.org;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * 党员先锋岗 (a post at a checkpoint or a service counter, with the members on duty) and the
 * 共产党员户 plaque list (the household of a member carries the plaque from a date). Both are
 * tied to a place, so the data scope applies as everywhere.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class PioneerPosts {

	/** Record kinds in "not found" answers and audit rows. */
	public static final String POST = "party-post";

	public static final String PLAQUE = "party-plaque";

	static final String POST_FORM = "party-post-create";

	static final String DUTY_FORM = "party-post-duty";

	static final String ACTIVE_FORM = "party-post-active";

	static final String PLAQUE_FORM = "party-plaque-create";

	static final String PLAQUE_REMOVE_FORM = "party-plaque-remove";

	private static final String POSTS = "select s.id, s.org_id, o.name org_name, s.name, s.place_code, p.name place_name, "
			+ "s.org_path, s.purpose, s.active from party_pioneer_post s join place p on p.code = s.place_code "
			+ "left join party_org o on o.id = s.org_id ";

	private static final String PLAQUES = "select q.id, q.member_id, r.name, q.household_id, h.address, q.org_path, "
			+ "q.awarded_on, q.removed_on from party_plaque q join party_member m on m.id = q.member_id "
			+ "join resident r on r.id = m.resident_id join household h on h.id = q.household_id ";

	private final JdbcClient jdbc;

	private final Places places;

	private final PartyOrgs orgs;

	private final PartyMembers members;

	private final AuditLog audit;

	private final OneTimeForms forms;

	private final Clock clock;

	PioneerPosts(JdbcClient jdbc, Places places, PartyOrgs orgs, PartyMembers members, AuditLog audit,
			OneTimeForms forms, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.orgs = orgs;
		this.members = members;
		this.audit = audit;
		this.forms = forms;
		this.clock = clock;
	}

	/** A post with the names of the members on duty. */
	public record PostView(long id, Long orgId, String orgName, String name, String placeCode, String placeName,
			OrgPath path, String purpose, boolean active, List<OnDuty> onDuty) {
	}

	/** A member on duty at a post. */
	public record OnDuty(long memberId, String name, LocalDate since) {
	}

	/** A 共产党员户 plaque. */
	public record PlaqueView(long id, long memberId, String memberName, long householdId, String address, OrgPath path,
			LocalDate awardedOn, LocalDate removedOn) {

		public boolean current() {
			return removedOn == null;
		}

	}

	/** What a new post is. */
	public record NewPost(String name, String placeCode, Long orgId, String purpose) {
	}

	// ---------------------------------------------------------------- posts

	@Transactional(readOnly = true)
	public List<PostView> posts(Actor actor) {
		DataScope.SqlCondition inScope = PartyAccess.readScope(actor).condition("s.org_path");
		return jdbc.sql(POSTS + "where " + inScope.sql() + " order by s.active desc, s.org_path, s.name, s.id")
			.params(inScope.params())
			.query((rs, i) -> post(rs))
			.list();
	}

	public PostView require(Actor actor, long id) {
		return require(PartyAccess.readScope(actor), id);
	}

	PostView require(DataScope scope, long id) {
		PostView post = jdbc.sql(POSTS + "where s.id = :id")
			.param("id", id)
			.query((rs, i) -> post(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(POST, id));
		if (!scope.contains(post.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, POST, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(POST, id);
		}
		return post;
	}

	private PostView post(java.sql.ResultSet rs) throws java.sql.SQLException {
		long id = rs.getLong("id");
		return new PostView(id, (Long) rs.getObject("org_id", Long.class), rs.getString("org_name"),
				rs.getString("name"), rs.getString("place_code"), rs.getString("place_name"),
				OrgPath.of(rs.getString("org_path")), rs.getString("purpose"), rs.getBoolean("active"), onDuty(id));
	}

	private List<OnDuty> onDuty(long postId) {
		return jdbc.sql(
				"select d.member_id, r.name, d.since from party_pioneer_duty d join party_member m on m.id = d.member_id "
						+ "join resident r on r.id = m.resident_id where d.post_id = :p order by r.name, d.member_id")
			.param("p", postId)
			.query((rs, i) -> new OnDuty(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
			.list();
	}

	/**
	 * Sets up a post at a place of the actor's area, optionally run by an organisation.
	 */
	public long create(Actor actor, NewPost post, String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		String name = OrgRules.checkName(post.name());
		Place place = post.placeCode() == null ? null
				: places.find(post.placeCode().strip()).filter(p -> scope.contains(p.path())).orElse(null);
		if (place == null) {
			throw new InvalidInputException("placeCode", "party.org.place.unknown");
		}
		if (post.orgId() != null) {
			PartyOrgs.OrgView org = orgs.find(post.orgId())
				.filter(o -> scope.contains(o.path()) && o.open())
				.orElseThrow(() -> new InvalidInputException("orgId", "party.org.parent.unknown"));
			if (!place.path().contains(org.path()) && !org.path().contains(place.path())) {
				throw new InvalidInputException("placeCode", "party.post.place.org");
			}
		}
		String purpose = PartyOrgs.blankToNull(post.purpose());
		if (purpose != null && purpose.length() > OrgRules.MAX_PURPOSE) {
			throw new InvalidInputException("purpose", "party.org.purpose.size");
		}
		Optional<String> replay = forms.claim(token, POST_FORM, name, place.code(), post.orgId(), purpose);
		if (replay.isPresent()) {
			return Long.parseLong(replay.get());
		}
		long id = insertPost(post.orgId(), name, place, purpose);
		forms.complete(token, id);
		return id;
	}

	long insertPost(Long orgId, String name, Place place, String purpose) {
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into party_pioneer_post (org_id, name, place_code, org_path, purpose, active, created_at, "
				+ "updated_at) values (:org, :name, :place, :path, :purpose, true, :now, :now)")
			.param("org", orgId)
			.param("name", name)
			.param("place", place.code())
			.param("path", place.path().value())
			.param("purpose", purpose)
			.param("now", now)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * Puts an active member of the actor's area on duty at the post (or takes them off).
	 */
	public void duty(Actor actor, long postId, Long memberId, boolean onDuty, String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		PostView post = require(scope, postId);
		if (memberId == null) {
			throw new InvalidInputException("memberId", "party.post.member.unknown");
		}
		PartyMembers.MemberView member = members.find(memberId)
			.filter(m -> scope.contains(m.path()))
			.orElseThrow(() -> new InvalidInputException("memberId", "party.post.member.unknown"));
		if (forms.claim(token, DUTY_FORM, postId, memberId, onDuty).isPresent()) {
			return;
		}
		boolean there = post.onDuty().stream().anyMatch(d -> d.memberId() == memberId);
		if (onDuty && !there) {
			if (!member.active() || !post.active()) {
				throw new InvalidInputException("memberId", "party.post.member.inactive");
			}
			insertDuty(postId, memberId, orgs.today());
		}
		else if (!onDuty && there) {
			jdbc.sql("delete from party_pioneer_duty where post_id = :p and member_id = :m")
				.param("p", postId)
				.param("m", memberId)
				.update();
		}
		forms.complete(token, postId);
	}

	void insertDuty(long postId, long memberId, LocalDate since) {
		jdbc.sql("insert into party_pioneer_duty (post_id, member_id, since) values (:p, :m, :s)")
			.param("p", postId)
			.param("m", memberId)
			.param("s", Date.valueOf(since))
			.update();
	}

	/** Opens or closes the post; a closed post has nobody on duty. */
	public void setActive(Actor actor, long postId, boolean active, String token) {
		require(PartyAccess.manageScope(actor), postId);
		if (forms.claim(token, ACTIVE_FORM, postId, active).isPresent()) {
			return;
		}
		jdbc.sql("update party_pioneer_post set active = :a, updated_at = :now where id = :id")
			.param("a", active)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", postId)
			.update();
		if (!active) {
			jdbc.sql("delete from party_pioneer_duty where post_id = :p").param("p", postId).update();
		}
		forms.complete(token, postId);
	}

	// ---------------------------------------------------------------- plaques

	@Transactional(readOnly = true)
	public List<PlaqueView> plaques(Actor actor) {
		DataScope.SqlCondition inScope = PartyAccess.readScope(actor).condition("q.org_path");
		return jdbc
			.sql(PLAQUES + "where " + inScope.sql()
					+ " order by case when q.removed_on is null then 0 else 1 end, q.org_path, r.name, q.id")
			.params(inScope.params())
			.query((rs, i) -> plaque(rs))
			.list();
	}

	PlaqueView requirePlaque(DataScope scope, long id) {
		PlaqueView plaque = jdbc.sql(PLAQUES + "where q.id = :id")
			.param("id", id)
			.query((rs, i) -> plaque(rs))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(PLAQUE, id));
		if (!scope.contains(plaque.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, PLAQUE, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(PLAQUE, id);
		}
		return plaque;
	}

	private static PlaqueView plaque(java.sql.ResultSet rs) throws java.sql.SQLException {
		Date removed = rs.getDate("removed_on");
		return new PlaqueView(rs.getLong("id"), rs.getLong("member_id"), rs.getString("name"),
				rs.getLong("household_id"), rs.getString("address"), OrgPath.of(rs.getString("org_path")),
				rs.getDate("awarded_on").toLocalDate(), removed == null ? null : removed.toLocalDate());
	}

	/**
	 * Hangs the plaque at the household of an active member; a household carries at most
	 * one.
	 */
	public long award(Actor actor, Long memberId, LocalDate awardedOn, String token) {
		DataScope scope = PartyAccess.manageScope(actor);
		PartyMembers.MemberView member = memberId == null ? null
				: members.find(memberId).filter(m -> scope.contains(m.path())).orElse(null);
		if (member == null || !member.active()) {
			throw new InvalidInputException("memberId", "party.post.member.unknown");
		}
		if (awardedOn == null || awardedOn.isAfter(orgs.today())) {
			throw new InvalidInputException("awardedOn", "party.member.date.range");
		}
		Optional<String> replay = forms.claim(token, PLAQUE_FORM, memberId, awardedOn);
		if (replay.isPresent()) {
			return Long.parseLong(replay.get());
		}
		boolean hung = jdbc.sql("select count(*) from party_plaque where household_id = :h and removed_on is null")
			.param("h", member.householdId())
			.query(Long.class)
			.single() > 0;
		if (hung) {
			throw new InvalidInputException("memberId", "party.plaque.already");
		}
		long id = insertPlaque(member, awardedOn, actor.username());
		forms.complete(token, id);
		return id;
	}

	long insertPlaque(PartyMembers.MemberView member, LocalDate awardedOn, String by) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into party_plaque (member_id, household_id, org_path, awarded_on, created_by, created_at) "
				+ "values (:m, :h, :path, :on, :by, :now)")
			.param("m", member.id())
			.param("h", member.householdId())
			.param("path", member.path().value())
			.param("on", Date.valueOf(awardedOn))
			.param("by", by)
			.param("now", Timestamp.from(clock.instant()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** Takes the plaque down on the day (the row stays, as history). */
	public void removePlaque(Actor actor, long id, LocalDate on, String token) {
		PlaqueView plaque = requirePlaque(PartyAccess.manageScope(actor), id);
		if (forms.claim(token, PLAQUE_REMOVE_FORM, id, on).isPresent()) {
			return;
		}
		if (!plaque.current()) {
			return;
		}
		if (on == null || on.isBefore(plaque.awardedOn()) || on.isAfter(orgs.today())) {
			throw new InvalidInputException("removedOn", "party.member.date.range");
		}
		jdbc.sql("update party_plaque set removed_on = :on where id = :id")
			.param("on", Date.valueOf(on))
			.param("id", id)
			.update();
		forms.complete(token, id);
	}

}
