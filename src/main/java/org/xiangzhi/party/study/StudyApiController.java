package org.xiangzhi.party.study;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;

/**
 * JSON API of the study section for cadres and integration tokens: sessions of the scope,
 * their attendance, test and results, the question bank, and the summary per organisation
 * and town. A session or question outside the scope is "not found", exactly like a
 * missing one.
 */
@RestController
@RequestMapping(path = "/api/v1/party/study", produces = "application/json")
@Tag(name = "party-study", description = "党建: 三会一课, 主题党日, 理论课堂 and their tests (凡训必考)")
@PreAuthorize(PartyAccess.CAN_READ)
class StudyApiController {

	private final StudySessions sessions;

	private final QuestionBank bank;

	private final StudyResults results;

	private final MessageSource messages;

	StudyApiController(StudySessions sessions, QuestionBank bank, StudyResults results, MessageSource messages) {
		this.sessions = sessions;
		this.bank = bank;
		this.results = results;
		this.messages = messages;
	}

	// ---------------------------------------------------------------- sessions

	@GetMapping("/sessions")
	@Operation(summary = "Sessions of the caller's scope starting within the days, newest first")
	List<StudyJson.Session> sessions(
			@Parameter(description = "first day, yyyy-MM-dd (China time)") @RequestParam(required = false) String from,
			@Parameter(description = "last day, yyyy-MM-dd (China time)") @RequestParam(required = false) String to) {
		return sessions.list(CurrentActor.get(), StudyController.day(from), StudyController.day(to))
			.stream()
			.map(StudyJson.Session::of)
			.toList();
	}

	@PostMapping("/sessions")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Plans a session of an organisation of the caller's scope")
	ResponseEntity<StudyJson.Session> create(@RequestBody(required = false) StudyJson.SessionInput input) {
		StudyJson.SessionInput in = input == null ? new StudyJson.SessionInput(null, null, null, null, null, null, null)
				: input;
		StudySession s = sessions.create(CurrentActor.get(), in.form().toDraft());
		return ResponseEntity.status(HttpStatus.CREATED).body(StudyJson.Session.of(s));
	}

	@GetMapping("/sessions/{id}")
	@Operation(summary = "One session")
	StudyJson.Session session(@PathVariable long id) {
		return StudyJson.Session.of(sessions.get(CurrentActor.get(), id));
	}

	@PostMapping("/sessions/{id}")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Changes title, kind, time, place, agenda or materials (the organisation stays)")
	StudyJson.Session update(@PathVariable long id, @RequestBody(required = false) StudyJson.SessionInput input) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		StudyJson.SessionInput in = input == null ? new StudyJson.SessionInput(null, null, null, null, null, null, null)
				: input;
		return StudyJson.Session.of(sessions.update(actor, id, in.form().toDraft()));
	}

	@PostMapping("/sessions/{id}/state")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Opens check-in (to=OPEN) or closes the session (to=CLOSE); closing records absentees")
	StudyJson.Session state(@PathVariable long id, @RequestBody(required = false) StudyJson.StateInput input) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		SessionState.Transition t;
		try {
			t = SessionState.Transition.valueOf(input == null ? "" : String.valueOf(input.to()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("to", "party.study.transition.refused");
		}
		return StudyJson.Session.of(sessions.transition(actor, id, t));
	}

	@PostMapping("/sessions/{id}/test")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Sets the test: bank question ids in order and the pass mark (percent)")
	StudyJson.Session test(@PathVariable long id, @RequestBody(required = false) StudyJson.TestInput input) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		StudyJson.TestInput in = input == null ? new StudyJson.TestInput(List.of(), null) : input;
		return StudyJson.Session.of(sessions.setTest(actor, id, in.questionIds(), in.passMark()));
	}

	@GetMapping("/sessions/{id}/attendance")
	@Operation(summary = "The members of the session with their attendance and test results")
	List<StudyJson.Attendee> attendance(@PathVariable long id) {
		return results(id).members();
	}

	@PostMapping("/sessions/{id}/attendance")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Records a member's attendance by hand: PRESENT, EXCUSED (with a reason) or ABSENT")
	List<StudyJson.Attendee> mark(@PathVariable long id,
			@RequestBody(required = false) StudyJson.AttendanceInput input) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		AttendanceStatus status = null;
		if (input != null && input.status() != null) {
			try {
				status = AttendanceStatus.valueOf(input.status());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status", "party.study.attendance.status.required");
			}
		}
		sessions.mark(actor, id, input == null || input.memberId() == null ? null : new MemberId(input.memberId()),
				status, input == null ? null : input.reason());
		return results(id).members();
	}

	@GetMapping("/sessions/{id}/results")
	@Operation(summary = "Attendance rate, pass rate, average and every member's attempts and best score")
	StudyJson.Results results(@PathVariable long id) {
		StudySession s = sessions.get(CurrentActor.get(), id);
		StudyResults.SessionResults r = results.of(s);
		List<StudyJson.Attendee> members = sessions.roster(s).stream().map(line -> {
			StudyResults.MemberResult m = r.members().get(line.member().id());
			var a = line.attendance();
			return new StudyJson.Attendee(line.member().id().value(), line.member().name(),
					a == null ? null : a.status().name(), a == null ? null : a.method(), a == null ? null : a.reason(),
					a == null ? null : a.recordedAt(), m == null ? 0 : m.attempts(), m == null ? null : m.best(),
					m != null && m.passed());
		}).toList();
		return new StudyJson.Results(StudyJson.Session.of(s), StudyJson.Figures.of(r.figures()), members);
	}

	@GetMapping("/results")
	@Operation(summary = "Sessions of the period added up per organisation and per town")
	StudyJson.Summary summary(
			@Parameter(description = "first day, yyyy-MM-dd; default 1 January") @RequestParam(
					required = false) String from,
			@Parameter(description = "last day, yyyy-MM-dd; default today") @RequestParam(required = false) String to) {
		java.time.LocalDate end = StudyController.day(to) == null ? java.time.LocalDate.now(StudySession.ZONE)
				: StudyController.day(to);
		java.time.LocalDate start = StudyController.day(from) == null ? end.withDayOfYear(1)
				: StudyController.day(from);
		StudyResults.Summary s = results.summary(CurrentActor.get(), start, end);
		return new StudyJson.Summary(s.from().toString(), s.to().toString(),
				s.organisations().stream().map(StudyJson.Line::of).toList(),
				s.towns().stream().map(StudyJson.Line::of).toList(), StudyJson.Figures.of(s.total()));
	}

	// ---------------------------------------------------------------- questions

	@GetMapping("/questions")
	@Operation(summary = "Questions the caller may use: of the scope and of the places above it")
	List<StudyJson.Question> questions(@RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "false") boolean retired) {
		return bank.usable(CurrentActor.get(), topic, retired).stream().map(StudyJson.Question::of).toList();
	}

	@PostMapping("/questions")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Adds a question to the bank of a place of the caller's scope")
	ResponseEntity<StudyJson.Question> createQuestion(@RequestBody(required = false) StudyJson.QuestionInput input) {
		StudyJson.QuestionInput in = input == null
				? new StudyJson.QuestionInput(null, null, null, null, null, null, null) : input;
		Question q = bank.create(CurrentActor.get(), in.form().toDraft());
		return ResponseEntity.status(HttpStatus.CREATED).body(StudyJson.Question.of(q));
	}

	@GetMapping("/questions/{id}")
	@Operation(summary = "One question")
	StudyJson.Question question(@PathVariable long id) {
		return StudyJson.Question.of(bank.usable(CurrentActor.get(), id));
	}

	// ---------------------------------------------------------------- errors

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<StudyJson.Invalid> invalid(InvalidInputException ex, Locale locale) {
		List<StudyJson.FieldError> errors = ex.messageKeys()
			.stream()
			.map(key -> new StudyJson.FieldError(ex.field(), key, messages.getMessage(key, null, key, locale)))
			.toList();
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new StudyJson.Invalid(status.value(), "invalid", errors));
	}

}
