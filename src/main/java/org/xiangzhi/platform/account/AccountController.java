package org.xiangzhi.platform.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OutOfScopeException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.SecuritySettings;
import org.xiangzhi.platform.Submissions;

/** Account administration pages (账号管理) for county, town and system administrators. */
@Controller
@RequestMapping("/accounts")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'COUNTY_ADMIN', 'TOWN_ADMIN')")
class AccountController {

	/** Town and village cadres may read the directory of accounts in their area. */
	static final String DIRECTORY_READERS = "hasAnyRole('SYSTEM_ADMIN', 'COUNTY_ADMIN', 'TOWN_ADMIN', 'TOWN_CADRE', 'VILLAGE_CADRE')";

	private final AccountService service;

	private final SecuritySettings settings;

	private final java.time.Clock clock;

	private final Submissions submissions;

	AccountController(AccountService service, SecuritySettings settings, java.time.Clock clock,
			Submissions submissions) {
		this.submissions = submissions;
		this.service = service;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(DIRECTORY_READERS)
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("canCreate", !AccountService.adminScope(CurrentActor.get()).isEmpty());
		model.addAttribute("result", service.search(CurrentActor.get(), q, page));
		return htmx != null ? "accounts/list :: results" : "accounts/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		AccountForm form = new AccountForm();
		form.setSubmissionToken(submissions.issue(AccountService.CREATE_FORM));
		model.addAttribute("form", form);
		return formView(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			// report the password rules in the same round as the field errors
			if (!binding.hasFieldErrors("password")) {
				service.passwordViolations(form.getPassword(), form.getUsername())
					.forEach(key -> binding.rejectValue("password", key));
			}
			return formView(model);
		}
		try {
			long id = service.createOnce(CurrentActor.get(), form.toCommand(), form.getSubmissionToken());
			redirect.addFlashAttribute("flash", "account.created");
			return "redirect:/accounts/" + id;
		}
		catch (InvalidInputException ex) {
			if ("submissionToken".equals(ex.field())) {
				// the form was stale or reused for other data: show it again with a fresh
				// token
				ex.messageKeys().forEach(binding::reject);
				form.setSubmissionToken(submissions.issue(AccountService.CREATE_FORM));
			}
			else {
				ex.messageKeys().forEach(key -> binding.rejectValue(ex.field(), key));
			}
			return formView(model);
		}
		catch (OutOfScopeException ex) {
			binding.reject(ex.messageKey());
			return formView(model);
		}
	}

	@GetMapping("/{id}")
	@PreAuthorize(DIRECTORY_READERS)
	String detail(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.get();
		Account account = service.view(actor, id);
		model.addAttribute("canManage", AccountService.canManage(actor, account));
		model.addAttribute("account", account);
		model.addAttribute("maskedPhone", service.maskedPhone(account));
		java.time.Instant now = clock.instant();
		model.addAttribute("locked", account.isLocked(now));
		model.addAttribute("dormant", account.isDormant(now, settings.dormantAfter()));
		model.addAttribute("grants", service.grantsOf(account));
		model.addAttribute("roles", AccountService.grantableRoles(actor));
		model.addAttribute("places", service.placesFor(actor));
		return "accounts/detail";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("edit") EditForm edit, BindingResult binding,
			RedirectAttributes redirect) {
		// scope first: an out-of-scope id answers 404 whatever was submitted
		service.get(CurrentActor.get(), id);
		if (binding.hasErrors()) {
			redirect.addFlashAttribute("errorKey", binding.getAllErrors().get(0).getDefaultMessage());
			return "redirect:/accounts/" + id;
		}
		service.update(CurrentActor.get(), id, edit.displayName(), edit.phone(), edit.enabled());
		redirect.addFlashAttribute("flash", "account.updated");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/roles")
	String grant(@PathVariable long id, @RequestParam Role role, @RequestParam String placeCode,
			RedirectAttributes redirect) {
		return guarded(id, redirect, "account.roleGranted",
				() -> service.grant(CurrentActor.get(), id, role, placeCode));
	}

	@PostMapping("/{id}/roles/revoke")
	String revoke(@PathVariable long id, @RequestParam Role role, @RequestParam String placeCode,
			RedirectAttributes redirect) {
		return guarded(id, redirect, "account.roleRevoked",
				() -> service.revoke(CurrentActor.get(), id, role, placeCode));
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
		return guarded(id, redirect, "account.passwordReset",
				() -> service.resetPassword(CurrentActor.get(), id, password));
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		return guarded(id, redirect, "account.unlocked", () -> service.unlock(CurrentActor.get(), id));
	}

	/** Reveals the phone number (audited); htmx swaps it into the page. */
	@PostMapping("/{id}/phone")
	String revealPhone(@PathVariable long id, Model model) {
		model.addAttribute("value", service.revealPhone(CurrentActor.get(), id));
		return "accounts/detail :: revealed";
	}

	private String guarded(long id, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (OutOfScopeException ex) {
			redirect.addFlashAttribute("errorKey", ex.messageKey());
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", ex.messageKeys());
		}
		return "redirect:/accounts/" + id;
	}

	private String formView(Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("roles", AccountService.grantableRoles(actor));
		model.addAttribute("places", service.placesFor(actor));
		return "accounts/new";
	}

	/** The editable fields of an existing account. */
	record EditForm(@NotBlank(message = "account.displayName.required") @Size(max = 100) String displayName,
			@Pattern(regexp = "|1[3-9][0-9]{9}", message = "account.phone.pattern") String phone, boolean enabled) {
	}

}
