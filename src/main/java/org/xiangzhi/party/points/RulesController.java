package org.xiangzhi.party.points;

import java.util.List;
import java.util.Locale;

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
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The county's points rules (积分细则): every cadre of the county reads them; county and town
 * administrators add, change and switch off rules. Codes never change.
 */
@Controller
@RequestMapping("/party/points/rules")
@PreAuthorize(PartyAccess.CAN_READ)
class RulesController {

	/** Object type of rule changes in the audit log. */
	static final String RULE = "party-point-rule";

	private final RuleCatalog catalog;

	private final AuditLog audit;

	RulesController(RuleCatalog catalog, AuditLog audit) {
		this.catalog = catalog;
		this.audit = audit;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String county, @RequestParam(defaultValue = "") String edit,
			Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		Place place = county(actor, county, PartyAccess.READERS);
		RuleForm form = catalog.allOfCounty(place == null ? "" : place.code())
			.stream()
			.filter(r -> place != null && r.code().equals(edit))
			.findFirst()
			.map(r -> RuleForm.of(place.code(), r))
			.orElseGet(() -> {
				RuleForm f = new RuleForm();
				f.setCounty(place == null ? null : place.code());
				return f;
			});
		model.addAttribute("form", form);
		return view(place, model, locale);
	}

	@PostMapping
	@PreAuthorize(RuleCatalog.CAN_CONFIGURE)
	String save(@ModelAttribute("form") RuleForm form, BindingResult binding, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		Actor actor = CurrentActor.get();
		Place place = county(actor, form.getCounty() == null ? "" : form.getCounty(), RuleCatalog.CONFIGURERS);
		if (place == null) {
			throw new RecordNotFoundException("county", form.getCounty());
		}
		if (!binding.hasErrors()) {
			try {
				PointRule rule = form.toRule();
				boolean exists = catalog.allOfCounty(place.code()).stream().anyMatch(r -> r.code().equals(rule.code()));
				if (exists != form.isExisting()) {
					throw new InvalidInputException("code",
							exists ? "party.points.rule.code.taken" : "party.points.rule.code.unknown");
				}
				catalog.save(place.code(), rule);
				audit.record(AuditEntry.success(exists ? "PARTY_POINT_RULE_UPDATED" : "PARTY_POINT_RULE_CREATED", RULE,
						place.code() + ":" + rule.code()));
				redirect.addFlashAttribute("flash", "party.points.rule.saved");
				redirect.addAttribute("county", place.code());
				return "redirect:/party/points/rules";
			}
			catch (InvalidInputException ex) {
				FormErrors.reject(binding, ex);
			}
		}
		response.setStatus(422);
		return view(place, model, locale);
	}

	/**
	 * The county asked for (else the first) among those the actor sees with the roles;
	 * null if none.
	 */
	private Place county(Actor actor, String code, java.util.Set<org.xiangzhi.platform.Role> roles) {
		List<Place> counties = catalog.countiesFor(actor, roles);
		if (code.isBlank()) {
			return counties.stream().findFirst().orElse(null);
		}
		return counties.stream()
			.filter(p -> p.code().equals(code.strip()))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("county", code));
	}

	private String view(Place county, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		model.addAttribute("county", county);
		model.addAttribute("counties", catalog.countiesFor(actor, PartyAccess.READERS));
		model.addAttribute("rules", county == null ? List.of() : catalog.allOfCounty(county.code()));
		model.addAttribute("canConfigure",
				county != null && catalog.countiesFor(actor, RuleCatalog.CONFIGURERS)
					.stream()
					.anyMatch(p -> p.code().equals(county.code())));
		model.addAttribute("kinds", PointKind.values());
		model.addAttribute("lang", locale.getLanguage());
		return "party/points/rules";
	}

}
