package org.xiangzhi.registry.places;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.places.GridService.Duty;

/**
 * Screens for a village's villager groups and grids and a grid's staff (网格管理), for
 * importers inside their scope. Every form posts and redirects back (also without
 * JavaScript); a refused value comes back as a message on the page.
 */
@Controller
@RequestMapping("/registry/grids")
@PreAuthorize(RegistryAccess.CAN_IMPORT)
class GridController {

	private final GridService service;

	GridController(GridService service) {
		this.service = service;
	}

	/** The villages the caller may organise. */
	@GetMapping
	String villages(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("villages", service.villages(CurrentActor.get(), q, 200));
		return "registry/grids/villages";
	}

	@GetMapping("/villages/{id}")
	String village(@PathVariable("id") String code, Model model) {
		Actor actor = CurrentActor.get();
		Place village = service.village(code, RegistryAccess.importScope(actor));
		model.addAttribute("village", village);
		model.addAttribute("groups", service.groupsOf(code));
		model.addAttribute("grids", service.gridsOf(code));
		return "registry/grids/village";
	}

	@PostMapping("/villages/{id}/groups")
	String addGroup(@PathVariable("id") String code, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		return guarded(villageUrl(code), redirect, "places.group.created",
				() -> service.addGroup(CurrentActor.get(), code, parseNumber(number), name));
	}

	@PostMapping("/villages/{id}/groups/rename")
	String renameGroup(@PathVariable("id") String code, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		return guarded(villageUrl(code), redirect, "places.group.renamed",
				() -> service.renameGroup(CurrentActor.get(), code, parseNumber(number), name));
	}

	@PostMapping("/villages/{id}/groups/delete")
	String deleteGroup(@PathVariable("id") String code, @RequestParam(defaultValue = "") String number,
			RedirectAttributes redirect) {
		return guarded(villageUrl(code), redirect, "places.group.deleted",
				() -> service.deleteGroup(CurrentActor.get(), code, parseNumber(number)));
	}

	@PostMapping("/villages/{id}/grids")
	String addGrid(@PathVariable("id") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String boundary, @RequestParam(defaultValue = "") String centreLat,
			@RequestParam(defaultValue = "") String centreLng, RedirectAttributes redirect) {
		Actor actor = CurrentActor.get();
		service.village(code, RegistryAccess.importScope(actor));
		try {
			Place grid = service.createGrid(actor, code, name, boundary, parseCoordinate(centreLat),
					parseCoordinate(centreLng));
			redirect.addFlashAttribute("flash", "places.grid.created");
			return "redirect:/registry/grids/" + grid.code();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", ex.messageKeys());
			return "redirect:" + villageUrl(code);
		}
	}

	@GetMapping("/{id}")
	String grid(@PathVariable("id") String code, Model model) {
		GridService.GridView grid = service.grid(code, RegistryAccess.importScope(CurrentActor.get()));
		model.addAttribute("grid", grid);
		model.addAttribute("duties", Duty.values());
		return "registry/grids/grid";
	}

	@PostMapping("/{id}")
	String updateGrid(@PathVariable("id") String code, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String boundary, @RequestParam(defaultValue = "") String centreLat,
			@RequestParam(defaultValue = "") String centreLng, RedirectAttributes redirect) {
		return guarded(gridUrl(code), redirect, "places.grid.updated", () -> service.updateGrid(CurrentActor.get(),
				code, name, boundary, parseCoordinate(centreLat), parseCoordinate(centreLng)));
	}

	@PostMapping("/{id}/micro-grids")
	String addMicroGrid(@PathVariable("id") String code, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		Actor actor = CurrentActor.get();
		service.gridPlace(code, RegistryAccess.importScope(actor));
		return guarded(gridUrl(code), redirect, "places.grid.created",
				() -> service.createGrid(actor, code, name, null, null, null));
	}

	@PostMapping("/{id}/staff")
	String addStaff(@PathVariable("id") String code, @RequestParam(defaultValue = "") String personName,
			@RequestParam(required = false) List<String> duties, RedirectAttributes redirect) {
		return guarded(gridUrl(code), redirect, "places.staff.added",
				() -> service.addStaff(CurrentActor.get(), code, personName, parseDuties(duties)));
	}

	@PostMapping("/{id}/staff/remove")
	String removeStaff(@PathVariable("id") String code, @RequestParam(defaultValue = "") String staffId,
			RedirectAttributes redirect) {
		return guarded(gridUrl(code), redirect, "places.staff.removed",
				() -> service.removeStaff(CurrentActor.get(), code, parseId(staffId)));
	}

	private static String villageUrl(String code) {
		return "/registry/grids/villages/" + code;
	}

	private static String gridUrl(String code) {
		return "/registry/grids/" + code;
	}

	private static String guarded(String back, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", ex.messageKeys());
		}
		return "redirect:" + back;
	}

	static int parseNumber(String value) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static long parseId(String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("staffId", "places.staff.unknown");
		}
	}

	static Double parseCoordinate(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("centre", "places.centre.range");
		}
	}

	private static Set<Duty> parseDuties(List<String> duties) {
		Set<Duty> out = EnumSet.noneOf(Duty.class);
		if (duties != null) {
			for (String d : duties) {
				try {
					out.add(Duty.valueOf(d));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("duties", "places.staff.duties");
				}
			}
		}
		return out;
	}

}
