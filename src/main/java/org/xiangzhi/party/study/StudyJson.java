package org.xiangzhi.party.study;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/** What the study JSON API shows and takes. */
final class StudyJson {

	private StudyJson() {
	}

	record Session(long id, long orgId, String orgName, String orgPath, String kind, String title,
			LocalDateTime startsAt, String location, String agenda, String materials, String state, int passMark,
			int questions, boolean hasTest, Instant openedAt, Instant closedAt, long version) {

		static Session of(StudySession s) {
			return new Session(s.id(), s.orgId().value(), s.orgName(), s.path().value(), s.kind().name(), s.title(),
					s.localStart(), s.location(), s.agenda(), s.materials(), s.state().name(), s.passMark(),
					s.questionCount(), s.hasTest(), s.openedAt(), s.closedAt(), s.version());
		}

	}

	/**
	 * A new session or its changes; {@code startsAt} in China time, e.g.
	 * 2026-07-07T09:00.
	 */
	record SessionInput(Long orgId, String kind, String title, String startsAt, String location, String agenda,
			String materials) {

		SessionForm form() {
			return new SessionForm(orgId == null ? null : orgId.toString(), kind, title, startsAt, location, agenda,
					materials);
		}

	}

	/** {@code to}: OPEN or CLOSE. */
	record StateInput(String to) {
	}

	record TestInput(List<Long> questionIds, Integer passMark) {
	}

	/** {@code status}: PRESENT, EXCUSED (with a reason) or ABSENT. */
	record AttendanceInput(Long memberId, String status, String reason) {
	}

	record Attendee(long memberId, String name, String status, String method, String reason, Instant recordedAt,
			int attempts, Integer best, boolean passed) {
	}

	record Results(Session session, Figures figures, List<Attendee> members) {
	}

	record Figures(int sessions, int withoutTest, int expected, int present, int excused, int takers, int passed,
			Integer attendanceRate, Integer passRate, Double average) {

		static Figures of(StudyResults.Figures f) {
			return new Figures(f.sessions(), f.withoutTest(), f.expected(), f.present(), f.excused(), f.takers(),
					f.passed(), f.attendanceRate(), f.passRate(), f.average());
		}

	}

	record Line(String key, String name, Figures figures) {

		static Line of(StudyResults.Line l) {
			return new Line(l.key(), l.name(), Figures.of(l.figures()));
		}

	}

	record Summary(String from, String to, List<Line> organisations, List<Line> towns, Figures total) {
	}

	/** A question; the correct keys are shown to cadres only (this API is theirs). */
	record Question(long id, String placeCode, String kind, String topic, String text, List<String> options,
			List<String> correct, String explanation, boolean active, long version) {

		static Question of(org.xiangzhi.party.study.Question q) {
			return new Question(q.id(), q.placeCode(), q.kind().name(), q.topic(), q.text(), q.options(),
					q.keys().stream().filter(q.correct()::contains).toList(), q.explanation(), q.active(), q.version());
		}

	}

	record QuestionInput(String placeCode, String kind, String topic, String text, List<String> options,
			List<String> correct, String explanation) {

		QuestionForm form() {
			return new QuestionForm(placeCode, kind, topic, text, options == null ? null : String.join("\n", options),
					correct, explanation);
		}

	}

	record FieldError(String field, String code, String message) {
	}

	record Invalid(int status, String error, List<FieldError> errors) {
	}

}
