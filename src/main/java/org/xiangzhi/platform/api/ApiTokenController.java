package org.xiangzhi.platform.api;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.OutOfScopeException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.platform.account.AccountService;

/** Administrators create and revoke integration tokens inside their scope. */
@Controller
@RequestMapping("/api-tokens")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'COUNTY_ADMIN', 'TOWN_ADMIN')")
class ApiTokenController {

	private final ApiTokens tokens;

	private final AccountService accounts;

	static final String CREATE_FORM = "api-token.create";

	private final java.time.Clock clock;

	private final Submissions submissions;

	ApiTokenController(ApiTokens tokens, AccountService accounts, java.time.Clock clock, Submissions submissions) {
		this.submissions = submissions;
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		var actor = CurrentActor.get();
		model.addAttribute("tokens", tokens.list(actor));
		model.addAttribute("now", clock.instant());
		model.addAttribute("roles", AccountService.grantableRoles(actor));
		model.addAttribute("places", accounts.placesFor(actor));
		model.addAttribute("submissionToken", submissions.issue(CREATE_FORM));
		return "tokens/list";
	}

	@PostMapping
	String create(@RequestParam String name, @RequestParam Role role, @RequestParam String placeCode,
			@RequestParam(defaultValue = "90") int validDays, @RequestParam(defaultValue = "") String submissionToken,
			RedirectAttributes redirect) {
		if (name.isBlank() || name.length() > 100 || validDays < 1 || validDays > 366) {
			redirect.addFlashAttribute("errorKey", "token.error.input");
			return "redirect:/api-tokens";
		}
		try {
			var issued = tokens.createOnce(CurrentActor.get(), name, role, placeCode, validDays, submissionToken);
			if (issued.secret() != null) {
				redirect.addFlashAttribute("issuedSecret", issued.secret());
				redirect.addFlashAttribute("flash", "token.created");
			}
			else {
				// a retry of a form that already created its token: the secret was shown
				// once
				redirect.addFlashAttribute("flash", "token.alreadyCreated");
			}
		}
		catch (OutOfScopeException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
		}
		catch (org.xiangzhi.platform.InvalidInputException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKeys().get(0));
		}
		return "redirect:/api-tokens";
	}

	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		tokens.revoke(CurrentActor.get(), id);
		redirect.addFlashAttribute("flash", "token.revoked");
		return "redirect:/api-tokens";
	}

}
