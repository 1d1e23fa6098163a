package org.xiangzhi.cases.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.core.CategoryCatalog;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The county's category tree (案件分类设置) for county administrators: levels and time limits
 * (13710 unless overridden), add, edit and deactivate. Codes never change: Open311
 * clients know them.
 */
@Controller
@RequestMapping("/cases/categories")
@PreAuthorize(CaseAccess.CAN_CONFIGURE)
class CategorySettingsController {

	/** The object type of category changes in the audit log. */
	static final String CATEGORY = "case-category";

	static final int MAX_COUNTIES = 200;

	private final CategoryCatalog catalog;

	private final Places places;

	private final AuditLog audit;

	CategorySettingsController(CategoryCatalog catalog, Places places, AuditLog audit) {
		this.catalog = catalog;
		this.places = places;
		this.audit = audit;
	}

	/** One category as listed, with its effective limits. */
	record Row(CaseCategory category, boolean active, TimeLimits effective, int depth) {
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String county, @RequestParam(defaultValue = "") String edit,
			@RequestParam(defaultValue = "") String parent, Model model, Locale locale) {
		Place place = county(CurrentActor.get(), county);
		CategoryForm form = null;
		if (!edit.isBlank()) {
			List<CaseCategory> all = catalog.allOfCounty(place.code());
			Set<String> active = activeCodes(place.code());
			form = all.stream()
				.filter(c -> c.code().equals(edit))
				.findFirst()
				.map(c -> CategoryForm.of(place.code(), c, active.contains(c.code())))
				.orElse(null);
		}
		if (form == null) {
			form = new CategoryForm();
			form.setCounty(place.code());
			form.setParentCode(parent.isBlank() ? null : parent);
			form.setCode(parent.isBlank() ? "" : parent + ".");
		}
		model.addAttribute("form", form);
		return view(place, model, locale);
	}

	@PostMapping
	String save(@ModelAttribute("form") CategoryForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Place place = county(CurrentActor.get(), form.getCounty() == null ? "" : form.getCounty());
		if (binding.hasErrors()) {
			response.setStatus(422);
			return view(place, model, locale);
		}
		try {
			CaseCategory category = form.toCategory();
			List<CaseCategory> all = catalog.allOfCounty(place.code());
			boolean exists = all.stream().anyMatch(c -> c.code().equals(category.code()));
			if (!form.isExisting() && exists) {
				throw new InvalidInputException("code", "case.desk.category.code.taken");
			}
			if (form.isExisting() && !exists) {
				throw new InvalidInputException("code", "case.desk.category.code.unknown");
			}
			int index = 0;
			int sortOrder = all.size() * 10;
			for (CaseCategory c : all) {
				if (c.code().equals(category.code())) {
					sortOrder = index * 10;
				}
				index++;
			}
			catalog.save(place.code(), category, form.isActive(), sortOrder);
			audit.record(AuditEntry.success(exists ? "CASE_CATEGORY_UPDATED" : "CASE_CATEGORY_CREATED", CATEGORY,
					place.code() + ":" + category.code()));
		}
		catch (InvalidInputException ex) {
			for (String key : ex.messageKeys()) {
				if (ex.field() != null && binding.getFieldType(ex.field()) != null) {
					binding.rejectValue(ex.field(), key);
				}
				else {
					binding.reject(key);
				}
			}
			response.setStatus(422);
			return view(place, model, locale);
		}
		redirect.addFlashAttribute("flash", "case.desk.category.saved");
		redirect.addAttribute("county", place.code());
		return "redirect:/cases/categories";
	}

	/**
	 * The county asked for (or the first one) among the counties the actor configures.
	 */
	private Place county(Actor actor, String code) {
		DataScope scope = CaseAccess.configureScope(actor);
		if (!code.isBlank()) {
			return places.find(code.strip())
				.filter(p -> p.level() == PlaceLevel.COUNTY && scope.contains(p.path()))
				.orElseThrow(() -> new RecordNotFoundException("county", code));
		}
		return counties(scope).stream().findFirst().orElseThrow(() -> new RecordNotFoundException("county", code));
	}

	private List<Place> counties(DataScope scope) {
		List<Place> counties = places.within(scope, 20_000)
			.stream()
			.filter(p -> p.level() == PlaceLevel.COUNTY)
			.limit(MAX_COUNTIES)
			.toList();
		return counties;
	}

	private Set<String> activeCodes(String county) {
		Set<String> codes = new HashSet<>();
		catalog.forCounty(county).forEach(c -> codes.add(c.code()));
		return codes;
	}

	private String view(Place county, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		List<CaseCategory> all = catalog.allOfCounty(county.code());
		Set<String> active = activeCodes(county.code());
		// the county's display order, each sub-category right under its parent
		java.util.Map<String, Integer> position = new java.util.HashMap<>();
		for (CaseCategory c : all) {
			position.put(c.code(), position.size());
		}
		List<Row> rows = all.stream()
			.map(c -> new Row(c, active.contains(c.code()), catalog.limits(county.code(), c.code()),
					c.code().split("\\.").length - 1))
			.sorted(java.util.Comparator
				.comparing((Row r) -> position.getOrDefault(r.category().code().split("\\.")[0], -1))
				.thenComparing(r -> r.category().isTopLevel() ? 0 : 1)
				.thenComparing(r -> position.get(r.category().code())))
			.toList();
		model.addAttribute("county", county);
		model.addAttribute("counties", counties(CaseAccess.configureScope(actor)));
		model.addAttribute("rows", rows);
		model.addAttribute("parents", all.stream().filter(CaseCategory::isTopLevel).toList());
		model.addAttribute("levels", CaseCategory.HANDLING_LEVELS);
		model.addAttribute("lang", locale.getLanguage());
		return "cases/desk/categories";
	}

}
