package org.xiangzhi.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.Relation;
import org.xiangzhi.registry.household.HouseholdService;
import org.xiangzhi.registry.household.RegistryInputException;

/** Household pages (户卡): the card with its members, the new form and every change. */
@Controller
@RequestMapping("/registry/households")
@PreAuthorize(RegistryAccess.CAN_READ)
class HouseholdController {

	private final HouseholdService service;

	private final RegistryController registry;

	HouseholdController(HouseholdService service, RegistryController registry) {
		this.service = service;
		this.registry = registry;
	}

	@GetMapping("/new")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String newForm(@RequestParam(defaultValue = "") String village, Model model, Locale locale) {
		HouseholdForm form = new HouseholdForm();
		form.setVillageCode(village);
		form.getHead().setRelation(Relation.HEAD.name());
		model.addAttribute("form", form);
		return newView(form, model, locale);
	}

	@PostMapping
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String create(@ModelAttribute("form") HouseholdForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, Locale locale) {
		if (binding.hasErrors()) {
			return newView(form, model, locale);
		}
		List<HouseholdService.ResidentInput> members = new ArrayList<>();
		if (!form.getHead().isEmpty()) {
			members.add(form.getHead().toInput());
		}
		try {
			long id = service.createHousehold(CurrentActor.get(), form.toInput(), members);
			redirect.addFlashAttribute("flash", "registry.household.created");
			return "redirect:/registry/households/" + id;
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, binding);
			return newView(form, model, locale);
		}
	}

	@GetMapping("/{id}")
	String card(@PathVariable long id, Model model, Locale locale) {
		return cardView(id, model, locale);
	}

	@PostMapping("/{id}")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String update(@PathVariable long id, @ModelAttribute("editForm") HouseholdForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, Locale locale) {
		Actor actor = CurrentActor.get();
		try {
			service.updateHousehold(actor, id, form.toInput());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, binding);
			model.addAttribute("open", "edit");
			return cardView(id, model, locale);
		}
		redirect.addFlashAttribute("flash", "registry.household.updated");
		return "redirect:/registry/households/" + id;
	}

	@PostMapping("/{id}/residents")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String addMember(@PathVariable long id, @ModelAttribute("memberForm") ResidentForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, Locale locale) {
		try {
			service.addResident(CurrentActor.get(), id, form.toInput());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, binding);
			model.addAttribute("open", "member");
			return cardView(id, model, locale);
		}
		redirect.addFlashAttribute("flash", "registry.resident.created");
		return "redirect:/registry/households/" + id;
	}

	@PostMapping("/{id}/head")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String head(@PathVariable long id, @RequestParam(required = false) Long residentId, RedirectAttributes redirect) {
		return Outcomes.redirect("/registry/households/" + id, redirect, "registry.household.headChanged",
				() -> service.setHead(CurrentActor.get(), id, residentId == null ? -1 : residentId));
	}

	@PostMapping("/{id}/split")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String split(@PathVariable long id, @RequestParam(required = false) List<Long> residentIds,
			@RequestParam(defaultValue = "") String address, RedirectAttributes redirect) {
		long[] created = { 0 };
		String target = Outcomes.redirect("/registry/households/" + id, redirect, "registry.household.splitDone",
				() -> created[0] = service.split(CurrentActor.get(), id, residentIds, address));
		return created[0] > 0 ? "redirect:/registry/households/" + created[0] : target;
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String merge(@PathVariable long id, @RequestParam(required = false) Long sourceId, RedirectAttributes redirect) {
		return Outcomes.redirect("/registry/households/" + id, redirect, "registry.household.merged",
				() -> service.merge(CurrentActor.get(), id, sourceId == null ? -1 : sourceId));
	}

	private String cardView(long id, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		HouseholdService.HouseholdCard card = service.card(actor, id);
		String village = card.household().villageCode();
		model.addAttribute("card", card);
		model.addAttribute("zone", RegistryController.ZONE);
		if (!model.containsAttribute("editForm")) {
			model.addAttribute("editForm", HouseholdForm.of(card.household()));
		}
		if (!model.containsAttribute("memberForm")) {
			model.addAttribute("memberForm", new ResidentForm());
		}
		model.addAttribute("householdTags", service.householdTags(village));
		model.addAttribute("residentTags", service.residentTags(village));
		model.addAttribute("tagNames", registry.tagNames(village, locale));
		model.addAttribute("groups", service.groups(village));
		model.addAttribute("grids", service.grids(village));
		model.addAttribute("genders", Gender.values());
		model.addAttribute("relations", Relation.values());
		return "registry/household";
	}

	private String newView(HouseholdForm form, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		List<Place> villages = service.editableVillages(actor);
		String village = form.getVillageCode();
		if ((village == null || village.isBlank()) && villages.size() == 1) {
			village = villages.get(0).code();
			form.setVillageCode(village);
		}
		String code = village == null ? "" : village;
		model.addAttribute("villages", villages);
		model.addAttribute("groups", service.groups(code));
		model.addAttribute("grids", service.grids(code));
		model.addAttribute("householdTags", service.householdTags(code));
		model.addAttribute("residentTags", service.residentTags(code));
		model.addAttribute("genders", Gender.values());
		model.addAttribute("relations", Relation.values());
		return "registry/household-new";
	}

}
