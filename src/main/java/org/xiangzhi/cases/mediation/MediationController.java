package org.xiangzhi.cases.mediation;

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
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;

/**
 * 调解: the mediation page of a dispute case, for the cadres and mediators whose area the
 * case lies in. Not a dispute, not in scope, or missing: the same 404.
 */
@Controller
@RequestMapping("/cases/{id}/mediation")
@PreAuthorize(CaseAccess.CAN_HANDLE)
class MediationController {

	private final Mediations mediations;

	private final Revisits revisits;

	MediationController(Mediations mediations, Revisits revisits) {
		this.mediations = mediations;
		this.revisits = revisits;
	}

	@GetMapping
	String page(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("view", mediations.view(actor, id));
		model.addAttribute("q", q);
		model.addAttribute("candidates", mediations.candidates(actor, q));
		model.addAttribute("revisits", revisits.ofCase(id));
		model.addAttribute("kinds", MediatorKind.values());
		model.addAttribute("outcomes", MediationOutcome.values());
		return "cases/mediation/mediation";
	}

	@PostMapping
	String mediator(@PathVariable long id, @ModelAttribute MediationForms.MediatorForm form,
			RedirectAttributes redirect) {
		return Redirects.after(target(id), redirect, "mediation.saved",
				() -> mediations.setMediator(CurrentActor.get(), id, form.mediatorKind(), form.mediatorName()));
	}

	@PostMapping("/parties")
	String party(@PathVariable long id, @ModelAttribute MediationForms.PartyForm form, RedirectAttributes redirect) {
		return Redirects.after(target(id), redirect, "mediation.party.added",
				() -> mediations.addParty(CurrentActor.get(), id, form.residentId(), form.name(), form.side()));
	}

	@PostMapping("/sessions")
	String session(@PathVariable long id, @ModelAttribute MediationForms.SessionForm form,
			RedirectAttributes redirect) {
		return Redirects.after(target(id), redirect, "mediation.session.added",
				() -> mediations.addSession(CurrentActor.get(), id, form.heldOn(), form.location(), form.recordText()));
	}

	@PostMapping("/agreement")
	String agreement(@PathVariable long id, @ModelAttribute MediationForms.AgreementForm form,
			RedirectAttributes redirect) {
		return Redirects.after(target(id), redirect, "mediation.saved",
				() -> mediations.setAgreement(CurrentActor.get(), id, form.agreementText(),
						Boolean.TRUE.equals(form.agreementSigned()), form.agreementOn(), form.outcome()));
	}

	private static String target(long id) {
		return "/cases/" + id + "/mediation";
	}

}
