package org.xiangzhi.cases.mediation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;

/**
 * 周排查: the villages of the cadre's area with their report of a week (default: the current
 * week), the form to report, and the villages missing for the past week.
 */
@Controller
@PreAuthorize(CaseAccess.CAN_HANDLE)
class ScreeningController {

	private final Screenings screenings;

	private final Clock clock;

	ScreeningController(Screenings screenings, Clock clock) {
		this.screenings = screenings;
		this.clock = clock;
	}

	/** A village's report of a week. */
	record ScreeningForm(String village, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStart,
			Boolean zeroReport, Integer disputeCount, String note) {
	}

	@GetMapping("/cases/screening")
	String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
			Model model) {
		Actor actor = CurrentActor.get();
		LocalDate current = WeekOf.monday(clock.instant());
		LocalDate shown = week == null ? current : WeekOf.monday(week);
		if (shown.isAfter(current)) {
			shown = current;
		}
		LocalDate past = current.minusWeeks(1);
		List<Screenings.Line> lines = screenings.week(actor, shown);
		model.addAttribute("week", shown);
		model.addAttribute("weekEnd", shown.plusDays(6));
		model.addAttribute("previousWeek", shown.minusWeeks(1));
		model.addAttribute("nextWeek", shown.isBefore(current) ? shown.plusWeeks(1) : null);
		model.addAttribute("lines", lines);
		model.addAttribute("pastWeek", past);
		model.addAttribute("missingPast",
				screenings.week(actor, past).stream().filter(Screenings.Line::missing).toList());
		return "cases/mediation/screening";
	}

	@PostMapping("/cases/screening")
	String record(@ModelAttribute ScreeningForm form, RedirectAttributes redirect) {
		String target = "/cases/screening" + (form.weekStart() == null ? "" : "?week=" + form.weekStart());
		return Redirects.after(target, redirect, "screening.recorded",
				() -> screenings.record(CurrentActor.get(), form.village(), form.weekStart(),
						Boolean.TRUE.equals(form.zeroReport()), form.disputeCount(), form.note()));
	}

}
