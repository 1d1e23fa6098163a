package org.xiangzhi.cases.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseQueries;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;

/**
 * The cadres' queues (我的待办, 本单位, 超期, 全部) with filters, newest first, one keyset page at a
 * time. One URL serves the page and, for htmx, the results fragment.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize(CaseAccess.CAN_READ)
class CaseQueueController {

	static final int PAGE_SIZE = 20;

	/** The tabs of the queue page. */
	enum Tab {

		/** Open cases dispatched to me. */
		MINE,
		/** Open cases handled by a unit I hold a handling role at. */
		UNIT,
		/** Cases flagged overdue in my area. */
		OVERDUE,
		/** Every case in my area. */
		ALL;

		static Tab of(String value) {
			for (Tab tab : values()) {
				if (tab.name().equalsIgnoreCase(value)) {
					return tab;
				}
			}
			return MINE;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** One row of a queue. */
	record Row(CaseRecord c, String categoryName, String placeName, String deadlineState) {
	}

	/** The filters as typed, echoed back into the form. */
	record Criteria(String tab, String status, String category, String level, String from, String to) {
	}

	private final CaseQueries queries;

	private final DeskSupport support;

	CaseQueueController(CaseQueries queries, DeskSupport support) {
		this.queries = queries;
		this.support = support;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "mine") String tab, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String level,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String after,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		Tab current = Tab.of(tab);
		CaseQueries.Filter filter = CaseQueries.Filter.all();
		CaseStatus wanted = parse(CaseStatus.class, status);
		boolean openOnly = current == Tab.MINE || current == Tab.UNIT;
		boolean impossible = false;
		if (wanted != null) {
			impossible = openOnly && !CaseQueries.OPEN.contains(wanted);
			filter = filter.withStatuses(Set.of(wanted));
		}
		else if (openOnly) {
			filter = filter.withStatuses(CaseQueries.OPEN);
		}
		if (!category.isBlank()) {
			filter = filter.withCategory(category.strip());
		}
		HandlingLevel handlingLevel = parse(HandlingLevel.class, level);
		if (handlingLevel != null) {
			filter = filter.withLevel(handlingLevel);
		}
		LocalDate fromDay = day(from);
		LocalDate toDay = day(to);
		if (fromDay != null || toDay != null) {
			Instant start = fromDay == null ? null : fromDay.atStartOfDay(DeskSupport.ZONE).toInstant();
			Instant end = toDay == null ? null : toDay.plusDays(1).atStartOfDay(DeskSupport.ZONE).toInstant();
			filter = filter.withPeriod(start, end);
		}
		CaseQueries.Cursor cursor = CaseQueries.Cursor.parse(after).orElse(null);
		DataScope scope = CaseAccess.readScope(actor);
		CaseQueries.Page page = impossible ? new CaseQueries.Page(List.of(), null) : switch (current) {
			case MINE -> queries.newest(scope, filter.withAssignee(actor.accountId()), cursor, PAGE_SIZE);
			case UNIT -> unitPage(actor, filter, cursor);
			case OVERDUE -> queries.newest(scope, filter.overdue(), cursor, PAGE_SIZE);
			case ALL -> queries.newest(scope, filter, cursor, PAGE_SIZE);
		};
		DeskSupport.Names names = support.names(locale);
		List<Row> rows = page.cases()
			.stream()
			.map(c -> new Row(c, names.category(c.countyCode(), c.categoryCode()),
					names.place(c.gridCode() != null ? c.gridCode()
							: c.villageCode() != null ? c.villageCode() : c.unitCode()),
					support.deadlineState(c)))
			.toList();
		model.addAttribute("tabs", Tab.values());
		model.addAttribute("tab", current);
		model.addAttribute("rows", rows);
		model.addAttribute("next", page.next() == null ? null : page.next().token());
		model.addAttribute("criteria", new Criteria(current.param(), status, category, level, from, to));
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("levels", HandlingLevel.values());
		model.addAttribute("categories", support.categoriesFor(scope));
		model.addAttribute("lang", locale.getLanguage());
		model.addAttribute("zone", DeskSupport.ZONE);
		return htmx != null ? "cases/desk/queue :: results" : "cases/desk/queue";
	}

	/**
	 * Every unit the actor holds a handling role at, newest first across them (most
	 * cadres hold one).
	 */
	private CaseQueries.Page unitPage(Actor actor, CaseQueries.Filter filter, CaseQueries.Cursor cursor) {
		List<CaseRecord> merged = new ArrayList<>();
		boolean more = false;
		for (Actor.Assignment assignment : actor.assignments()) {
			if (!CaseAccess.HANDLERS.contains(assignment.role())) {
				continue;
			}
			CaseQueries.Page page = queries.newest(DataScope.of(assignment.path()),
					filter.withUnit(assignment.placeCode()), cursor, PAGE_SIZE);
			merged.addAll(page.cases());
			more |= page.next() != null;
		}
		List<CaseRecord> distinct = merged.stream()
			.collect(java.util.stream.Collectors.toMap(c -> c.id().value(), c -> c, (a, b) -> a))
			.values()
			.stream()
			.sorted(Comparator.comparing(CaseRecord::submittedAt).thenComparing(c -> c.id().value()).reversed())
			.toList();
		more |= distinct.size() > PAGE_SIZE;
		List<CaseRecord> page = distinct.size() > PAGE_SIZE ? distinct.subList(0, PAGE_SIZE) : distinct;
		CaseRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
		return new CaseQueries.Page(page,
				more && last != null ? new CaseQueries.Cursor(last.submittedAt(), last.id().value()) : null);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		for (E constant : EnumSet.allOf(type)) {
			if (constant.name().equals(value)) {
				return constant;
			}
		}
		return null;
	}

	private static LocalDate day(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
