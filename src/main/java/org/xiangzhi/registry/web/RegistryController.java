package org.xiangzhi.registry.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.Relation;
import org.xiangzhi.registry.ResidentStatus;
import org.xiangzhi.registry.household.HouseholdService;
import org.xiangzhi.registry.household.RegistryInputException;
import org.xiangzhi.registry.household.RegistryLookups;
import org.xiangzhi.registry.household.RegistryStore;

/**
 * The registry pages for cadres (户籍台账): the place tree with counts, resident search and
 * the resident page. Households are in {@link HouseholdController}.
 */
@Controller
@RequestMapping("/registry")
@PreAuthorize(RegistryAccess.CAN_READ)
class RegistryController {

	/** Times on the cards are shown in China Standard Time. */
	static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	private final HouseholdService service;

	RegistryController(HouseholdService service) {
		this.service = service;
	}

	@GetMapping
	String tree(Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		var roots = service.roots(actor);
		Map<String, HouseholdService.PlaceNode> nodes = new LinkedHashMap<>();
		for (var root : roots) {
			nodes.put(root.place().code(), service.node(actor, root.place().code(), false));
		}
		model.addAttribute("nodes", nodes.values());
		model.addAttribute("tagNames", tagNames(null, locale));
		return "registry/tree";
	}

	/** One node of the tree; the id is the place code. */
	@GetMapping("/places/{id}")
	String place(@PathVariable("id") String code, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		HouseholdService.PlaceNode node = service.node(actor, code, true);
		model.addAttribute("node", node);
		model.addAttribute("tagNames", tagNames(node.node().place().code(), locale));
		model.addAttribute("canCreate", HouseholdService.canEdit(actor, node.node().place().path().value())
				&& node.node().place().level().isAtOrBelow(org.xiangzhi.platform.PlaceLevel.VILLAGE));
		return "registry/place";
	}

	@GetMapping("/residents")
	String residents(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String idNumber,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String tag,
			@RequestParam(required = false) Long groupId, @RequestParam(defaultValue = "") String gridCode,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		var query = new RegistryStore.ResidentQuery(name, idNumber, phone, tag, groupId, gridCode, null);
		model.addAttribute("q", query);
		model.addAttribute("canRevealAny", !RegistryAccess.revealScope(CurrentActor.get()).isEmpty());
		model.addAttribute("result", service.searchResidents(CurrentActor.get(), query, page));
		model.addAttribute("tags", service.householdTags(""));
		model.addAttribute("residentTags", service.residentTags(""));
		model.addAttribute("tagNames", tagNames(null, locale));
		return htmx != null ? "registry/residents :: results" : "registry/residents";
	}

	@GetMapping("/residents/{id}")
	String resident(@PathVariable long id, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		RegistryStore.ResidentView resident = service.resident(actor, id);
		if (!model.containsAttribute("residentForm")) {
			model.addAttribute("residentForm", ResidentForm.of(resident));
		}
		return residentView(actor, resident, model, locale);
	}

	@PostMapping("/residents/{id}")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String updateResident(@PathVariable long id, @ModelAttribute("residentForm") ResidentForm form,
			BindingResult binding, Model model, RedirectAttributes redirect, Locale locale) {
		Actor actor = CurrentActor.get();
		try {
			service.updateResident(actor, id, form.toInput());
		}
		catch (InvalidInputException ex) {
			FormErrors.apply(ex, binding);
			return residentView(actor, service.resident(actor, id), model, locale);
		}
		redirect.addFlashAttribute("flash", "registry.resident.updated");
		return "redirect:/registry/residents/" + id;
	}

	@PostMapping("/residents/{id}/move")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String move(@PathVariable long id, @RequestParam(required = false) Long targetHouseholdId,
			@RequestParam(defaultValue = "") String relation, RedirectAttributes redirect) {
		return Outcomes.redirect("/registry/residents/" + id, redirect, "registry.resident.moved", () -> service
			.moveResident(CurrentActor.get(), id, targetHouseholdId == null ? -1 : targetHouseholdId, relation));
	}

	@PostMapping("/residents/{id}/status")
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	String status(@PathVariable long id, @RequestParam(defaultValue = "") String status, RedirectAttributes redirect) {
		ResidentStatus parsed = java.util.Arrays.stream(ResidentStatus.values())
			.filter(s -> s.name().equals(status))
			.findFirst()
			.orElse(null);
		return Outcomes.redirect("/registry/residents/" + id, redirect, "registry.resident.statusChanged",
				() -> service.setResidentStatus(CurrentActor.get(), id, parsed));
	}

	/** Reveals the ID number (audited); htmx swaps it into the page. */
	@PostMapping("/residents/{id}/id-number")
	@PreAuthorize(RegistryAccess.CAN_REVEAL)
	String revealIdNumber(@PathVariable long id, Model model) {
		model.addAttribute("value", service.revealIdNumber(CurrentActor.get(), id));
		return "registry/fragments :: revealed";
	}

	/** Reveals the phone (audited); htmx swaps it into the page. */
	@PostMapping("/residents/{id}/phone")
	@PreAuthorize(RegistryAccess.CAN_REVEAL)
	String revealPhone(@PathVariable long id, Model model) {
		model.addAttribute("value", service.revealPhone(CurrentActor.get(), id));
		return "registry/fragments :: revealed";
	}

	private String residentView(Actor actor, RegistryStore.ResidentView resident, Model model, Locale locale) {
		HouseholdService.HouseholdCard card = service.card(actor, resident.householdId());
		model.addAttribute("resident", resident);
		model.addAttribute("zone", ZONE);
		model.addAttribute("household", card.household());
		model.addAttribute("canEdit", card.canEdit());
		model.addAttribute("canReveal", card.canReveal());
		model.addAttribute("history", service.residentHistory(actor, resident.id()));
		model.addAttribute("residentTags", service.residentTags(card.household().villageCode()));
		model.addAttribute("tagNames", tagNames(card.household().villageCode(), locale));
		model.addAttribute("genders", Gender.values());
		model.addAttribute("relations", Relation.values());
		model.addAttribute("statuses", ResidentStatus.values());
		return "registry/resident";
	}

	/** Tag code → name in the user's language, for the tags of this village's county. */
	Map<String, String> tagNames(String villageCode, Locale locale) {
		String code = villageCode == null ? "" : villageCode;
		Map<String, String> names = new LinkedHashMap<>();
		for (RegistryLookups.TagDefinition tag : service.householdTags(code)) {
			names.put(tag.code(), tag.name(locale));
		}
		for (RegistryLookups.TagDefinition tag : service.residentTags(code)) {
			names.put(tag.code(), tag.name(locale));
		}
		return names;
	}

}
