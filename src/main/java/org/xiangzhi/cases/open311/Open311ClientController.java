package org.xiangzhi.cases.open311;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Submissions;

/**
 * County and system administrators create, list and revoke the Open311 clients of their
 * counties. A new client's api_key is shown once, on the page the creation redirects to.
 */
@Controller
@RequestMapping("/cases/open311-clients")
@PreAuthorize(CaseAccess.CAN_CONFIGURE)
class Open311ClientController {

	private final Open311Clients clients;

	private final Submissions submissions;

	Open311ClientController(Open311Clients clients, Submissions submissions) {
		this.clients = clients;
		this.submissions = submissions;
	}

	@GetMapping
	String list(Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("clients", clients.list(actor));
		model.addAttribute("counties", clients.countiesFor(actor));
		if (!model.containsAttribute("form")) {
			Open311ClientForm form = new Open311ClientForm();
			form.setSubmissionToken(submissions.issue(Open311Clients.CREATE_FORM));
			model.addAttribute("form", form);
		}
		return "cases/open311/clients";
	}

	@PostMapping
	String create(@ModelAttribute Open311ClientForm form, RedirectAttributes redirect) {
		try {
			Open311Clients.Issued issued = clients.createOnce(CurrentActor.get(), form.getName(), form.getCountyCode(),
					form.getSubmissionToken());
			if (issued.apiKey() != null) {
				redirect.addFlashAttribute("issuedKey", issued.apiKey());
				redirect.addFlashAttribute("flash", "open311.client.created");
			}
			else {
				redirect.addFlashAttribute("flash", "open311.client.alreadyCreated");
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKeys().get(0));
		}
		return "redirect:/cases/open311-clients";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		clients.revoke(CurrentActor.get(), id);
		redirect.addFlashAttribute("flash", "open311.client.revoked");
		return "redirect:/cases/open311-clients";
	}

}
