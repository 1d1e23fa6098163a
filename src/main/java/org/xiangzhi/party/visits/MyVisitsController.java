package org.xiangzhi.party.visits;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Submissions;

/**
 * A party member's own visits, on the phone: the 必访 waiting for them with their
 * deadlines, the households linked to them, a short "log a visit" form and what they
 * logged lately. Nothing of another member is reachable from here.
 */
@Controller
@RequestMapping("/party/me/visits")
@PreAuthorize(PartyAccess.IS_MEMBER)
class MyVisitsController {

	private final Visits visits;

	private final Submissions submissions;

	MyVisitsController(Visits visits, Submissions submissions) {
		this.visits = visits;
		this.submissions = submissions;
	}

	@GetMapping
	String page(@RequestParam(required = false) Long household, @RequestParam(required = false) String kind,
			Model model) {
		VisitForm form = new VisitForm();
		form.setHouseholdId(household);
		if (kind != null) {
			form.setKind(kind);
		}
		model.addAttribute("form", form);
		return view(CurrentActor.get(), form, model);
	}

	@PostMapping
	String log(@ModelAttribute("form") VisitForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		if (visits.memberOf(actor).isEmpty()) {
			throw new RecordNotFoundException("party-member", actor.username());
		}
		form.setMemberId(null);
		try {
			VisitRecords.Logged logged = visits.logAsMember(actor, form.input(), form.photoBytes(),
					form.getSubmissionToken());
			redirect.addFlashAttribute("flash",
					logged.fulfilled() > 0 ? "party.visits.me.loggedMandatory" : "party.visits.logged");
			return "redirect:/party/me/visits";
		}
		catch (InvalidInputException ex) {
			VisitsController.reject(ex, binding);
			response.setStatus(422);
			return view(actor, form, model);
		}
	}

	@GetMapping("/photos/{id}")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		return VisitsController.photoResponse(visits.photo(CurrentActor.get(), id));
	}

	private String view(Actor actor, VisitForm form, Model model) {
		Optional<MemberRef> me = visits.memberOf(actor);
		model.addAttribute("me", me.orElse(null));
		if (me.isPresent()) {
			if (form.getSubmissionToken() == null || form.getSubmissionToken().isBlank()) {
				form.setSubmissionToken(submissions.issue(Visits.VISIT_FORM));
			}
			List<Task> open = visits.tasksOf(me.get(), Set.of(TaskStatus.OPEN), 100);
			model.addAttribute("open", open);
			model.addAttribute("households", visits.householdsOf(me.get()));
			model.addAttribute("visits", visits.visitsOf(me.get(), 20));
			model.addAttribute("closed",
					visits.tasksOf(me.get(), EnumSet.of(TaskStatus.DONE, TaskStatus.CANCELLED), 10));
		}
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("today", visits.today());
		model.addAttribute("policy", visits.policy());
		return "party/me-visits";
	}

}
