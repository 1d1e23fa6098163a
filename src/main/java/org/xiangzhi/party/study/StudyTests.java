package org.xiangzhi.party.study;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.party.PartyDirectory.OrgRef;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.party.TestPassed;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Submissions;

/**
 * A party member's side of 凡训必考: the sessions they belong to, the test of a session they
 * attended, taken on the phone and scored at once, every attempt kept (retakes), their
 * own answers and results. A member sees only their own: another member's attempt, or a
 * session of another organisation, is "not found", and the attempt is audited.
 *
 * <p>
 * Rules: only members who attended (checked in or marked present) take the test; a retake
 * is always allowed; the best score counts; {@link TestPassed} is published for the first
 * passing attempt only. An attempt is submitted with a one-time token, so a retried
 * submission returns the first attempt instead of recording a second.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class StudyTests {

	/** Record kind of an attempt in "not found" answers and audit rows. */
	public static final String ATTEMPT = "study-attempt";

	/** Purpose of the one-time tokens of test forms. */
	public static final String PURPOSE = "party-study-attempt";

	private final JdbcClient jdbc;

	private final PartyDirectory directory;

	private final StudySessions sessions;

	private final Submissions submissions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	StudyTests(JdbcClient jdbc, PartyDirectory directory, StudySessions sessions, Submissions submissions,
			AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.sessions = sessions;
		this.submissions = submissions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** One attempt (without its answers). */
	public record Attempt(long id, long sessionId, MemberId memberId, int correct, int total, int score, int passMark,
			boolean passed, Instant submittedAt) {
	}

	/** One answer of an attempt with its question, for the member's review. */
	public record Answer(Question question, Set<String> chosen, boolean correct) {
	}

	/** A session as the member sees it in their list. */
	public record MySession(StudySession session, AttendanceStatus attendance, int attempts, Integer best,
			boolean passed) {

		/** The member attended, the session has a test and has begun. */
		public boolean canTakeTest() {
			return attendance == AttendanceStatus.PRESENT && session.hasTest() && session.state().acceptsAttempts();
		}

		/** 凡训必考: attended a session with a test, not passed yet. */
		public boolean due() {
			return canTakeTest() && !passed;
		}

	}

	/** The signed-in member, if the account is linked to an active member. */
	@Transactional(readOnly = true)
	public Optional<MemberRef> member(long accountId) {
		return directory.memberOfAccount(accountId);
	}

	/**
	 * The sessions of the member's organisation and of the organisations above it in the
	 * party tree, newest first.
	 */
	@Transactional(readOnly = true)
	public List<MySession> sessionsOf(MemberRef member) {
		List<Long> orgs = new ArrayList<>();
		PartyOrgId at = member.orgId();
		DataScope all = DataScope.of(OrgPath.ROOT);
		Set<PartyOrgId> seen = new HashSet<>();
		while (at != null && seen.add(at)) {
			orgs.add(at.value());
			at = directory.org(at, all).map(OrgRef::parentId).orElse(null);
		}
		List<StudySession> list = jdbc
			.sql(StudySessions.SELECT + "where s.org_id in (:orgs) order by s.starts_at desc, s.id desc "
					+ "fetch first " + StudySessions.LIST_LIMIT + " rows only")
			.param("orgs", orgs)
			.query(StudySessions::map)
			.list();
		List<MySession> mine = new ArrayList<>();
		for (StudySession s : list) {
			AttendanceStatus attendance = sessions.attendanceOf(s.id(), member.id())
				.map(StudySessions.Attendance::status)
				.orElse(null);
			List<Attempt> attempts = attempts(s.id(), member.id());
			Integer best = attempts.stream().map(Attempt::score).max(Integer::compare).orElse(null);
			mine.add(new MySession(s, attendance, attempts.size(), best, attempts.stream().anyMatch(Attempt::passed)));
		}
		return mine;
	}

	/** A session the member belongs to; else audited and not found. */
	// not read-only: a refusal writes its SCOPE_DENIED audit row
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public StudySession sessionOf(MemberRef member, long sessionId) {
		StudySession s = sessions.find(sessionId)
			.orElseThrow(() -> new RecordNotFoundException(StudySessions.SESSION, sessionId));
		if (!sessions.belongs(s, member)) {
			audit.record(
					AuditEntry.of(AuditActions.SCOPE_DENIED, StudySessions.SESSION, sessionId, AuditOutcome.DENIED));
			throw new RecordNotFoundException(StudySessions.SESSION, sessionId);
		}
		return s;
	}

	/**
	 * Why the member cannot take the session's test now, as a message key; empty when
	 * they can.
	 */
	@Transactional(readOnly = true)
	public Optional<String> refusal(MemberRef member, StudySession s) {
		if (!s.hasTest()) {
			return Optional.of("party.study.test.none");
		}
		if (!s.state().acceptsAttempts()) {
			return Optional.of("party.study.test.notStarted");
		}
		boolean present = sessions.attendanceOf(s.id(), member.id())
			.filter(a -> a.status() == AttendanceStatus.PRESENT)
			.isPresent();
		return present ? Optional.empty() : Optional.of("party.study.test.notAttended");
	}

	/** The test's questions, to answer (the page shows no correct answers). */
	@Transactional(readOnly = true)
	public List<Question> questions(StudySession s) {
		return sessions.questions(s.id());
	}

	/** A fresh one-time token for one attempt. */
	public String newAttemptToken() {
		return submissions.issue(PURPOSE);
	}

	/**
	 * Scores and records an attempt. A retry with the same token and answers returns the
	 * first attempt.
	 * @param chosen question id → chosen keys
	 * @return the attempt
	 * @throws InvalidInputException when the member may not take the test now, or the
	 * token is expired or was used for other answers
	 */
	public Attempt submit(MemberRef member, long sessionId, String token, Map<Long, Set<String>> chosen) {
		StudySession s = sessionOf(member, sessionId);
		Optional<String> refused = refusal(member, s);
		if (refused.isPresent()) {
			throw new InvalidInputException("session", refused.get());
		}
		// one attempt at a time per member and session: the attendance row is the lock,
		// so
		// "first passing attempt" is decided once
		jdbc.sql("select id from study_attendance where session_id = :s and member_id = :m for update")
			.param("s", sessionId)
			.param("m", member.id().value())
			.query(Long.class)
			.single();
		Map<Long, Set<String>> sorted = new TreeMap<>(chosen);
		if (token == null || token.isBlank()) {
			throw new InvalidInputException("submissionToken", "submission.expired");
		}
		Submissions.Claim claim = submissions.claim(token, PURPOSE,
				Submissions.hash(sessionId, member.id(), canonical(sorted)));
		Optional<String> replayed = claim.replayedResult();
		if (replayed.isPresent()) {
			return attempt(Long.parseLong(replayed.get())).orElseThrow();
		}
		List<Question> questions = sessions.questions(sessionId);
		Scoring.Result result = Scoring.score(questions, sorted, s.passMark());
		boolean passedBefore = jdbc
			.sql("select count(*) from study_attempt where session_id = :s and member_id = :m and passed = true")
			.param("s", sessionId)
			.param("m", member.id().value())
			.query(Long.class)
			.single() > 0;
		Timestamp now = Timestamp.from(clock.instant());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into study_attempt (session_id, member_id, correct, total, score, pass_mark, passed, "
				+ "submitted_at) values (:s, :m, :correct, :total, :score, :mark, :passed, :now)")
			.param("s", sessionId)
			.param("m", member.id().value())
			.param("correct", result.correct())
			.param("total", result.total())
			.param("score", result.score())
			.param("mark", result.passMark())
			.param("passed", result.passed())
			.param("now", now)
			.update(key, "id");
		long attemptId = key.getKey().longValue();
		for (Scoring.Marked m : result.answers()) {
			List<String> keys = new ArrayList<>(m.chosen());
			keys.sort(String::compareTo);
			jdbc.sql("insert into study_attempt_answer (attempt_id, question_id, chosen, correct) "
					+ "values (:a, :q, :chosen, :correct)")
				.param("a", attemptId)
				.param("q", m.questionId())
				.param("chosen", keys.isEmpty() ? null : String.join(",", keys))
				.param("correct", m.correct())
				.update();
		}
		if (result.passed() && !passedBefore) {
			events.publishEvent(new TestPassed(attemptId, sessionId, member.id(), result.score(), now.toInstant()));
		}
		submissions.complete(token, Long.toString(attemptId));
		return attempt(attemptId).orElseThrow();
	}

	/** The answers as a stable text: questions by id, keys sorted. */
	static String canonical(Map<Long, Set<String>> chosen) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(chosen).forEach((q, keys) -> text.append(q)
			.append('=')
			.append(String.join(",", keys.stream().sorted().toList()))
			.append(';'));
		return text.toString();
	}

	/** The member's own attempt; another member's is audited and not found. */
	// not read-only: a refusal writes its SCOPE_DENIED audit row
	@Transactional(noRollbackFor = RecordNotFoundException.class)
	public Attempt ownAttempt(MemberRef member, long attemptId) {
		Attempt a = attempt(attemptId).orElseThrow(() -> new RecordNotFoundException(ATTEMPT, attemptId));
		if (!a.memberId().equals(member.id())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, ATTEMPT, attemptId, AuditOutcome.DENIED));
			throw new RecordNotFoundException(ATTEMPT, attemptId);
		}
		return a;
	}

	/** The answers of an attempt with their questions, in the test's order. */
	@Transactional(readOnly = true)
	public List<Answer> answers(Attempt attempt) {
		Map<Long, Question> byId = new java.util.HashMap<>();
		sessions.questions(attempt.sessionId()).forEach(q -> byId.put(q.id(), q));
		List<Answer> answers = new ArrayList<>();
		jdbc.sql("select a.question_id, a.chosen, a.correct from study_attempt_answer a "
				+ "left join study_session_question t on t.session_id = :s and t.question_id = a.question_id "
				+ "where a.attempt_id = :a order by t.position, a.question_id")
			.param("s", attempt.sessionId())
			.param("a", attempt.id())
			.query((rs, i) -> {
				String chosen = rs.getString("chosen");
				return new Object[] { rs.getLong("question_id"),
						chosen == null ? Set.<String>of() : new LinkedHashSet<>(Arrays.asList(chosen.split(","))),
						rs.getBoolean("correct") };
			})
			.list()
			.forEach(row -> {
				Question q = byId.get((Long) row[0]);
				if (q != null) {
					@SuppressWarnings("unchecked")
					Set<String> chosen = (Set<String>) row[1];
					answers.add(new Answer(q, chosen, (Boolean) row[2]));
				}
			});
		return answers;
	}

	/** The attempts of a member at a session, oldest first. */
	@Transactional(readOnly = true)
	public List<Attempt> attempts(long sessionId, MemberId member) {
		return jdbc.sql(SELECT + "where session_id = :s and member_id = :m order by submitted_at, id")
			.param("s", sessionId)
			.param("m", member.value())
			.query(StudyTests::map)
			.list();
	}

	/** Every attempt at a session, oldest first (cadres' results). */
	@Transactional(readOnly = true)
	public List<Attempt> attempts(long sessionId) {
		return jdbc.sql(SELECT + "where session_id = :s order by submitted_at, id")
			.param("s", sessionId)
			.query(StudyTests::map)
			.list();
	}

	private static final String SELECT = "select id, session_id, member_id, correct, total, score, pass_mark, passed, "
			+ "submitted_at from study_attempt ";

	Optional<Attempt> attempt(long id) {
		return jdbc.sql(SELECT + "where id = :id").param("id", id).query(StudyTests::map).optional();
	}

	static Attempt map(ResultSet rs, int row) throws SQLException {
		return new Attempt(rs.getLong("id"), rs.getLong("session_id"), new MemberId(rs.getLong("member_id")),
				rs.getInt("correct"), rs.getInt("total"), rs.getInt("score"), rs.getInt("pass_mark"),
				rs.getBoolean("passed"), rs.getTimestamp("submitted_at").toInstant());
	}

}
