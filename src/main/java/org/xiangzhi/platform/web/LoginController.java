package org.xiangzhi.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.platform.account.SecondFactor;
import org.xiangzhi.platform.security.PendingStep;
import org.xiangzhi.platform.security.PendingSteps;

/**
 * The login page (the form is processed by Spring Security) and the second-factor step.
 */
@Controller
class LoginController {

	private final PendingSteps steps;

	private final SecondFactor secondFactor;

	LoginController(PendingSteps steps, SecondFactor secondFactor) {
		this.steps = steps;
		this.secondFactor = secondFactor;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/login/totp")
	String totpForm() {
		return "login-totp";
	}

	@PostMapping("/login/totp")
	String totp(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response) {
		var principal = steps.current();
		if (principal == null || !principal.pending().contains(PendingStep.SECOND_FACTOR)) {
			return "redirect:/";
		}
		if (!secondFactor.verify(principal.actor().accountId(), code)) {
			return "redirect:/login/totp?error";
		}
		return "redirect:" + steps.complete(PendingStep.SECOND_FACTOR, request, response);
	}

}
