package org.xiangzhi.party.study;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
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
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The question bank (题库). A question belongs to a place: a county's questions serve every
 * town and village below it, a town's serve its villages, a village's stay in the
 * village. A cadre therefore <em>reads</em> the questions of their scope and of the
 * places above it, and <em>writes</em> only those of their scope.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class QuestionBank {

	/** Record kind of a question in "not found" answers and audit rows. */
	public static final String QUESTION = "study-question";

	static final int LIST_LIMIT = 500;

	private static final String SELECT = "select q.id, q.place_code, q.org_path, q.kind, q.topic, q.text, q.options, "
			+ "q.correct, q.explanation, q.active, q.version from study_question q ";

	private final JdbcClient jdbc;

	private final Places places;

	private final AuditLog audit;

	private final Clock clock;

	QuestionBank(JdbcClient jdbc, Places places, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a cadre submits for a question. */
	public record Draft(String placeCode, QuestionKind kind, String topic, String text, List<String> options,
			Set<String> correct, String explanation) {

		public Draft {
			options = options == null ? List.of()
					: options.stream().map(o -> o == null ? "" : o.strip()).filter(o -> !o.isEmpty()).toList();
			correct = correct == null ? Set.of() : Set.copyOf(correct);
		}

		/** Options from a text with one option per line. */
		public static List<String> lines(String text) {
			return text == null ? List.of() : Arrays.stream(text.split("\\R")).toList();
		}

	}

	/**
	 * Questions the actor may use: of the scope and of the places above it, active ones
	 * unless asked, by topic.
	 */
	@Transactional(readOnly = true)
	public List<Question> usable(Actor actor, String topic, boolean withRetired) {
		Visible visible = visible(actor);
		String sql = SELECT + "where " + visible.sql() + (withRetired ? "" : " and q.active = true")
				+ (topic == null || topic.isBlank() ? "" : " and q.topic = :topic")
				+ " order by q.topic, q.id fetch first " + LIST_LIMIT + " rows only";
		JdbcClient.StatementSpec spec = jdbc.sql(sql).params(visible.params());
		if (topic != null && !topic.isBlank()) {
			spec = spec.param("topic", topic.strip());
		}
		return spec.query(QuestionBank::map).list();
	}

	/** The topics in use among the questions the actor may use. */
	@Transactional(readOnly = true)
	public List<String> topics(Actor actor) {
		Visible visible = visible(actor);
		return jdbc
			.sql("select distinct q.topic from study_question q where q.topic is not null and " + visible.sql()
					+ " order by q.topic")
			.params(visible.params())
			.query(String.class)
			.list();
	}

	/** A question the actor may use; else audited and not found. */
	public Question usable(Actor actor, long id) {
		Question q = find(id).orElseThrow(() -> new RecordNotFoundException(QUESTION, id));
		if (!mayRead(actor, q.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, QUESTION, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(QUESTION, id);
		}
		return q;
	}

	/** Questions by id, in the given order, whatever their scope (for scoring). */
	@Transactional(readOnly = true)
	public List<Question> byIds(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Question> found = new LinkedHashMap<>();
		jdbc.sql(SELECT + "where q.id in (:ids)")
			.param("ids", ids)
			.query(QuestionBank::map)
			.list()
			.forEach(q -> found.put(q.id(), q));
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Places whose bank the actor may add to: the places of their assignments. */
	@Transactional(readOnly = true)
	public List<Place> bankPlaces(Actor actor) {
		DataScope scope = PartyAccess.manageScope(actor);
		return scope.roots()
			.stream()
			.map(OrgPath::leafCode)
			.filter(java.util.Objects::nonNull)
			.map(places::find)
			.flatMap(java.util.Optional::stream)
			.filter(QuestionBank::holdsABank)
			.toList();
	}

	public Question create(Actor actor, Draft draft) {
		Place place = bankPlace(actor, draft.placeCode());
		Question.validate(draft.kind(), draft.text(), draft.options(), draft.correct());
		Timestamp now = Timestamp.from(clock.instant());
		var keyHolder = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into study_question (place_code, org_path, kind, topic, text, options, correct, explanation, "
				+ "active, version, created_by, created_at, updated_at) values (:place, :path, :kind, :topic, :text, "
				+ ":options, :correct, :explanation, true, 0, :by, :now, :now)")
			.param("place", place.code())
			.param("path", place.path().value())
			.param("kind", draft.kind().name())
			.param("topic", trimmed(draft.topic(), 100, "topic"))
			.param("text", draft.text().strip())
			.param("options", draft.kind().hasOptions() ? String.join("\n", draft.options()) : null)
			.param("correct", correctText(draft))
			.param("explanation", trimmed(draft.explanation(), 2000, "explanation"))
			.param("by", actor.username())
			.param("now", now)
			.update(keyHolder, "id");
		return find(keyHolder.getKey().longValue()).orElseThrow();
	}

	/** Changes a question of the actor's scope (its place stays). */
	public Question update(Actor actor, long id, Draft draft) {
		Question q = writable(actor, id);
		Question.validate(draft.kind(), draft.text(), draft.options(), draft.correct());
		jdbc.sql("update study_question set kind = :kind, topic = :topic, text = :text, options = :options, "
				+ "correct = :correct, explanation = :explanation, version = version + 1, updated_at = :now "
				+ "where id = :id")
			.param("kind", draft.kind().name())
			.param("topic", trimmed(draft.topic(), 100, "topic"))
			.param("text", draft.text().strip())
			.param("options", draft.kind().hasOptions() ? String.join("\n", draft.options()) : null)
			.param("correct", correctText(draft))
			.param("explanation", trimmed(draft.explanation(), 2000, "explanation"))
			.param("now", Timestamp.from(clock.instant()))
			.param("id", q.id())
			.update();
		return find(id).orElseThrow();
	}

	/**
	 * Retires a question (or brings it back): retired questions are not offered for new
	 * tests; tests and attempts that used them keep them.
	 */
	public Question setActive(Actor actor, long id, boolean active) {
		writable(actor, id);
		jdbc.sql("update study_question set active = :active, version = version + 1, updated_at = :now where id = :id")
			.param("active", active)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		return find(id).orElseThrow();
	}

	/** Whether the actor may use a question at {@code path}: in scope or above it. */
	boolean mayRead(Actor actor, OrgPath path) {
		DataScope scope = PartyAccess.readScope(actor);
		return scope.contains(path) || scope.roots().stream().anyMatch(root -> path.contains(root));
	}

	private Question writable(Actor actor, long id) {
		Question q = find(id).orElseThrow(() -> new RecordNotFoundException(QUESTION, id));
		if (!PartyAccess.manageScope(actor).contains(q.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, QUESTION, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(QUESTION, id);
		}
		return q;
	}

	private Place bankPlace(Actor actor, String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("placeCode", "party.study.question.place.required");
		}
		return places.find(code.strip())
			.filter(p -> PartyAccess.manageScope(actor).contains(p.path()))
			.filter(QuestionBank::holdsABank)
			.orElseThrow(() -> new InvalidInputException("placeCode", "party.study.question.place.invalid"));
	}

	/** Banks are kept by villages and the levels above; a grid has none. */
	static boolean holdsABank(Place place) {
		return !place.level().isAtOrBelow(PlaceLevel.GRID);
	}

	private java.util.Optional<Question> find(long id) {
		return jdbc.sql(SELECT + "where q.id = :id").param("id", id).query(QuestionBank::map).optional();
	}

	private static String correctText(Draft draft) {
		List<String> keys = new ArrayList<>(draft.correct());
		keys.sort(String::compareTo);
		return String.join(",", keys);
	}

	private static String trimmed(String text, int max, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > max) {
			throw new InvalidInputException(field, "party.study.field.tooLong");
		}
		return t;
	}

	/** The condition "in scope or above it" on {@code q.org_path}. */
	private record Visible(String sql, Map<String, Object> params) {
	}

	private Visible visible(Actor actor) {
		DataScope scope = PartyAccess.readScope(actor);
		DataScope.SqlCondition inScope = scope.condition("q.org_path");
		Set<String> above = new LinkedHashSet<>();
		for (OrgPath root : scope.roots()) {
			for (OrgPath p = root.parent(); p.depth() > 0; p = p.parent()) {
				above.add(p.value());
			}
		}
		Map<String, Object> params = new LinkedHashMap<>(inScope.params());
		if (above.isEmpty()) {
			return new Visible(inScope.sql(), params);
		}
		params.put("above", above);
		return new Visible("(" + inScope.sql() + " or q.org_path in (:above))", params);
	}

	static Question map(ResultSet rs, int row) throws SQLException {
		String options = rs.getString("options");
		List<String> list = options == null || options.isEmpty() ? List.of() : Arrays.asList(options.split("\n"));
		Set<String> correct = new LinkedHashSet<>(Arrays.asList(rs.getString("correct").split(",")));
		return new Question(rs.getLong("id"), rs.getString("place_code"), OrgPath.of(rs.getString("org_path")),
				QuestionKind.valueOf(rs.getString("kind")), rs.getString("topic"), rs.getString("text"), list, correct,
				rs.getString("explanation"), rs.getBoolean("active"), rs.getLong("version"));
	}

	static Set<String> keys(Collection<String> raw) {
		Set<String> keys = new LinkedHashSet<>();
		if (raw != null) {
			raw.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).forEach(keys::add);
		}
		return keys;
	}

}
