package org.xiangzhi.cases.mediation;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.IllegalTransitionException;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.platform.InvalidInputException;

/**
 * Post-redirect-get for the dispute pages: a flash on success, the reasons on refusal.
 */
final class Redirects {

	private Redirects() {
	}

	static String after(String target, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", ex.messageKeys());
		}
		catch (IllegalTransitionException | TransitionRefusedException | ConcurrentTransitionException ex) {
			redirect.addFlashAttribute("errorKeys", java.util.List.of("disputes.refused"));
		}
		return "redirect:" + target;
	}

}
