package org.xiangzhi.cases.clock;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.CurrentActor;

/** 超期台账 of a unit in the cadre's area (default: the last 30 days). */
@Controller
@PreAuthorize(CaseAccess.CAN_READ)
class OverdueLedgerController {

	private final OverdueLedger ledger;

	private final Clock clock;

	OverdueLedgerController(OverdueLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@GetMapping("/cases/overdue-ledger")
	String page(@RequestParam(required = false) String place,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
		LocalDate end = to == null ? today : to;
		LocalDate start = from == null || from.isAfter(end) ? end.minusDays(30) : from;
		model.addAttribute("ledger", ledger.of(CurrentActor.get(), place, start, end));
		return "cases/clock/overdue-ledger";
	}

}
