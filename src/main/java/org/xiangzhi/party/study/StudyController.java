package org.xiangzhi.party.study;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.QrCodes;

/**
 * The cadres' study screens (学习考试): sessions of the scope, a session with its QR code,
 * attendance, test and results, and the summary per organisation and town.
 */
@Controller
@RequestMapping("/party/study")
@PreAuthorize(PartyAccess.CAN_READ)
class StudyController {

	private final StudySessions sessions;

	private final QuestionBank bank;

	private final StudyResults results;

	private final String publicBaseUrl;

	StudyController(StudySessions sessions, QuestionBank bank, StudyResults results,
			@Value("${xiangzhi.public-base-url:}") String publicBaseUrl) {
		this.sessions = sessions;
		this.bank = bank;
		this.results = results;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	@GetMapping
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
		LocalDate start = day(from);
		LocalDate end = day(to);
		model.addAttribute("sessions", sessions.list(CurrentActor.get(), start, end));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		return "party/study/list";
	}

	@GetMapping("/results")
	String summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model) {
		LocalDate end = day(to) == null ? LocalDate.now(StudySession.ZONE) : day(to);
		LocalDate start = day(from) == null ? end.withDayOfYear(1) : day(from);
		model.addAttribute("summary", results.summary(CurrentActor.get(), start, end));
		return "party/study/results";
	}

	@GetMapping("/new")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String newForm(Model model) {
		return form(SessionForm.empty(), null, model);
	}

	@PostMapping("/new")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String create(@ModelAttribute SessionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			StudySession s = sessions.create(CurrentActor.get(), form.toDraft());
			redirect.addFlashAttribute("flash", "party.study.session.created");
			return "redirect:/party/study/" + s.id();
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			return form(form, null, model);
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.get();
		StudySession s = sessions.get(actor, id);
		model.addAttribute("s", s);
		model.addAttribute("roster", sessions.roster(s));
		model.addAttribute("results", results.of(s));
		model.addAttribute("questions", sessions.questions(id));
		model.addAttribute("testLocked", sessions.attempted(id));
		model.addAttribute("bank", bank.usable(actor, null, false));
		model.addAttribute("canManage", PartyAccess.manageScope(actor).contains(s.path()));
		model.addAttribute("statuses", AttendanceStatus.values());
		return "party/study/detail";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String editForm(@PathVariable long id, Model model) {
		StudySession s = sessions.get(CurrentActor.get(), id);
		return form(SessionForm.of(s), s, model);
	}

	@PostMapping("/{id}/edit")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String update(@PathVariable long id, @ModelAttribute SessionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		StudySession s = sessions.get(actor, id);
		try {
			sessions.update(actor, id, form.toDraft());
			redirect.addFlashAttribute("flash", "party.study.session.saved");
			return "redirect:/party/study/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			return form(form, s, model);
		}
	}

	/** Opens check-in or closes the session ({@code to} = OPEN or CLOSE). */
	@PostMapping("/{id}/state")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String transition(@PathVariable long id, @RequestParam(required = false) String to, RedirectAttributes redirect) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		return act(id, redirect, "party.study.session.saved", () -> {
			SessionState.Transition t;
			try {
				t = SessionState.Transition.valueOf(String.valueOf(to));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("to", "party.study.transition.refused");
			}
			sessions.transition(actor, id, t);
		});
	}

	@PostMapping("/{id}/test")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String test(@PathVariable long id, @RequestParam(required = false) List<Long> questionIds,
			@RequestParam(required = false) Integer passMark, RedirectAttributes redirect) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		return act(id, redirect, "party.study.test.saved",
				() -> sessions.setTest(actor, id, questionIds == null ? List.of() : questionIds, passMark));
	}

	@PostMapping("/{id}/attendance")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String attendance(@PathVariable long id, @RequestParam(required = false) Long memberId,
			@RequestParam(required = false) AttendanceStatus status, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.get();
		sessions.get(actor, id);
		return act(id, redirect, "party.study.attendance.saved",
				() -> sessions.mark(actor, id, memberId == null ? null : new MemberId(memberId), status, reason));
	}

	/** The QR code to show on the screen or print: members scan it to check in. */
	@GetMapping("/{id}/qr")
	String qr(@PathVariable long id, Model model, HttpServletRequest request) {
		StudySession s = sessions.get(CurrentActor.get(), id);
		String url = checkInUrl(s, request);
		model.addAttribute("s", s);
		model.addAttribute("url", url);
		model.addAttribute("qr", QrCodes.svgDataUri(url));
		return "party/study/qr";
	}

	/** The absolute address in the QR code. */
	String checkInUrl(StudySession s, HttpServletRequest request) {
		String base = publicBaseUrl.isBlank()
				? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
				: publicBaseUrl;
		return base + "/party/study/checkin/" + s.checkinCode();
	}

	private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", ex.messageKeys());
		}
		return "redirect:/party/study/" + id;
	}

	private String form(SessionForm form, StudySession s, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("s", s);
		model.addAttribute("orgs", sessions.organisers(CurrentActor.get()));
		model.addAttribute("kinds", SessionKind.values());
		return "party/study/form";
	}

	static LocalDate day(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
