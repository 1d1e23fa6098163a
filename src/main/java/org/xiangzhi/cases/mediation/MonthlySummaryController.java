package org.xiangzhi.cases.mediation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;

/**
 * 月汇总: the monthly summary of dispute work for a place in the cadre's area, as a page or
 * as a CSV download ({@code format=csv}, UTF-8 with a byte-order mark so Excel reads the
 * Chinese names).
 */
@Controller
@PreAuthorize(CaseAccess.CAN_HANDLE)
class MonthlySummaryController {

	private final MonthlySummary summaries;

	private final MessageSource messages;

	private final Clock clock;

	MonthlySummaryController(MonthlySummary summaries, MessageSource messages, Clock clock) {
		this.summaries = summaries;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/cases/monthly-summary")
	Object summary(@RequestParam(required = false) String month, @RequestParam(required = false) String place,
			@RequestParam(required = false) String format, Model model, Locale locale) {
		YearMonth ym = parse(month);
		MonthlySummary.Summary summary = summaries.of(CurrentActor.get(), place, ym);
		if ("csv".equals(format)) {
			byte[] body = ("\uFEFF" + csv(summary, locale)).getBytes(StandardCharsets.UTF_8);
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("monthly-summary-" + summary.place().code() + "-" + ym + ".csv")
							.build()
							.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(body);
		}
		model.addAttribute("summary", summary);
		model.addAttribute("monthText", ym.toString());
		return "cases/mediation/monthly-summary";
	}

	private YearMonth parse(String month) {
		if (month == null || month.isBlank()) {
			return YearMonth.now(clock.withZone(WorkingDayCalendar.ZONE));
		}
		try {
			return YearMonth.parse(month.strip());
		}
		catch (RuntimeException ex) {
			return YearMonth.now(clock.withZone(WorkingDayCalendar.ZONE));
		}
	}

	private String csv(MonthlySummary.Summary summary, Locale locale) {
		StringBuilder out = new StringBuilder();
		String[] headers = { "summary.col.place", "summary.col.received", "summary.col.mediated",
				"summary.col.agreements", "summary.col.successRate", "summary.col.revisitsDone",
				"summary.col.revisitsDue", "summary.col.screeningsSubmitted", "summary.col.screeningsMissing" };
		for (int i = 0; i < headers.length; i++) {
			out.append(i == 0 ? "" : ",").append(cell(messages.getMessage(headers[i], null, locale)));
		}
		out.append("\r\n");
		for (MonthlySummary.Line line : summary.lines()) {
			row(out, line);
		}
		row(out, summary.total());
		return out.toString();
	}

	private static void row(StringBuilder out, MonthlySummary.Line l) {
		out.append(cell(l.place().name()))
			.append(',')
			.append(l.received())
			.append(',')
			.append(l.mediated())
			.append(',')
			.append(l.agreements())
			.append(',')
			.append(l.successRate() == null ? "" : l.successRate() + "%")
			.append(',')
			.append(l.revisitsDone())
			.append(',')
			.append(l.revisitsDue())
			.append(',')
			.append(l.screeningsSubmitted())
			.append(',')
			.append(l.screeningsMissing())
			.append("\r\n");
	}

	/** Quotes a cell and defuses spreadsheet formulas (CSV injection). */
	static String cell(String text) {
		String value = text == null ? "" : text;
		if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			value = "'" + value;
		}
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

}
