package org.xiangzhi.registry.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.registry.household.RegistryInputException;

/**
 * Post-redirect-get for small registry actions: a flash message on success, the reasons
 * on refusal.
 */
final class Outcomes {

	private Outcomes() {
	}

	/**
	 * Runs the action and redirects to {@code target} with its outcome as flash
	 * attributes.
	 */
	static String redirect(String target, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys",
					RegistryInputException.problemsOf(ex).stream().map(p -> p.messageKey()).distinct().toList());
		}
		return "redirect:" + target;
	}

}
