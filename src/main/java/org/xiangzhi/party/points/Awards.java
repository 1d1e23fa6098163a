package org.xiangzhi.party.points;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Submissions;

/**
 * Awards of points: proposals (by a cadre with evidence, or automatically from visits,
 * study and tests), the branch's decision, balances and rankings. Only approved awards
 * count.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class Awards {

	/** Who proposes automatic awards. */
	public static final String SYSTEM = "system";

	/** Object type of awards in audit rows and the authorization matrix. */
	public static final String AWARD = "party-point-award";

	/** Purpose of the one-time tokens of proposal forms (and API idempotency keys). */
	public static final String PROPOSE_FORM = "party-points.propose";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final int MAX_QUANTITY = 100;

	static final int MAX_LIST = 500;

	private static final String SELECT = "select a.*, r.name as member_name from party_point_award a "
			+ "join party_member m on m.id = a.member_id join resident r on r.id = m.resident_id ";

	private final JdbcClient jdbc;

	private final PartyDirectory directory;

	private final RuleCatalog catalog;

	private final Units units;

	private final Submissions submissions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Awards(JdbcClient jdbc, PartyDirectory directory, RuleCatalog catalog, Units units, Submissions submissions,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.catalog = catalog;
		this.units = units;
		this.submissions = submissions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** A proposal as submitted by a cadre. */
	public record NewAward(Long memberId, String ruleCode, LocalDate earnedOn, Integer quantity, String evidence,
			String reference) {

		String payloadHash() {
			return Submissions.hash(memberId, ruleCode, earnedOn, quantity, evidence, reference);
		}

	}

	/** The id of a proposed award; {@code replay} when a retried form found it. */
	public record Proposed(long id, boolean replay) {
	}

	/**
	 * A decision and what it did to the member's rank in their branch for the quarter of
	 * the award.
	 */
	public record Decision(Award award, boolean replay, Period period, Integer rankBefore, Integer rankAfter,
			int pointsBefore, int pointsAfter) {
	}

	/** A member's approved total and the points still waiting for a decision. */
	public record Balance(MemberId member, String name, int approved, int pending) {
	}

	// ---------------------------------------------------------------- proposals

	/**
	 * Proposes an award for a member of the actor's scope. With a token, a retried form
	 * finds the first proposal instead of making another.
	 * @throws InvalidInputException {@code party.points.award.*}, {@code submission.*}
	 */
	public Proposed propose(Actor actor, NewAward proposal, String token) {
		if (proposal.memberId() == null) {
			throw new InvalidInputException("memberId", "party.points.award.member.required");
		}
		MemberRef member = directory.member(new MemberId(proposal.memberId()), PartyAccess.manageScope(actor))
			.filter(MemberRef::active)
			.orElseThrow(() -> new InvalidInputException("memberId", "party.points.award.member.unknown"));
		String county = catalog.countyOf(member.path())
			.map(Place::code)
			.orElseThrow(() -> new InvalidInputException("ruleCode", "party.points.award.rule.unknown"));
		PointRule rule = catalog.active(county, proposal.ruleCode() == null ? "" : proposal.ruleCode().strip())
			.orElseThrow(() -> new InvalidInputException("ruleCode", "party.points.award.rule.unknown"));
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		LocalDate on = proposal.earnedOn();
		if (on == null) {
			throw new InvalidInputException("earnedOn", "party.points.award.date.required");
		}
		if (on.isAfter(today)) {
			throw new InvalidInputException("earnedOn", "party.points.award.date.future");
		}
		// last year's awards may still come in at the year's appraisal; older ones may
		// not
		if (on.isBefore(LocalDate.of(today.getYear() - 1, 1, 1))) {
			throw new InvalidInputException("earnedOn", "party.points.award.date.old");
		}
		int quantity = proposal.quantity() == null ? 1 : proposal.quantity();
		if (quantity < 1 || quantity > MAX_QUANTITY) {
			throw new InvalidInputException("quantity", "party.points.award.quantity.range");
		}
		String evidence = proposal.evidence() == null ? "" : proposal.evidence().strip();
		if (evidence.isEmpty() || evidence.length() > 1000) {
			throw new InvalidInputException("evidence", "party.points.award.evidence.required");
		}
		String reference = proposal.reference() == null || proposal.reference().isBlank() ? null
				: proposal.reference().strip();
		if (reference != null && reference.length() > 300) {
			throw new InvalidInputException("reference", "party.points.award.reference.long");
		}
		if (token != null) {
			Submissions.Claim claim = submissions.claim(token, PROPOSE_FORM, proposal.payloadHash());
			Optional<String> replayed = claim.replayedResult();
			if (replayed.isPresent()) {
				return new Proposed(Long.parseLong(replayed.get()), true);
			}
		}
		long id = insert(member, county, rule, quantity, on, evidence, reference, null, actor.username());
		audit.record(AuditEntry.success("PARTY_POINTS_PROPOSED", AWARD, id));
		if (token != null) {
			submissions.complete(token, Long.toString(id));
		}
		return new Proposed(id, false);
	}

	/**
	 * Proposes the rule's award for something that happened (a visit, a check-in, a
	 * passed test), once per source: a republished event finds the first proposal.
	 * Nothing is proposed for a member who is no longer active or whose county has
	 * switched the rule off.
	 * @param sourceRef what happened, e.g. {@code visit:12}; unique among awards
	 * @return the new award's id, empty when nothing was proposed
	 */
	public Optional<Long> proposeAutomatically(MemberId memberId, String ruleCode, Instant at, String sourceRef) {
		if (jdbc.sql("select count(*) from party_point_award where source_ref = :ref")
			.param("ref", sourceRef)
			.query(Long.class)
			.single() > 0) {
			return Optional.empty();
		}
		Optional<MemberRef> member = directory.member(memberId, DataScope.of(OrgPath.ROOT)).filter(MemberRef::active);
		if (member.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> county = catalog.countyOf(member.get().path()).map(Place::code);
		Optional<PointRule> rule = county.flatMap(c -> catalog.active(c, ruleCode));
		if (rule.isEmpty()) {
			return Optional.empty();
		}
		LocalDate on = (at == null ? clock.instant() : at).atZone(ZONE).toLocalDate();
		return Optional.of(insert(member.get(), county.get(), rule.get(), 1, on, null, null, sourceRef, SYSTEM));
	}

	private long insert(MemberRef member, String county, PointRule rule, int quantity, LocalDate on, String evidence,
			String reference, String sourceRef, String proposedBy) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into party_point_award (member_id, org_path, county_code, rule_code, rule_name_zh, "
				+ "rule_name_en, kind, points_each, quantity, points, earned_on, evidence, reference, source_ref, "
				+ "status, proposed_by, proposed_at) values (:member, :path, :county, :code, :zh, :en, :kind, :each, "
				+ ":quantity, :points, :on, :evidence, :reference, :source, 'PROPOSED', :by, :now)")
			.param("member", member.id().value())
			.param("path", member.path().value())
			.param("county", county)
			.param("code", rule.code())
			.param("zh", rule.nameZh())
			.param("en", rule.nameEn())
			.param("kind", rule.kind().name())
			.param("each", rule.points())
			.param("quantity", quantity)
			.param("points", rule.points() * quantity)
			.param("on", on)
			.param("evidence", evidence)
			.param("reference", reference)
			.param("source", sourceRef)
			.param("by", proposedBy)
			.param("now", Timestamp.from(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	// ---------------------------------------------------------------- decisions

	/**
	 * The award, if it lies inside the scope; a missing one and one outside answer alike,
	 * the latter after a {@code SCOPE_DENIED} audit row.
	 */
	public Award require(long id, DataScope scope) {
		Award award = find(id).orElseThrow(() -> new RecordNotFoundException(AWARD, id));
		if (!scope.contains(award.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, AWARD, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(AWARD, id);
		}
		return award;
	}

	/**
	 * Approves a proposed award. Approving an approved award again changes nothing (a
	 * retried click); approving a rejected one is refused.
	 * @throws IllegalAwardTransitionException when it was rejected
	 * @throws AwardRefusedException when the actor proposed it or it is their own
	 */
	public Decision approve(Actor actor, long id) {
		return decide(actor, id, AwardStatus.APPROVED, null);
	}

	/**
	 * Rejects a proposed award with a reason. Rejecting a rejected award again changes
	 * nothing; rejecting an approved one is refused.
	 */
	public Decision reject(Actor actor, long id, String reason) {
		return decide(actor, id, AwardStatus.REJECTED, reason == null ? "" : reason.strip());
	}

	private Decision decide(Actor actor, long id, AwardStatus target, String reason) {
		// scope first: an award outside answers "not found" whatever else is wrong
		Award award = require(id, PartyAccess.manageScope(actor));
		if (target == AwardStatus.REJECTED && (reason.isEmpty() || reason.length() > 500)) {
			throw new InvalidInputException("reason", "party.points.reject.reason.required");
		}
		OrgPath branch = units.branchPathOf(award.path());
		Period quarter = Period.quarterOf(award.earnedOn());
		if (award.status().towards(target) == AwardStatus.Step.ALREADY) {
			return unchanged(award, branch, quarter);
		}
		OwnAwardPolicy.check(award, actor.username(), directory.memberOfAccount(actor.accountId()).map(MemberRef::id));
		List<Standings.Standing> before = standings(branch, quarter);
		int changed = jdbc
			.sql("update party_point_award set status = :status, decided_by = :by, decided_at = :now, "
					+ "reject_reason = :reason, version = version + 1 where id = :id and status = 'PROPOSED'")
			.param("status", target.name())
			.param("by", actor.username())
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", reason)
			.param("id", id)
			.update();
		Award now = find(id).orElseThrow();
		if (changed == 0) {
			// decided meanwhile by someone else: the same decision is a replay, another
			// one a conflict
			now.status().towards(target);
			return unchanged(now, branch, quarter);
		}
		List<Standings.Standing> after = standings(branch, quarter);
		audit.record(AuditEntry
			.success(target == AwardStatus.APPROVED ? "PARTY_POINTS_APPROVED" : "PARTY_POINTS_REJECTED", AWARD, id));
		notifyMember(now, target);
		Optional<Standings.Standing> b = Standings.of(before, now.member());
		Optional<Standings.Standing> a = Standings.of(after, now.member());
		return new Decision(now, false, quarter, b.map(Standings.Standing::rank).orElse(null),
				a.map(Standings.Standing::rank).orElse(null), b.map(Standings.Standing::points).orElse(0),
				a.map(Standings.Standing::points).orElse(0));
	}

	private Decision unchanged(Award award, OrgPath branch, Period quarter) {
		Optional<Standings.Standing> s = Standings.of(standings(branch, quarter), award.member());
		Integer rank = s.map(Standings.Standing::rank).orElse(null);
		int points = s.map(Standings.Standing::points).orElse(0);
		return new Decision(award, true, quarter, rank, rank, points, points);
	}

	private void notifyMember(Award award, AwardStatus decision) {
		directory.member(award.member(), DataScope.of(OrgPath.ROOT))
			.map(MemberRef::accountId)
			.ifPresent(account -> events.publishEvent(new NoticeRequested(List.of(account), "PARTY_POINTS",
					decision == AwardStatus.APPROVED ? "party.points.notice.approved" : "party.points.notice.rejected",
					List.of(signed(award.points())), "/party/me/points")));
	}

	static String signed(int points) {
		return points > 0 ? "+" + points : Integer.toString(points);
	}

	// ---------------------------------------------------------------- reads

	@Transactional(readOnly = true)
	public Optional<Award> find(long id) {
		return jdbc.sql(SELECT + "where a.id = :id").param("id", id).query(Awards::map).optional();
	}

	/** What to list. */
	public record Filter(AwardStatus status, OrgPath under, MemberId member) {

		public static Filter all() {
			return new Filter(null, null, null);
		}

	}

	/**
	 * Awards inside the scope, proposed ones oldest first (the queue), others newest
	 * first; at most {@link #MAX_LIST}.
	 */
	@Transactional(readOnly = true)
	public List<Award> list(DataScope scope, Filter filter) {
		DataScope.SqlCondition inScope = scope.condition("a.org_path");
		StringBuilder sql = new StringBuilder(SELECT).append("where ").append(inScope.sql());
		Map<String, Object> params = new LinkedHashMap<>(inScope.params());
		if (filter.status() != null) {
			sql.append(" and a.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.under() != null) {
			sql.append(" and a.org_path like :under");
			params.put("under", filter.under().value() + "%");
		}
		if (filter.member() != null) {
			sql.append(" and a.member_id = :member");
			params.put("member", filter.member().value());
		}
		sql.append(filter.status() == AwardStatus.PROPOSED ? " order by a.proposed_at, a.id"
				: " order by a.earned_on desc, a.id desc");
		sql.append(" limit ").append(MAX_LIST);
		return jdbc.sql(sql.toString()).params(params).query(Awards::map).list();
	}

	/** A member's own awards, newest first (for their own page). */
	@Transactional(readOnly = true)
	public List<Award> ofMember(MemberId member) {
		return jdbc.sql(SELECT + "where a.member_id = :m order by a.earned_on desc, a.id desc limit " + MAX_LIST)
			.param("m", member.value())
			.query(Awards::map)
			.list();
	}

	/** A member's approved points, in total and in a period. */
	@Transactional(readOnly = true)
	public int balance(MemberId member, Period period) {
		return jdbc
			.sql("select coalesce(sum(points), 0) from party_point_award where member_id = :m and status = 'APPROVED'"
					+ (period == null ? "" : " and earned_on >= :from and earned_on < :to"))
			.param("m", member.value())
			.params(period == null ? Map.of() : Map.of("from", period.start(), "to", period.end()))
			.query(Integer.class)
			.single();
	}

	/**
	 * The ranking of the active members under {@code unit} (a branch's or a town's place)
	 * by approved points earned in the period; members without points rank last,
	 * together.
	 */
	@Transactional(readOnly = true)
	public List<Standings.Standing> standings(OrgPath unit, Period period) {
		Map<Long, Integer> points = new HashMap<>();
		jdbc.sql("select a.member_id, sum(a.points) as total from party_point_award a "
				+ "join party_member m on m.id = a.member_id where a.status = 'APPROVED' and m.org_path like :unit "
				+ "and a.earned_on >= :from and a.earned_on < :to group by a.member_id")
			.param("unit", unit.value() + "%")
			.param("from", period.start())
			.param("to", period.end())
			.query((rs, i) -> points.put(rs.getLong("member_id"), rs.getInt("total")))
			.list();
		return Standings.rank(directory.activeMembersUnder(unit)
			.stream()
			.map(m -> new Standings.Entry(m.id(), m.name(), points.getOrDefault(m.id().value(), 0)))
			.toList());
	}

	/** Every active member under the unit with approved and pending points, by name. */
	@Transactional(readOnly = true)
	public List<Balance> balances(OrgPath unit) {
		Map<Long, int[]> sums = new HashMap<>();
		jdbc.sql("select a.member_id, a.status, sum(a.points) as total from party_point_award a "
				+ "join party_member m on m.id = a.member_id where m.org_path like :unit "
				+ "and a.status in ('APPROVED', 'PROPOSED') group by a.member_id, a.status")
			.param("unit", unit.value() + "%")
			.query((rs, i) -> {
				int[] s = sums.computeIfAbsent(rs.getLong("member_id"), k -> new int[2]);
				s["APPROVED".equals(rs.getString("status")) ? 0 : 1] = rs.getInt("total");
				return s;
			})
			.list();
		return directory.activeMembersUnder(unit).stream().map(m -> {
			int[] s = sums.getOrDefault(m.id().value(), new int[2]);
			return new Balance(m.id(), m.name(), s[0], s[1]);
		}).toList();
	}

	static Award map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Award(rs.getLong("id"), new MemberId(rs.getLong("member_id")), rs.getString("member_name"),
				OrgPath.of(rs.getString("org_path")), rs.getString("county_code"), rs.getString("rule_code"),
				rs.getString("rule_name_zh"), rs.getString("rule_name_en"), PointKind.valueOf(rs.getString("kind")),
				rs.getInt("points_each"), rs.getInt("quantity"), rs.getInt("points"),
				rs.getObject("earned_on", LocalDate.class), rs.getString("evidence"), rs.getString("reference"),
				rs.getString("source_ref"), AwardStatus.valueOf(rs.getString("status")), rs.getString("proposed_by"),
				rs.getTimestamp("proposed_at").toInstant(), rs.getString("decided_by"),
				decided == null ? null : decided.toInstant(), rs.getString("reject_reason"), rs.getInt("version"));
	}

}
