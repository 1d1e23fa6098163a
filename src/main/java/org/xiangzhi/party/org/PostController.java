package org.xiangzhi.party.org;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

/**
 * 党员先锋岗 and 共产党员户 screens: the posts of the area with the members on duty, setting one
 * up, putting members on duty; the plaque list, hanging and taking down a plaque.
 */
@Controller
@PreAuthorize(PartyAccess.CAN_READ)
class PostController {

	static final int MAX_FOUND = 20;

	private final PioneerPosts posts;

	private final PartyMembers members;

	private final PartyOrgs orgs;

	private final OneTimeForms forms;

	private final Places places;

	PostController(PioneerPosts posts, PartyMembers members, PartyOrgs orgs, OneTimeForms forms, Places places) {
		this.posts = posts;
		this.members = members;
		this.orgs = orgs;
		this.forms = forms;
		this.places = places;
	}

	@GetMapping("/party/posts")
	String posts(Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("posts", posts.posts(actor));
		if (actor.hasAny(PartyAccess.MANAGERS)) {
			model.addAttribute("places",
					places.within(PartyAccess.manageScope(actor), OrgController.MAX_PLACES)
						.stream()
						.filter(p -> p.level().isAtOrBelow(PlaceLevel.TOWN))
						.toList());
			model.addAttribute("orgs", orgs.openOrgs(actor));
			model.addAttribute("postToken", forms.issue(PioneerPosts.POST_FORM));
		}
		return "party/org/posts";
	}

	@PostMapping("/party/posts")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String create(@ModelAttribute PartyForms.PostForm form, RedirectAttributes redirect) {
		try {
			long id = posts.create(CurrentActor.get(),
					new PioneerPosts.NewPost(form.name(), form.placeCode(), form.orgId(), form.purpose()),
					PartyForms.token(form.submissionToken()));
			redirect.addFlashAttribute("flash", "party.post.created");
			return "redirect:/party/posts/" + id;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", List.copyOf(ex.messageKeys()));
			return "redirect:/party/posts";
		}
	}

	@GetMapping("/party/posts/{id}")
	String post(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		Actor actor = CurrentActor.get();
		PioneerPosts.PostView post = posts.require(actor, id);
		model.addAttribute("post", post);
		model.addAttribute("q", q);
		if (actor.hasAny(PartyAccess.MANAGERS)) {
			model.addAttribute("found", found(actor, q));
			model.addAttribute("dutyToken", forms.issue(PioneerPosts.DUTY_FORM));
			java.util.Map<Long, String> offTokens = new java.util.HashMap<>();
			post.onDuty().forEach(d -> offTokens.put(d.memberId(), forms.issue(PioneerPosts.DUTY_FORM)));
			model.addAttribute("offTokens", offTokens);
			model.addAttribute("activeToken", forms.issue(PioneerPosts.ACTIVE_FORM));
		}
		return "party/org/post";
	}

	@PostMapping("/party/posts/{id}/duty")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String duty(@PathVariable long id, @ModelAttribute PartyForms.DutyForm form, RedirectAttributes redirect) {
		return PartyForms.after("/party/posts/" + id, redirect, "party.post.saved", () -> posts.duty(CurrentActor.get(),
				id, form.memberId(), !Boolean.FALSE.equals(form.onDuty()), PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/party/posts/{id}/active")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String active(@PathVariable long id, @ModelAttribute PartyForms.ActiveForm form, RedirectAttributes redirect) {
		return PartyForms.after("/party/posts/" + id, redirect, "party.post.saved",
				() -> posts.setActive(CurrentActor.get(), id, Boolean.TRUE.equals(form.active()),
						PartyForms.token(form.submissionToken())));
	}

	@GetMapping("/party/plaques")
	String plaques(@RequestParam(required = false) String q, Model model) {
		Actor actor = CurrentActor.get();
		List<PioneerPosts.PlaqueView> plaques = posts.plaques(actor);
		model.addAttribute("plaques", plaques);
		model.addAttribute("q", q);
		if (actor.hasAny(PartyAccess.MANAGERS)) {
			model.addAttribute("found", found(actor, q));
			model.addAttribute("today", orgs.today());
			model.addAttribute("plaqueToken", forms.issue(PioneerPosts.PLAQUE_FORM));
			java.util.Map<Long, String> removeTokens = new java.util.HashMap<>();
			plaques.stream()
				.filter(PioneerPosts.PlaqueView::current)
				.forEach(p -> removeTokens.put(p.id(), forms.issue(PioneerPosts.PLAQUE_REMOVE_FORM)));
			model.addAttribute("removeTokens", removeTokens);
		}
		return "party/org/plaques";
	}

	@PostMapping("/party/plaques")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String award(@ModelAttribute PartyForms.PlaqueForm form, RedirectAttributes redirect) {
		return PartyForms.after("/party/plaques", redirect, "party.plaque.awarded", () -> posts
			.award(CurrentActor.get(), form.memberId(), form.awardedOn(), PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/party/plaques/{id}/remove")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String remove(@PathVariable long id, @ModelAttribute PartyForms.DayForm form, RedirectAttributes redirect) {
		return PartyForms.after("/party/plaques", redirect, "party.plaque.removed",
				() -> posts.removePlaque(CurrentActor.get(), id, form.on(), PartyForms.token(form.submissionToken())));
	}

	private List<PartyMembers.MemberLine> found(Actor actor, String q) {
		if (q == null || q.isBlank()) {
			return List.of();
		}
		return members.search(actor, null, q, MAX_FOUND).stream().filter(l -> l.member().active()).toList();
	}

}
