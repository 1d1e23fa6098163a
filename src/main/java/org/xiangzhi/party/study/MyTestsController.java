package org.xiangzhi.party.study;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * A party member's phone pages: check-in by the session's QR code, my sessions and tests,
 * the test itself and my results with my answers. Only the member's own.
 */
@Controller
@PreAuthorize(PartyAccess.IS_MEMBER)
class MyTestsController {

	private final StudyTests tests;

	private final StudySessions sessions;

	private final AuditLog audit;

	MyTestsController(StudyTests tests, StudySessions sessions, AuditLog audit) {
		this.tests = tests;
		this.sessions = sessions;
		this.audit = audit;
	}

	// ------------------------------------------------------------ check-in

	/** What the QR code opens: the session and a check-in button (or why not). */
	@GetMapping("/party/study/checkin/{code}")
	String checkInPage(@PathVariable String code, Model model, HttpServletResponse response) {
		StudySession s = sessions.byCheckInCode(code);
		StudySessions.CheckIn preview = sessions.preview(CurrentActor.get().accountId(), s);
		return checkInView(s, code, preview, preview == StudySessions.CheckIn.CHECKED_IN, model, response);
	}

	@PostMapping("/party/study/checkin/{code}")
	String checkIn(@PathVariable String code, Model model, HttpServletResponse response) {
		StudySession s = sessions.byCheckInCode(code);
		StudySessions.CheckIn outcome;
		try {
			outcome = sessions.checkIn(CurrentActor.get().accountId(), code);
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// a second scan at the same moment: the first one counted
			outcome = StudySessions.CheckIn.ALREADY;
		}
		return checkInView(s, code, outcome, false, model, response);
	}

	private String checkInView(StudySession s, String code, StudySessions.CheckIn outcome, boolean ask, Model model,
			HttpServletResponse response) {
		response.setStatus(outcome.status());
		model.addAttribute("s", s);
		model.addAttribute("code", code);
		model.addAttribute("outcome", outcome);
		model.addAttribute("ask", ask);
		return "party/study/checkin";
	}

	// ------------------------------------------------------------ my tests

	@GetMapping("/party/me/tests")
	String mine(Model model) {
		Optional<MemberRef> member = tests.member(CurrentActor.get().accountId());
		model.addAttribute("member", member.orElse(null));
		model.addAttribute("sessions", member.map(tests::sessionsOf).orElse(List.of()));
		return "party/me-tests";
	}

	/** The test of a session, on the phone. */
	@GetMapping("/party/me/tests/{id}")
	String test(@PathVariable long id, Model model, HttpServletResponse response) {
		MemberRef member = member(StudySessions.SESSION, id);
		StudySession s = tests.sessionOf(member, id);
		return testView(member, s, model, response);
	}

	@PostMapping("/party/me/tests/{id}")
	String submit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			HttpServletResponse response) {
		MemberRef member = member(StudySessions.SESSION, id);
		StudySession s = tests.sessionOf(member, id);
		try {
			StudyTests.Attempt attempt = tests.submit(member, id, params.getFirst("submissionToken"), answers(params));
			return "redirect:/party/me/tests/attempts/" + attempt.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			return testView(member, s, model, response);
		}
	}

	/**
	 * My attempt: score, pass or fail, my answers with the right ones and explanations.
	 */
	@GetMapping("/party/me/tests/attempts/{id}")
	String attempt(@PathVariable long id, Model model) {
		MemberRef member = member(StudyTests.ATTEMPT, id);
		StudyTests.Attempt attempt = tests.ownAttempt(member, id);
		StudySession s = tests.sessionOf(member, attempt.sessionId());
		List<StudyTests.Attempt> all = tests.attempts(s.id(), member.id());
		model.addAttribute("s", s);
		model.addAttribute("attempt", attempt);
		model.addAttribute("answers", tests.answers(attempt));
		model.addAttribute("attempts", all);
		model.addAttribute("best", all.stream().mapToInt(StudyTests.Attempt::score).max().orElse(0));
		model.addAttribute("canRetake", tests.refusal(member, s).isEmpty());
		return "party/study/attempt";
	}

	private String testView(MemberRef member, StudySession s, Model model, HttpServletResponse response) {
		Optional<String> refusal = tests.refusal(member, s);
		model.addAttribute("s", s);
		model.addAttribute("refusal", refusal.orElse(null));
		if (refusal.isPresent()) {
			if (response.getStatus() == 200) {
				response.setStatus(409);
			}
		}
		else {
			model.addAttribute("questions", tests.questions(s));
			model.addAttribute("token", tests.newAttemptToken());
		}
		model.addAttribute("attempts", tests.attempts(s.id(), member.id()));
		return "party/study/take";
	}

	/**
	 * The signed-in member; an account linked to no member addresses nothing (audited,
	 * not found).
	 */
	private MemberRef member(String kind, long id) {
		return tests.member(CurrentActor.get().accountId()).orElseGet(() -> {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, kind, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(kind, id);
		});
	}

	/** {@code q<id>} → chosen keys. */
	static Map<Long, Set<String>> answers(MultiValueMap<String, String> params) {
		Map<Long, Set<String>> answers = new HashMap<>();
		params.forEach((name, values) -> {
			if (name.matches("q\\d{1,18}")) {
				Set<String> keys = new LinkedHashSet<>();
				values.stream().filter(v -> v != null && v.matches("[A-Z]")).forEach(keys::add);
				answers.put(Long.parseLong(name.substring(1)), keys);
			}
		});
		return answers;
	}

}
