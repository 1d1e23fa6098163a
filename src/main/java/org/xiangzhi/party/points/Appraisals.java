package org.xiangzhi.party.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;

/**
 * The annual democratic appraisal (民主评议): one result per member and year, recorded by the
 * branch. Recording a year again corrects that year's result (audited), so there is never
 * a second one.
 */
@Service
@Transactional
public class Appraisals {

	/** Object type of appraisal results in the audit log. */
	static final String APPRAISAL = "party-appraisal";

	private final JdbcClient jdbc;

	private final PartyDirectory directory;

	private final AuditLog audit;

	private final Clock clock;

	Appraisals(JdbcClient jdbc, PartyDirectory directory, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
	}

	/** One year's result. */
	public record Result(MemberId member, int year, AppraisalGrade grade, LocalDate appraisedOn, String note,
			String recordedBy) {
	}

	/**
	 * An active member of a unit with the year's result (null when not yet appraised) and
	 * earlier ones.
	 */
	public record Row(MemberId member, String name, Result result, List<Result> history) {
	}

	/**
	 * How many members of a unit got each grade in a year, and how many are not appraised
	 * yet.
	 */
	public record Counts(Map<AppraisalGrade, Integer> byGrade, int pending) {

		public int of(AppraisalGrade grade) {
			return byGrade.getOrDefault(grade, 0);
		}

	}

	/**
	 * Records (or corrects) a member's result of a year.
	 * @throws InvalidInputException {@code party.points.appraisal.*}
	 */
	public void record(Actor actor, Long memberId, Integer year, AppraisalGrade grade, LocalDate on, String note) {
		if (memberId == null) {
			throw new InvalidInputException("memberId", "party.points.award.member.required");
		}
		MemberRef member = directory.member(new MemberId(memberId), PartyAccess.manageScope(actor))
			.orElseThrow(() -> new InvalidInputException("memberId", "party.points.award.member.unknown"));
		LocalDate today = LocalDate.now(clock.withZone(Awards.ZONE));
		if (year == null || year < 2000 || year > today.getYear()) {
			throw new InvalidInputException("year", "party.points.appraisal.year.invalid");
		}
		if (grade == null) {
			throw new InvalidInputException("grade", "party.points.appraisal.grade.required");
		}
		LocalDate day = on == null ? today : on;
		// the appraisal of a year is held at its end or early in the next
		if (day.isAfter(today) || day.getYear() < year || day.getYear() > year + 1) {
			throw new InvalidInputException("appraisedOn", "party.points.appraisal.date.invalid");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw new InvalidInputException("note", "party.points.appraisal.note.long");
		}
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc
			.sql("update party_appraisal set grade = :grade, appraised_on = :on, note = :note, recorded_by = :by, "
					+ "recorded_at = :now, org_path = :path, version = version + 1 where member_id = :m "
					+ "and appraisal_year = :year")
			.param("grade", grade.name())
			.param("on", day)
			.param("note", text)
			.param("by", actor.username())
			.param("now", now)
			.param("path", member.path().value())
			.param("m", memberId)
			.param("year", year)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into party_appraisal (member_id, org_path, appraisal_year, grade, appraised_on, note, "
					+ "recorded_by, recorded_at) values (:m, :path, :year, :grade, :on, :note, :by, :now)")
				.param("m", memberId)
				.param("path", member.path().value())
				.param("year", year)
				.param("grade", grade.name())
				.param("on", day)
				.param("note", text)
				.param("by", actor.username())
				.param("now", now)
				.update();
		}
		audit.record(AuditEntry.success(updated == 0 ? "PARTY_APPRAISAL_RECORDED" : "PARTY_APPRAISAL_CORRECTED",
				APPRAISAL, memberId + ":" + year));
	}

	/** A member's results, newest year first. */
	@Transactional(readOnly = true)
	public List<Result> history(MemberId member) {
		return jdbc
			.sql("select member_id, appraisal_year, grade, appraised_on, note, recorded_by from party_appraisal "
					+ "where member_id = :m order by appraisal_year desc")
			.param("m", member.value())
			.query(Appraisals::map)
			.list();
	}

	/**
	 * The active members under the unit, by name, with the year's result and their
	 * history.
	 */
	@Transactional(readOnly = true)
	public List<Row> rows(OrgPath unit, int year) {
		Map<Long, List<Result>> byMember = new HashMap<>();
		jdbc.sql("select p.member_id, p.appraisal_year, p.grade, p.appraised_on, p.note, p.recorded_by "
				+ "from party_appraisal p join party_member m on m.id = p.member_id where m.org_path like :unit "
				+ "order by p.appraisal_year desc")
			.param("unit", unit.value() + "%")
			.query(Appraisals::map)
			.list()
			.forEach(r -> byMember.computeIfAbsent(r.member().value(), k -> new ArrayList<>()).add(r));
		return directory.activeMembersUnder(unit).stream().map(m -> {
			List<Result> all = byMember.getOrDefault(m.id().value(), List.of());
			Result current = all.stream().filter(r -> r.year() == year).findFirst().orElse(null);
			return new Row(m.id(), m.name(), current, all.stream().filter(r -> r.year() != year).toList());
		}).toList();
	}

	/** The counts of a unit's year. */
	@Transactional(readOnly = true)
	public Counts counts(OrgPath unit, int year) {
		Map<AppraisalGrade, Integer> byGrade = new EnumMap<>(AppraisalGrade.class);
		int pending = 0;
		for (Row row : rows(unit, year)) {
			if (row.result() == null) {
				pending++;
			}
			else {
				byGrade.merge(row.result().grade(), 1, Integer::sum);
			}
		}
		return new Counts(byGrade, pending);
	}

	private static Result map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Result(new MemberId(rs.getLong("member_id")), rs.getInt("appraisal_year"),
				AppraisalGrade.valueOf(rs.getString("grade")), rs.getObject("appraised_on", LocalDate.class),
				rs.getString("note"), rs.getString("recorded_by"));
	}

}
