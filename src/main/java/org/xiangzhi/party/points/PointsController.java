package org.xiangzhi.party.points;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
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
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Submissions;

/**
 * The points screen of branch secretaries and town organisers: the approval queue of the
 * scope, a proposal form, balances and the quarterly or yearly ranking of a branch or a
 * town. After an approval it shows how the member's rank changed.
 */
@Controller
@RequestMapping("/party/points")
@PreAuthorize(PartyAccess.CAN_READ)
class PointsController {

	private final Awards awards;

	private final Units units;

	private final RuleCatalog catalog;

	private final PartyDirectory directory;

	private final Submissions submissions;

	private final Clock clock;

	PointsController(Awards awards, Units units, RuleCatalog catalog, PartyDirectory directory, Submissions submissions,
			Clock clock) {
		this.awards = awards;
		this.units = units;
		this.catalog = catalog;
		this.directory = directory;
		this.submissions = submissions;
		this.clock = clock;
	}

	@GetMapping
	String page(@RequestParam(defaultValue = "") String unit, @RequestParam(defaultValue = "") String period,
			Model model, Locale locale) {
		AwardForm form = new AwardForm();
		form.setEarnedOn(today());
		model.addAttribute("form", form);
		return view(unit, period, model, locale);
	}

	@PostMapping("/awards")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String propose(@ModelAttribute("form") AwardForm form, BindingResult binding,
			@RequestParam(defaultValue = "") String unit, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		if (!binding.hasErrors()) {
			try {
				awards.propose(CurrentActor.get(), form.toNewAward(), form.getSubmissionToken());
				redirect.addFlashAttribute("flash", "party.points.award.proposed");
				redirect.addAttribute("unit", unit);
				return "redirect:/party/points";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		response.setStatus(422);
		return view(unit, "", model, locale);
	}

	@PostMapping("/awards/{id}/approve")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String approve(@PathVariable long id, @RequestParam(defaultValue = "") String unit, RedirectAttributes redirect,
			Locale locale) {
		return decided(() -> awards.approve(CurrentActor.get(), id), unit, redirect, locale);
	}

	@PostMapping("/awards/{id}/reject")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String unit, RedirectAttributes redirect, Locale locale) {
		return decided(() -> awards.reject(CurrentActor.get(), id, reason), unit, redirect, locale);
	}

	private String decided(java.util.function.Supplier<Awards.Decision> decision, String unit,
			RedirectAttributes redirect, Locale locale) {
		try {
			Awards.Decision d = decision.get();
			Award a = d.award();
			redirect.addFlashAttribute("flash",
					a.status() == AwardStatus.APPROVED ? "party.points.award.approved" : "party.points.award.rejected");
			if (a.status() == AwardStatus.APPROVED) {
				// plain strings: flash attributes live in the session
				redirect.addFlashAttribute("rankChange",
						new ArrayList<>(List.of(a.memberName(), Awards.signed(a.points()), d.period().yearText(),
								String.valueOf(d.period().quarter()), rank(d.rankBefore()), rank(d.rankAfter()),
								String.valueOf(d.pointsAfter()))));
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("pointsError", ex.messageKeys().get(0));
		}
		catch (AwardRefusedException ex) {
			redirect.addFlashAttribute("pointsError", ex.messageKey());
		}
		catch (IllegalAwardTransitionException ex) {
			redirect.addFlashAttribute("pointsError", ex.messageKey());
		}
		if (!unit.isBlank()) {
			redirect.addAttribute("unit", unit);
		}
		return "redirect:/party/points";
	}

	private static String rank(Integer rank) {
		return rank == null ? "-" : rank.toString();
	}

	private String view(String unitCode, String periodText, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		DataScope scope = PartyAccess.readScope(actor);
		Units.Unit unit = units.chosen(unitCode, scope).orElse(null);
		Period period = periodText.isBlank() ? Period.quarterOf(today())
				: Period.parse(periodText).orElse(Period.quarterOf(today()));
		AwardForm form = (AwardForm) model.getAttribute("form");
		if (form != null && (form.getSubmissionToken() == null || form.getSubmissionToken().isBlank())) {
			form.setSubmissionToken(submissions.issue(Awards.PROPOSE_FORM));
		}
		model.addAttribute("branches", units.branches(scope));
		model.addAttribute("towns", units.towns(scope));
		model.addAttribute("unit", unit);
		model.addAttribute("period", period);
		model.addAttribute("periods", periods(today()));
		DataScope manage = PartyAccess.manageScope(actor);
		if (unit != null) {
			model.addAttribute("queue",
					awards.list(manage, new Awards.Filter(AwardStatus.PROPOSED, unit.path(), null)));
			model.addAttribute("recent",
					awards.list(scope, new Awards.Filter(null, unit.path(), null))
						.stream()
						.filter(a -> a.status() != AwardStatus.PROPOSED)
						.limit(20)
						.toList());
			model.addAttribute("standings", awards.standings(unit.path(), period));
			model.addAttribute("balances", awards.balances(unit.path()));
			model.addAttribute("members", directory.activeMembersUnder(unit.path()));
			model.addAttribute("rules",
					catalog.countyOf(unit.path())
						.map(Place::code)
						.map(c -> catalog.allOfCounty(c).stream().filter(PointRule::active).toList())
						.orElse(List.of()));
		}
		else {
			model.addAttribute("queue", List.of());
			model.addAttribute("recent", List.of());
			model.addAttribute("standings", List.of());
			model.addAttribute("balances", List.of());
			model.addAttribute("members", List.of());
			model.addAttribute("rules", List.of());
		}
		model.addAttribute("lang", locale.getLanguage());
		return "party/points/index";
	}

	/** This year's quarters, this year and last year. */
	static List<Period> periods(LocalDate today) {
		List<Period> periods = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			periods.add(new Period(today.getYear(), q));
		}
		periods.add(Period.year(today.getYear()));
		periods.add(Period.year(today.getYear() - 1));
		return periods;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Awards.ZONE));
	}

}
