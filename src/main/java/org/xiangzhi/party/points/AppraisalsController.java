package org.xiangzhi.party.points;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The democratic appraisal screen (民主评议): a unit's members with the year's result and
 * earlier ones, a form to record a result, and the counts per branch of the scope.
 */
@Controller
@RequestMapping("/party/points/appraisals")
@PreAuthorize(PartyAccess.CAN_READ)
class AppraisalsController {

	private final Appraisals appraisals;

	private final Units units;

	private final Clock clock;

	AppraisalsController(Appraisals appraisals, Units units, Clock clock) {
		this.appraisals = appraisals;
		this.units = units;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(defaultValue = "") String unit, @RequestParam(required = false) Integer year,
			Model model) {
		AppraisalForm form = new AppraisalForm();
		form.setYear(year == null ? defaultYear() : year);
		form.setAppraisedOn(today());
		model.addAttribute("form", form);
		return view(unit, form.getYear(), model);
	}

	@PostMapping
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String record(@ModelAttribute("form") AppraisalForm form, BindingResult binding,
			@RequestParam(defaultValue = "") String unit, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (!binding.hasErrors()) {
			try {
				appraisals.record(CurrentActor.get(), form.getMemberId(), form.getYear(), form.gradeOrNull(),
						form.getAppraisedOn(), form.getNote());
				redirect.addFlashAttribute("flash", "party.points.appraisal.saved");
				redirect.addAttribute("unit", unit);
				redirect.addAttribute("year", form.getYear());
				return "redirect:/party/points/appraisals";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		response.setStatus(422);
		return view(unit, form.getYear() == null ? defaultYear() : form.getYear(), model);
	}

	private String view(String unitCode, int year, Model model) {
		Actor actor = CurrentActor.get();
		DataScope scope = PartyAccess.readScope(actor);
		Units.Unit unit = units.chosen(unitCode, scope).orElse(null);
		List<Units.Unit> branches = units.branches(scope);
		Map<Units.Unit, Appraisals.Counts> counts = new LinkedHashMap<>();
		for (Units.Unit branch : branches) {
			counts.put(branch, appraisals.counts(branch.path(), year));
		}
		model.addAttribute("branches", branches);
		model.addAttribute("towns", units.towns(scope));
		model.addAttribute("unit", unit);
		model.addAttribute("year", year);
		model.addAttribute("years", List.of(today().getYear(), today().getYear() - 1, today().getYear() - 2));
		model.addAttribute("rows", unit == null ? List.of() : appraisals.rows(unit.path(), year));
		model.addAttribute("counts", counts);
		model.addAttribute("grades", AppraisalGrade.values());
		return "party/points/appraisals";
	}

	/** The appraisal of a year is held at its end or in the first quarter of the next. */
	private int defaultYear() {
		LocalDate today = today();
		return today.getMonthValue() <= 3 ? today.getYear() - 1 : today.getYear();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Awards.ZONE));
	}

}
