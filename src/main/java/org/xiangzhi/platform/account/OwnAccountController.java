package org.xiangzhi.platform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.QrCodes;
import org.xiangzhi.platform.security.PendingStep;
import org.xiangzhi.platform.security.PendingSteps;
import org.xiangzhi.platform.security.Totp;

/** The signed-in user's own account: password change and second-factor enrolment. */
@Controller
@RequestMapping("/account")
class OwnAccountController {

	private static final String ENROL_SECRET = "xiangzhi.totpEnrolSecret";

	private final AccountService service;

	private final Accounts accounts;

	private final SecondFactor secondFactor;

	private final PendingSteps steps;

	OwnAccountController(AccountService service, Accounts accounts, SecondFactor secondFactor, PendingSteps steps) {
		this.service = service;
		this.accounts = accounts;
		this.secondFactor = secondFactor;
		this.steps = steps;
	}

	@GetMapping
	String overview(Model model) {
		Account account = accounts.byId(CurrentActor.get().accountId()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("maskedPhone", service.maskedPhone(account));
		return "account/overview";
	}

	@GetMapping("/password")
	String passwordForm() {
		return "account/password";
	}

	@PostMapping("/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (!newPassword.equals(confirmPassword)) {
			model.addAttribute("errorKeys", java.util.List.of("account.error.confirm"));
			return "account/password";
		}
		try {
			service.changeOwnPassword(CurrentActor.get().accountId(), currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errorKeys", ex.messageKeys());
			return "account/password";
		}
		redirect.addFlashAttribute("flash", "account.passwordChanged");
		var principal = steps.current();
		if (principal != null && principal.pending().contains(PendingStep.PASSWORD_CHANGE)) {
			return "redirect:" + steps.complete(PendingStep.PASSWORD_CHANGE, request, response);
		}
		return "redirect:/account";
	}

	@GetMapping("/totp")
	String totpForm(HttpSession session, Model model) {
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(ENROL_SECRET, secret);
		}
		model.addAttribute("secret", secret);
		String uri = Totp.otpauthUri("Xiangzhi", CurrentActor.get().username(), secret);
		model.addAttribute("uri", uri);
		model.addAttribute("qr", QrCodes.svgDataUri(uri));
		return "account/totp";
	}

	@PostMapping("/totp")
	String enrol(@RequestParam(defaultValue = "") String code, HttpSession session, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (secret == null) {
			return "redirect:/account/totp";
		}
		try {
			secondFactor.enrol(CurrentActor.get().accountId(), secret, code);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", ex.messageKeys());
			return "redirect:/account/totp";
		}
		session.removeAttribute(ENROL_SECRET);
		redirect.addFlashAttribute("flash", "totp.enrolled");
		var principal = steps.current();
		if (principal != null && principal.pending().contains(PendingStep.SECOND_FACTOR_ENROLMENT)) {
			return "redirect:" + steps.complete(PendingStep.SECOND_FACTOR_ENROLMENT, request, response);
		}
		return "redirect:/account";
	}

}
