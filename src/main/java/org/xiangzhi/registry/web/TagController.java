package org.xiangzhi.registry.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.Place;
import org.xiangzhi.registry.household.TagSettings;

/** 标签设置: county and system administrators configure each county's tag lists. */
@Controller
@RequestMapping("/registry/tags")
@PreAuthorize(TagSettings.CAN_CONFIGURE)
class TagController {

	private final TagSettings settings;

	TagController(TagSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	String list(@RequestParam(required = false) String county, Model model) {
		Actor actor = CurrentActor.get();
		var counties = settings.counties(actor);
		model.addAttribute("counties", counties);
		if (county == null && counties.size() == 1) {
			county = counties.get(0).code();
		}
		if (county != null && !county.isBlank()) {
			Place place = settings.county(actor, county);
			model.addAttribute("county", place);
			model.addAttribute("householdTags", settings.tags(place.code(), "HOUSEHOLD"));
			model.addAttribute("residentTags", settings.tags(place.code(), "RESIDENT"));
			model.addAttribute("ownHousehold", settings.hasOwnList(place.code(), "HOUSEHOLD"));
			model.addAttribute("ownResident", settings.hasOwnList(place.code(), "RESIDENT"));
		}
		return "registry/tags";
	}

	@PostMapping
	String add(@RequestParam String county, @RequestParam String target, @RequestParam String code,
			@RequestParam String nameZh, @RequestParam String nameEn, RedirectAttributes redirect) {
		return Outcomes.redirect("/registry/tags?county=" + county, redirect, "registry.tags.added",
				() -> settings.add(CurrentActor.get(), county, target, code, nameZh, nameEn));
	}

	@PostMapping("/remove")
	String remove(@RequestParam String county, @RequestParam String target, @RequestParam String code,
			RedirectAttributes redirect) {
		return Outcomes.redirect("/registry/tags?county=" + county, redirect, "registry.tags.removed",
				() -> settings.remove(CurrentActor.get(), county, target, code));
	}

}
