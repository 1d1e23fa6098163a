package org.xiangzhi.party.org;

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
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

/**
 * The organisation screens of branch secretaries and town organisers: the tree of their
 * area with member counts (women among them), one organisation with its members and
 * positions, creating and editing organisations, deactivating one, and adding a member
 * picked from the registry by name.
 */
@Controller
@RequestMapping("/party/orgs")
@PreAuthorize(PartyAccess.CAN_READ)
class OrgController {

	static final int MAX_PLACES = 1000;

	private final PartyOrgs orgs;

	private final PartyMembers members;

	private final OneTimeForms forms;

	private final Places places;

	OrgController(PartyOrgs orgs, PartyMembers members, OneTimeForms forms, Places places) {
		this.orgs = orgs;
		this.members = members;
		this.forms = forms;
		this.places = places;
	}

	@GetMapping
	String tree(Model model) {
		model.addAttribute("nodes", orgs.tree(CurrentActor.get()));
		return "party/org/tree";
	}

	@GetMapping("/new")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String form(@RequestParam(required = false) Long parent, @RequestParam(required = false) OrgKind kind,
			Model model) {
		model.addAttribute("form", new PartyForms.OrgForm(kind, parent, null, null, null, null, null, null,
				forms.issue(PartyOrgs.CREATE_FORM)));
		return formView(model);
	}

	@PostMapping
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String create(@ModelAttribute("form") PartyForms.OrgForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			long id = orgs.create(
					CurrentActor.get(), new PartyOrgs.NewOrg(form.kind(), form.parentId(), form.placeCode(),
							form.name(), form.purpose(), form.startsOn(), form.endsOn()),
					PartyForms.token(form.submissionToken()));
			redirect.addFlashAttribute("flash", "party.org.created");
			return "redirect:/party/orgs/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			model.addAttribute("form", form.withToken(forms.issue(PartyOrgs.CREATE_FORM)));
			return formView(model);
		}
	}

	private String formView(Model model) {
		Actor actor = CurrentActor.get();
		List<Place> choices = places.within(PartyAccess.manageScope(actor), MAX_PLACES)
			.stream()
			.filter(p -> p.level() == PlaceLevel.TOWN || p.level() == PlaceLevel.VILLAGE
					|| p.level() == PlaceLevel.GRID)
			.toList();
		model.addAttribute("places", choices);
		model.addAttribute("parents", orgs.openOrgs(actor));
		model.addAttribute("kinds", OrgKind.values());
		return "party/org/org-form";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		Actor actor = CurrentActor.get();
		PartyOrgs.OrgView org = orgs.require(actor, id);
		model.addAttribute("org", org);
		model.addAttribute("parent", org.parentId() == null ? null : orgs.find(org.parentId()).orElse(null));
		model.addAttribute("children", orgs.children(id));
		model.addAttribute("members", members.membersUnder(id));
		model.addAttribute("q", q);
		boolean manage = actor.hasAny(PartyAccess.MANAGERS);
		model.addAttribute("manage", manage);
		if (manage) {
			model.addAttribute("candidates", members.candidates(actor, org, q));
			model.addAttribute("categories", MemberCategory.values());
			model.addAttribute("today", orgs.today());
			model.addAttribute("memberToken", forms.issue(PartyMembers.ADD_FORM));
			model.addAttribute("deactivateToken", forms.issue(PartyOrgs.DEACTIVATE_FORM));
		}
		return "party/org/org";
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String edit(@PathVariable long id, Model model) {
		PartyOrgs.OrgView org = orgs.require(CurrentActor.get(), id);
		model.addAttribute("org", org);
		model.addAttribute("form", PartyForms.OrgForm.of(org, forms.issue(PartyOrgs.EDIT_FORM)));
		return "party/org/org-edit";
	}

	@PostMapping("/{id}")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String save(@PathVariable long id, @ModelAttribute("form") PartyForms.OrgForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		PartyOrgs.OrgView org = orgs.require(actor, id);
		try {
			orgs.edit(actor, id, new PartyOrgs.OrgEdit(form.name(), form.purpose(), form.startsOn(), form.endsOn(),
					form.version() == null ? -1 : form.version()), PartyForms.token(form.submissionToken()));
			redirect.addFlashAttribute("flash", "party.org.saved");
			return "redirect:/party/orgs/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("errorKeys", ex.messageKeys());
			model.addAttribute("org", org);
			model.addAttribute("form", form.withToken(forms.issue(PartyOrgs.EDIT_FORM)));
			return "party/org/org-edit";
		}
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String deactivate(@PathVariable long id, @RequestParam(required = false) String submissionToken,
			RedirectAttributes redirect) {
		return PartyForms.after("/party/orgs/" + id, redirect, "party.org.deactivated",
				() -> orgs.deactivate(CurrentActor.get(), id, PartyForms.token(submissionToken)));
	}

	@PostMapping("/{id}/members")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String addMember(@PathVariable long id, @ModelAttribute PartyForms.MemberForm form, RedirectAttributes redirect) {
		Actor actor = CurrentActor.get();
		orgs.require(PartyAccess.manageScope(actor), id);
		try {
			long member = members.add(actor, id, form.residentId(), form.joinedOn(), form.category(),
					PartyForms.token(form.submissionToken()));
			redirect.addFlashAttribute("flash", "party.member.added");
			return "redirect:/party/members/" + member;
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", List.copyOf(ex.messageKeys()));
			return "redirect:/party/orgs/" + id;
		}
	}

}
