package org.xiangzhi.party.study;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
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
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;

/**
 * The question bank screen (题库): the questions a cadre may use (of their scope and of the
 * places above it), by topic; adding to and editing the banks of their scope.
 */
@Controller
@RequestMapping("/party/study/questions")
@PreAuthorize(PartyAccess.CAN_READ)
class QuestionController {

	private final QuestionBank bank;

	QuestionController(QuestionBank bank) {
		this.bank = bank;
	}

	@GetMapping
	String list(@RequestParam(required = false) String topic, @RequestParam(defaultValue = "false") boolean retired,
			Model model) {
		List<Place> places = bank.bankPlaces(CurrentActor.get());
		return list(topic, retired, QuestionForm.empty(places.isEmpty() ? null : places.get(0).code()), model);
	}

	@PostMapping
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String create(@ModelAttribute QuestionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			bank.create(CurrentActor.get(), form.toDraft());
			redirect.addFlashAttribute("flash", "party.study.question.created");
			return "redirect:/party/study/questions";
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			return list(null, false, form, model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.get();
		Question q = bank.usable(actor, id);
		return edit(q, QuestionForm.of(q), model);
	}

	@PostMapping("/{id}")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String update(@PathVariable long id, @ModelAttribute QuestionForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		try {
			bank.update(actor, id, form.toDraft());
			redirect.addFlashAttribute("flash", "party.study.question.saved");
			return "redirect:/party/study/questions/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			return edit(bank.usable(actor, id), form, model);
		}
	}

	/** Retires a question ({@code active=false}) or brings it back. */
	@PostMapping("/{id}/active")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String active(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active,
			RedirectAttributes redirect) {
		bank.setActive(CurrentActor.get(), id, active);
		redirect.addFlashAttribute("flash", "party.study.question.saved");
		return "redirect:/party/study/questions/" + id;
	}

	private String list(String topic, boolean retired, QuestionForm form, Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("questions", bank.usable(actor, topic, retired));
		model.addAttribute("topics", bank.topics(actor));
		model.addAttribute("topic", topic);
		model.addAttribute("retired", retired);
		model.addAttribute("places", bank.bankPlaces(actor));
		model.addAttribute("form", form);
		model.addAttribute("kinds", QuestionKind.values());
		model.addAttribute("keys", keys());
		return "party/study/questions";
	}

	private String edit(Question q, QuestionForm form, Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("q", q);
		model.addAttribute("form", form);
		model.addAttribute("canEdit", PartyAccess.manageScope(actor).contains(q.path()));
		model.addAttribute("kinds", QuestionKind.values());
		model.addAttribute("keys", keys());
		return "party/study/question";
	}

	static List<String> keys() {
		return java.util.stream.IntStream.range(0, Question.MAX_OPTIONS).mapToObj(Question::key).toList();
	}

}
