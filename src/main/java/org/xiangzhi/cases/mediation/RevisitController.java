package org.xiangzhi.cases.mediation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.CurrentActor;

/** 季回访: the revisits due in the cadre's area, and recording one. */
@Controller
@PreAuthorize(CaseAccess.CAN_HANDLE)
class RevisitController {

	private final Revisits revisits;

	private final java.time.Clock clock;

	RevisitController(Revisits revisits, java.time.Clock clock) {
		this.revisits = revisits;
		this.clock = clock;
	}

	/** Recording a revisit. */
	record RevisitForm(Boolean stable, String note, Boolean reopen) {
	}

	@GetMapping("/cases/revisits")
	String list(@RequestParam(defaultValue = "false") boolean all, Model model) {
		model.addAttribute("revisits", revisits.list(CurrentActor.get(), all, 500));
		model.addAttribute("all", all);
		model.addAttribute("today", java.time.LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)));
		return "cases/mediation/revisits";
	}

	@PostMapping("/cases/revisits/{id}")
	String record(@PathVariable long id, @ModelAttribute RevisitForm form, RedirectAttributes redirect) {
		return Redirects.after("/cases/revisits", redirect, "revisit.recorded", () -> revisits
			.record(CurrentActor.get(), id, form.stable(), form.note(), Boolean.TRUE.equals(form.reopen())));
	}

}
