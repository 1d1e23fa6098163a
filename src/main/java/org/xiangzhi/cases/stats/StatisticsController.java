package org.xiangzhi.cases.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseStatistics;
import org.xiangzhi.cases.core.CategoryCatalog;
import org.xiangzhi.cases.core.Routing;
import org.xiangzhi.cases.time.CategoryDefaults;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

/**
 * The statistics page (办理统计): one unit of the reader's scope, one period, the figures in
 * a table. A GET form, so a report is a link that can be bookmarked or sent.
 */
@Controller
@PreAuthorize(CaseAccess.CAN_READ)
class StatisticsController {

	private final CaseStatistics statistics;

	private final Places places;

	private final CategoryCatalog catalog;

	private final Routing routing;

	StatisticsController(CaseStatistics statistics, Places places, CategoryCatalog catalog, Routing routing) {
		this.statistics = statistics;
		this.places = places;
		this.catalog = catalog;
		this.routing = routing;
	}

	@GetMapping("/cases/statistics")
	String page(@RequestParam(required = false) String place, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		Period period = Period.of(from, to);
		String code = place == null || place.isBlank() ? defaultPlace(actor) : place.strip();
		model.addAttribute("places", choices(actor));
		model.addAttribute("place", code);
		model.addAttribute("from", period.from());
		model.addAttribute("to", period.to());
		if (period.valid()) {
			model.addAttribute("report", statistics.of(actor, code, period.from(), period.to()));
			model.addAttribute("categoryNames", categoryNames(code, locale));
		}
		else {
			model.addAttribute("errorKey", "stats.period.invalid");
		}
		return "cases/stats/statistics";
	}

	/** Category names of the place's county (the defaults above the county). */
	private Map<String, String> categoryNames(String placeCode, Locale locale) {
		String language = "en".equals(locale.getLanguage()) ? "en" : "zh";
		String county = places.find(placeCode).map(p -> routing.parts(p.path()).countyCode()).orElse(null);
		Map<String, String> names = new HashMap<>();
		CategoryDefaults.all().forEach(c -> names.put(c.code(), c.name(language)));
		if (county != null) {
			catalog.forCounty(county).forEach(c -> names.put(c.code(), c.name(language)));
		}
		return names;
	}

	/** The first place the actor reads cases at. */
	static String defaultPlace(Actor actor) {
		return actor.assignments()
			.stream()
			.filter(a -> CaseAccess.READERS.contains(a.role()))
			.map(Actor.Assignment::placeCode)
			.findFirst()
			.orElse("");
	}

	private List<Place> choices(Actor actor) {
		DataScope scope = CaseAccess.readScope(actor);
		return places.within(scope, 500).stream().filter(p -> p.level() != PlaceLevel.MICRO_GRID).toList();
	}

	/** A period from request parameters: this month so far by default. */
	record Period(LocalDate from, LocalDate to, boolean valid) {

		static Period of(String from, String to) {
			LocalDate today = LocalDate.now(JdbcCaseStatistics.ZONE);
			try {
				LocalDate start = from == null || from.isBlank() ? today.withDayOfMonth(1) : LocalDate.parse(from);
				LocalDate end = to == null || to.isBlank() ? today : LocalDate.parse(to);
				boolean valid = !end.isBefore(start)
						&& java.time.temporal.ChronoUnit.DAYS.between(start, end) < CaseStatistics.MAX_DAYS;
				return new Period(start, end, valid);
			}
			catch (DateTimeParseException ex) {
				return new Period(today.withDayOfMonth(1), today, false);
			}
		}

	}

}
