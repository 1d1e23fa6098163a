package org.xiangzhi.party.study;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.party.PartyDirectory.OrgRef;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.StudyAttended;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * Study sessions of the party organisations in a cadre's scope: planning, the test, the
 * state machine ({@link SessionState}), attendance by hand and by QR check-in. A session
 * outside the scope is "not found", and the attempt is audited.
 *
 * <p>
 * Who belongs to a session: the active members of its organisation and of the
 * organisations below it in the party tree (a branch's meeting includes its grid groups'
 * members). The tree, not the place path, decides: a temporary branch at a village does
 * not take in the village branch's members.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class StudySessions {

	/** Record kind of a session in "not found" answers and audit rows. */
	public static final String SESSION = "study-session";

	/** Most questions in one test. */
	static final int MAX_QUESTIONS = 100;

	static final int LIST_LIMIT = 500;

	static final String SELECT = "select s.id, s.org_id, o.name org_name, s.org_path, s.kind, s.title, s.starts_at, "
			+ "s.location, s.agenda, s.materials, s.state, s.checkin_code, s.pass_mark, s.opened_at, s.closed_at, "
			+ "s.version, (select count(*) from study_session_question t where t.session_id = s.id) question_count "
			+ "from study_session s join party_org o on o.id = s.org_id ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PartyDirectory directory;

	private final QuestionBank bank;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StudySessions(JdbcClient jdbc, PartyDirectory directory, QuestionBank bank, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.bank = bank;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a cadre submits for a session. The organisation is fixed once created. */
	public record Draft(PartyOrgId orgId, SessionKind kind, String title, LocalDateTime startsAt, String location,
			String agenda, String materials) {
	}

	/** One member's attendance row. */
	public record Attendance(MemberId memberId, AttendanceStatus status, String method, String reason,
			Instant recordedAt, String recordedBy) {
	}

	/** Where a session's member stands: attendance (null: not recorded yet). */
	public record RosterLine(MemberRef member, Attendance attendance) {

		public boolean present() {
			return attendance != null && attendance.status() == AttendanceStatus.PRESENT;
		}

	}

	// ------------------------------------------------------------------ reads

	/** Sessions of the actor's read scope starting within the days, newest first. */
	@Transactional(readOnly = true)
	public List<StudySession> list(Actor actor, LocalDate from, LocalDate to) {
		return inScope(PartyAccess.readScope(actor), from, to);
	}

	/**
	 * Sessions of a scope starting within the days (either may be null), newest first.
	 */
	@Transactional(readOnly = true)
	public List<StudySession> inScope(DataScope scope, LocalDate from, LocalDate to) {
		DataScope.SqlCondition inScope = scope.condition("s.org_path");
		StringBuilder sql = new StringBuilder(SELECT).append("where ").append(inScope.sql());
		Map<String, Object> params = new HashMap<>(inScope.params());
		if (from != null) {
			sql.append(" and s.starts_at >= :from");
			params.put("from", dayStart(from));
		}
		if (to != null) {
			sql.append(" and s.starts_at < :to");
			params.put("to", dayStart(to.plusDays(1)));
		}
		sql.append(" order by s.starts_at desc, s.id desc fetch first ").append(LIST_LIMIT).append(" rows only");
		return jdbc.sql(sql.toString()).params(params).query(StudySessions::map).list();
	}

	/** A session of the actor's read scope; else audited and not found. */
	// not read-only: a refusal writes its SCOPE_DENIED audit row
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public StudySession get(Actor actor, long id) {
		return require(id, PartyAccess.readScope(actor));
	}

	/** Organisations a session can be held by: those holding members, in the scope. */
	@Transactional(readOnly = true)
	public List<OrgRef> organisers(Actor actor) {
		return directory.orgs(PartyAccess.manageScope(actor))
			.stream()
			.filter(o -> o.kind().holdsMembers() && o.active())
			.toList();
	}

	/** The test's questions, in order. */
	@Transactional(readOnly = true)
	public List<Question> questions(long sessionId) {
		List<Long> ids = jdbc
			.sql("select question_id from study_session_question where session_id = :s order by position")
			.param("s", sessionId)
			.query(Long.class)
			.list();
		return bank.byIds(ids);
	}

	/** Whether any member has taken the test (then it is fixed). */
	boolean attempted(long sessionId) {
		return jdbc.sql("select count(*) from study_attempt where session_id = :s")
			.param("s", sessionId)
			.query(Long.class)
			.single() > 0;
	}

	/** The session's organisation and every organisation below it in the party tree. */
	Set<PartyOrgId> organisations(StudySession session) {
		List<OrgRef> under = directory.orgs(DataScope.of(session.path()));
		Set<PartyOrgId> ids = new LinkedHashSet<>();
		ids.add(session.orgId());
		boolean grew = true;
		while (grew) {
			grew = false;
			for (OrgRef o : under) {
				if (o.parentId() != null && ids.contains(o.parentId()) && ids.add(o.id())) {
					grew = true;
				}
			}
		}
		return ids;
	}

	/** The active members the session is for. */
	List<MemberRef> expected(StudySession session) {
		Set<PartyOrgId> orgs = organisations(session);
		return directory.activeMembersUnder(session.path()).stream().filter(m -> orgs.contains(m.orgId())).toList();
	}

	/** Whether the member belongs to the session (its organisation or one below). */
	boolean belongs(StudySession session, MemberRef member) {
		return member.active() && session.path().contains(member.path())
				&& organisations(session).contains(member.orgId());
	}

	/** Recorded attendance by member. */
	Map<MemberId, Attendance> attendance(long sessionId) {
		Map<MemberId, Attendance> rows = new HashMap<>();
		jdbc.sql("select member_id, status, method, reason, recorded_at, recorded_by from study_attendance "
				+ "where session_id = :s")
			.param("s", sessionId)
			.query(StudySessions::attendance)
			.list()
			.forEach(a -> rows.put(a.memberId(), a));
		return rows;
	}

	Optional<Attendance> attendanceOf(long sessionId, MemberId member) {
		return jdbc
			.sql("select member_id, status, method, reason, recorded_at, recorded_by from study_attendance "
					+ "where session_id = :s and member_id = :m")
			.param("s", sessionId)
			.param("m", member.value())
			.query(StudySessions::attendance)
			.optional();
	}

	/**
	 * Everyone of the session: the members it is for now and, once recorded, those who
	 * attended although they have moved on since; by name.
	 */
	@Transactional(readOnly = true)
	public List<RosterLine> roster(StudySession session) {
		Map<MemberId, Attendance> recorded = attendance(session.id());
		List<RosterLine> lines = new ArrayList<>();
		Set<MemberId> seen = new HashSet<>();
		for (MemberRef m : expected(session)) {
			lines.add(new RosterLine(m, recorded.get(m.id())));
			seen.add(m.id());
		}
		for (Attendance a : recorded.values()) {
			if (!seen.contains(a.memberId())) {
				directory.member(a.memberId(), DataScope.of(OrgPath.ROOT))
					.ifPresent(m -> lines.add(new RosterLine(m, a)));
			}
		}
		lines.sort(java.util.Comparator.comparing((RosterLine l) -> l.member().name())
			.thenComparing(l -> l.member().id().value()));
		return lines;
	}

	Optional<StudySession> byCode(String code) {
		if (code == null || code.isBlank() || code.length() > 64) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "where s.checkin_code = :code")
			.param("code", code)
			.query(StudySessions::map)
			.optional();
	}

	Optional<StudySession> find(long id) {
		return jdbc.sql(SELECT + "where s.id = :id").param("id", id).query(StudySessions::map).optional();
	}

	// ------------------------------------------------------------------ writes

	public StudySession create(Actor actor, Draft draft) {
		if (draft.orgId() == null) {
			throw new InvalidInputException("orgId", "party.study.session.org.required");
		}
		OrgRef org = directory.org(draft.orgId(), PartyAccess.manageScope(actor))
			.filter(o -> o.kind().holdsMembers() && o.active())
			.orElseThrow(() -> new InvalidInputException("orgId", "party.study.session.org.invalid"));
		validate(draft);
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into study_session (org_id, org_path, kind, title, starts_at, location, agenda, materials, "
				+ "state, checkin_code, pass_mark, version, created_by, created_at, updated_at) values (:org, :path, "
				+ ":kind, :title, :starts, :location, :agenda, :materials, 'PLANNED', :code, 60, 0, :by, :now, :now)")
			.param("org", org.id().value())
			.param("path", org.path().value())
			.param("kind", draft.kind().name())
			.param("title", draft.title().strip())
			.param("starts", Timestamp.from(draft.startsAt().atZone(StudySession.ZONE).toInstant()))
			.param("location", text(draft.location(), 200, "location"))
			.param("agenda", text(draft.agenda(), 4000, "agenda"))
			.param("materials", text(draft.materials(), 4000, "materials"))
			.param("code", newCode())
			.param("by", actor.username())
			.param("now", now)
			.update(key, "id");
		return find(key.getKey().longValue()).orElseThrow();
	}

	/** Changes what the session is about while it is not closed. */
	public StudySession update(Actor actor, long id, Draft draft) {
		StudySession s = require(id, PartyAccess.manageScope(actor));
		if (!s.state().editable()) {
			throw new InvalidInputException("state", "party.study.session.closed");
		}
		validate(draft);
		jdbc.sql("update study_session set kind = :kind, title = :title, starts_at = :starts, location = :location, "
				+ "agenda = :agenda, materials = :materials, version = version + 1, updated_at = :now where id = :id")
			.param("kind", draft.kind().name())
			.param("title", draft.title().strip())
			.param("starts", Timestamp.from(draft.startsAt().atZone(StudySession.ZONE).toInstant()))
			.param("location", text(draft.location(), 200, "location"))
			.param("agenda", text(draft.agenda(), 4000, "agenda"))
			.param("materials", text(draft.materials(), 4000, "materials"))
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Opens check-in or closes the session. Closing records every member of the session
	 * without attendance as absent, so the rates of a closed session stay as they were.
	 * @throws InvalidInputException {@code party.study.transition.refused}
	 */
	public StudySession transition(Actor actor, long id, SessionState.Transition transition) {
		StudySession s = require(id, PartyAccess.manageScope(actor));
		SessionState next = s.state()
			.after(transition)
			.orElseThrow(() -> new InvalidInputException("state", "party.study.transition.refused"));
		Timestamp now = Timestamp.from(clock.instant());
		int changed = jdbc
			.sql("update study_session set state = :next, "
					+ (next == SessionState.OPEN ? "opened_at = :now" : "closed_at = :now")
					+ ", version = version + 1, updated_at = :now where id = :id and state = :current")
			.param("next", next.name())
			.param("now", now)
			.param("id", id)
			.param("current", s.state().name())
			.update();
		if (changed == 0) {
			throw new InvalidInputException("state", "party.study.transition.refused");
		}
		if (next == SessionState.CLOSED) {
			Map<MemberId, Attendance> recorded = attendance(id);
			for (MemberRef m : expected(s)) {
				if (!recorded.containsKey(m.id())) {
					insertAttendance(id, m.id(), AttendanceStatus.ABSENT, "CLOSING", null, actor.username(), now);
				}
			}
		}
		return find(id).orElseThrow();
	}

	/**
	 * Sets the test: bank questions the actor may use, in order, and the pass mark. Fixed
	 * once a member has taken it, so that every attempt answers the same test.
	 */
	public StudySession setTest(Actor actor, long id, List<Long> questionIds, Integer passMark) {
		StudySession s = require(id, PartyAccess.manageScope(actor));
		if (!s.state().editable()) {
			throw new InvalidInputException("state", "party.study.session.closed");
		}
		if (attempted(id)) {
			throw new InvalidInputException("questionIds", "party.study.test.locked");
		}
		if (passMark == null || !Scoring.validPassMark(passMark)) {
			throw new InvalidInputException("passMark", "party.study.test.passMark.invalid");
		}
		List<Long> ids = questionIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(questionIds));
		if (ids.size() > MAX_QUESTIONS) {
			throw new InvalidInputException("questionIds", "party.study.test.tooMany");
		}
		for (Long q : ids) {
			Question question = bank.byIds(List.of(q))
				.stream()
				.findFirst()
				.filter(found -> bank.mayRead(actor, found.path()))
				.orElseThrow(() -> new InvalidInputException("questionIds", "party.study.test.question.invalid"));
			if (!question.active()) {
				throw new InvalidInputException("questionIds", "party.study.test.question.invalid");
			}
		}
		jdbc.sql("delete from study_session_question where session_id = :s").param("s", id).update();
		int position = 0;
		for (Long q : ids) {
			jdbc.sql("insert into study_session_question (session_id, question_id, position) values (:s, :q, :p)")
				.param("s", id)
				.param("q", q)
				.param("p", position++)
				.update();
		}
		jdbc.sql("update study_session set pass_mark = :mark, version = version + 1, updated_at = :now where id = :id")
			.param("mark", passMark)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * A cadre records a member's attendance by hand: present (once the session has
	 * begun), excused with a reason, or absent. Present is final: it may have earned
	 * points already.
	 */
	public void mark(Actor actor, long id, MemberId memberId, AttendanceStatus status, String reason) {
		StudySession s = require(id, PartyAccess.manageScope(actor));
		if (status == null) {
			throw new InvalidInputException("status", "party.study.attendance.status.required");
		}
		MemberRef member = memberId == null ? null
				: directory.member(memberId, DataScope.of(s.path())).filter(m -> belongs(s, m)).orElse(null);
		if (member == null) {
			throw new InvalidInputException("memberId", "party.study.attendance.member.invalid");
		}
		String why = text(reason, 500, "reason");
		if (status == AttendanceStatus.EXCUSED && why == null) {
			throw new InvalidInputException("reason", "party.study.attendance.reason.required");
		}
		if (status == AttendanceStatus.PRESENT && s.state() == SessionState.PLANNED) {
			throw new InvalidInputException("status", "party.study.attendance.notStarted");
		}
		Optional<Attendance> before = attendanceOf(id, member.id());
		if (before.isPresent() && before.get().status() == AttendanceStatus.PRESENT) {
			throw new InvalidInputException("status", "party.study.attendance.alreadyPresent");
		}
		Timestamp now = Timestamp.from(clock.instant());
		if (before.isPresent()) {
			jdbc.sql("update study_attendance set status = :status, method = 'MANUAL', reason = :reason, "
					+ "recorded_at = :now, recorded_by = :by where session_id = :s and member_id = :m")
				.param("status", status.name())
				.param("reason", why)
				.param("now", now)
				.param("by", actor.username())
				.param("s", id)
				.param("m", member.id().value())
				.update();
		}
		else {
			insertAttendance(id, member.id(), status, "MANUAL", why, actor.username(), now);
		}
		if (status == AttendanceStatus.PRESENT) {
			events.publishEvent(new StudyAttended(id, member.id(), now.toInstant()));
		}
	}

	/** What a scan of the QR code came to. */
	public enum CheckIn {

		/** Checked in now. */
		CHECKED_IN,
		/** Had checked in (or been marked present) before. */
		ALREADY,
		/** The session is planned or closed: check-in is not open. */
		NOT_OPEN,
		/** The account is not linked to an active party member. */
		NOT_A_MEMBER,
		/** The member belongs to another organisation. */
		NOT_IN_ORGANISATION;

		public String messageKey() {
			return "party.study.checkin." + name();
		}

		/** The answer's HTTP status on the phone page. */
		public int status() {
			return switch (this) {
				case CHECKED_IN, ALREADY -> 200;
				case NOT_OPEN -> 409;
				case NOT_A_MEMBER, NOT_IN_ORGANISATION -> 403;
			};
		}

	}

	/** What a scan would come to, without checking in (the page before the button). */
	@Transactional(readOnly = true)
	public CheckIn preview(long accountId, StudySession s) {
		Optional<MemberRef> member = directory.memberOfAccount(accountId);
		if (member.isEmpty()) {
			return CheckIn.NOT_A_MEMBER;
		}
		if (!belongs(s, member.get())) {
			return CheckIn.NOT_IN_ORGANISATION;
		}
		if (attendanceOf(s.id(), member.get().id()).filter(a -> a.status() == AttendanceStatus.PRESENT).isPresent()) {
			return CheckIn.ALREADY;
		}
		return s.state().acceptsCheckIn() ? CheckIn.CHECKED_IN : CheckIn.NOT_OPEN;
	}

	/** The session a QR code leads to. */
	@Transactional(readOnly = true)
	public StudySession byCheckInCode(String code) {
		return byCode(code).orElseThrow(() -> new RecordNotFoundException("study-checkin", code));
	}

	/**
	 * Checks the signed-in member in, once: a second scan answers
	 * {@link CheckIn#ALREADY}. Publishes {@link StudyAttended} on the first check-in. A
	 * member excused or marked absent beforehand who comes after all is checked in.
	 */
	public CheckIn checkIn(long accountId, String code) {
		StudySession s = byCheckInCode(code);
		CheckIn preview = preview(accountId, s);
		if (preview != CheckIn.CHECKED_IN) {
			return preview;
		}
		MemberRef member = directory.memberOfAccount(accountId).orElseThrow();
		Timestamp now = Timestamp.from(clock.instant());
		// the unique (session, member) row makes a concurrent second scan fail instead of
		// counting twice; the controller answers it as ALREADY
		int updated = jdbc
			.sql("update study_attendance set status = 'PRESENT', method = 'QR', recorded_at = :now, "
					+ "recorded_by = :by where session_id = :s and member_id = :m and status <> 'PRESENT'")
			.param("now", now)
			.param("by", "member:" + member.id())
			.param("s", s.id())
			.param("m", member.id().value())
			.update();
		if (updated == 0) {
			insertAttendance(s.id(), member.id(), AttendanceStatus.PRESENT, "QR", null, "member:" + member.id(), now);
		}
		events.publishEvent(new StudyAttended(s.id(), member.id(), now.toInstant()));
		return CheckIn.CHECKED_IN;
	}

	// ------------------------------------------------------------------ helpers

	StudySession require(long id, DataScope scope) {
		StudySession s = find(id).orElseThrow(() -> new RecordNotFoundException(SESSION, id));
		if (!scope.contains(s.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, SESSION, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(SESSION, id);
		}
		return s;
	}

	private void insertAttendance(long session, MemberId member, AttendanceStatus status, String method, String reason,
			String by, Timestamp at) {
		jdbc.sql("insert into study_attendance (session_id, member_id, status, method, reason, recorded_at, "
				+ "recorded_by) values (:s, :m, :status, :method, :reason, :at, :by)")
			.param("s", session)
			.param("m", member.value())
			.param("status", status.name())
			.param("method", method)
			.param("reason", reason)
			.param("at", at)
			.param("by", by)
			.update();
	}

	private static void validate(Draft draft) {
		if (draft.kind() == null) {
			throw new InvalidInputException("kind", "party.study.session.kind.required");
		}
		if (draft.title() == null || draft.title().isBlank()) {
			throw new InvalidInputException("title", "party.study.session.title.required");
		}
		if (draft.title().strip().length() > 200) {
			throw new InvalidInputException("title", "party.study.field.tooLong");
		}
		if (draft.startsAt() == null) {
			throw new InvalidInputException("startsAt", "party.study.session.startsAt.required");
		}
	}

	private static String text(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String t = value.strip();
		if (t.length() > max) {
			throw new InvalidInputException(field, "party.study.field.tooLong");
		}
		return t;
	}

	/** 128 random bits, URL-safe: nobody checks in without having seen the code. */
	static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static Timestamp dayStart(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(StudySession.ZONE).toInstant());
	}

	static StudySession map(ResultSet rs, int row) throws SQLException {
		Timestamp opened = rs.getTimestamp("opened_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		return new StudySession(rs.getLong("id"), new PartyOrgId(rs.getLong("org_id")), rs.getString("org_name"),
				OrgPath.of(rs.getString("org_path")), SessionKind.valueOf(rs.getString("kind")), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getString("location"), rs.getString("agenda"),
				rs.getString("materials"), SessionState.valueOf(rs.getString("state")), rs.getString("checkin_code"),
				rs.getInt("pass_mark"), opened == null ? null : opened.toInstant(),
				closed == null ? null : closed.toInstant(), rs.getLong("version"), rs.getInt("question_count"));
	}

	static Attendance attendance(ResultSet rs, int row) throws SQLException {
		return new Attendance(new MemberId(rs.getLong("member_id")), AttendanceStatus.valueOf(rs.getString("status")),
				rs.getString("method"), rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("recorded_by"));
	}

}
