package org.xiangzhi.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatistics;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.IllegalTransitionException;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.cases.core.CaseCommand;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseQueries;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Submissions;

/**
 * JSON API of 码上办 for integration tokens and signed-in cadres: cases of the caller's
 * scope newest first in keyset pages, one case and its timeline, reports on behalf of a
 * resident (idempotent with an {@code Idempotency-Key}), actions on a case, and the
 * statistics of a unit. A case outside the scope is "not found", exactly like a missing
 * one.
 */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = "application/json")
@Tag(name = "cases", description = "码上办: residents' demands and disputes")
@PreAuthorize(CaseAccess.CAN_READ)
class CaseApiController {

	/** Purpose of API idempotency keys for reports of channel API. */
	static final String API_REPORT = "case-api";

	/** Purpose CaseDesk uses for reports on behalf of a resident. */
	static final String ON_BEHALF = "case-intake";

	static final int MAX_LIMIT = 100;

	private final CaseDesk desk;

	private final CaseQueries queries;

	private final ScopedCases scoped;

	private final CaseStatistics statistics;

	private final Submissions submissions;

	private final Places places;

	private final MessageSource messages;

	CaseApiController(CaseDesk desk, CaseQueries queries, ScopedCases scoped, CaseStatistics statistics,
			Submissions submissions, Places places, MessageSource messages) {
		this.desk = desk;
		this.queries = queries;
		this.scoped = scoped;
		this.statistics = statistics;
		this.submissions = submissions;
		this.places = places;
		this.messages = messages;
	}

	// ---------------------------------------------------------------- reads

	@GetMapping
	@Operation(summary = "Cases in the caller's scope, newest first; `next` is the cursor of the following page")
	CaseJson.Page list(
			@Parameter(description = "comma-separated statuses, e.g. SUBMITTED,ACCEPTED") @RequestParam(
					required = false) String status,
			@Parameter(description = "category code; includes its sub-categories") @RequestParam(
					required = false) String category,
			@RequestParam(required = false) HandlingLevel level,
			@Parameter(description = "submitted on or after this day (China time), yyyy-MM-dd") @RequestParam(
					required = false) String from,
			@Parameter(description = "submitted on or before this day (China time), yyyy-MM-dd") @RequestParam(
					required = false) String to,
			@Parameter(description = "handled by this unit") @RequestParam(required = false) String unit,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(defaultValue = "false") boolean disputes,
			@Parameter(description = "the `next` value of the previous page") @RequestParam(
					required = false) String cursor,
			@RequestParam(defaultValue = "20") int limit) {
		Actor actor = CurrentActor.get();
		CaseQueries.Filter filter = CaseQueries.Filter.all()
			.withStatuses(statuses(status))
			.withCategory(blankToNull(category))
			.withLevel(level)
			.withPeriod(dayStart(from, "from", 0), dayStart(to, "to", 1))
			.withUnit(blankToNull(unit));
		if (overdue) {
			filter = filter.overdue();
		}
		if (disputes) {
			filter = filter.disputes();
		}
		CaseQueries.Cursor after = null;
		if (cursor != null && !cursor.isBlank()) {
			after = CaseQueries.Cursor.parse(cursor)
				.orElseThrow(() -> new InvalidInputException("cursor", "caseApi.cursor.invalid"));
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "caseApi.limit.invalid");
		}
		CaseQueries.Page page = queries.newest(CaseAccess.readScope(actor), filter, after, limit);
		return new CaseJson.Page(page.cases().stream().map(CaseJson::of).toList(),
				page.next() == null ? null : page.next().token());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One case; 404 when missing or outside the caller's scope")
	CaseJson one(@PathVariable long id) {
		return CaseJson.of(scoped.require(CurrentActor.get(), id));
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The case's timeline (流转记录), oldest first")
	List<CaseJson.Event> timeline(@PathVariable long id) {
		CaseRecord c = scoped.require(CurrentActor.get(), id);
		return desk.timeline(c.id()).stream().map(CaseJson.Event::of).toList();
	}

	@GetMapping("/statistics")
	@Operation(summary = "Received, accepted, closed, on-time and satisfaction figures of a unit in the caller's "
			+ "scope for the cases received in a period, in total, by category and by handling level")
	CaseJson.Statistics statistics(
			@Parameter(description = "place code; default: the caller's own place") @RequestParam(
					required = false) String place,
			@Parameter(description = "first day, yyyy-MM-dd; default: the first of this month") @RequestParam(
					required = false) String from,
			@Parameter(description = "last day, yyyy-MM-dd; default: today") @RequestParam(
					required = false) String to) {
		Actor actor = CurrentActor.get();
		LocalDate today = LocalDate.now(CaseJson.ZONE);
		LocalDate start = day(from, "from", today.withDayOfMonth(1));
		LocalDate end = day(to, "to", today);
		if (end.isBefore(start) || java.time.temporal.ChronoUnit.DAYS.between(start, end) >= CaseStatistics.MAX_DAYS) {
			throw new InvalidInputException("to", "stats.period.invalid");
		}
		String code = place == null || place.isBlank() ? actor.assignments()
			.stream()
			.filter(a -> CaseAccess.READERS.contains(a.role()))
			.map(Actor.Assignment::placeCode)
			.findFirst()
			.orElse("") : place.strip();
		return CaseJson.Statistics.of(statistics.of(actor, code, start, end));
	}

	// ---------------------------------------------------------------- writes

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(CaseAccess.CAN_HANDLE)
	@Operation(summary = "Reports a case: on behalf of a resident (channel VISIT, PHONE, WECHAT, WALK_IN, PATROL; "
			+ "may link a registry resident and household of the caller's area) or forwarded from another system "
			+ "(channel API, the default). With an Idempotency-Key the same request creates one case: a retry "
			+ "answers 200 with the first receipt, the same key with other data 422")
	ResponseEntity<CaseJson.Receipt> report(@RequestBody(required = false) CaseJson.NewReport body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Actor actor = CurrentActor.get();
		CaseJson.NewReport json = body == null ? CaseJson.NewReport.EMPTY : body;
		Channel channel = channel(json.channel());
		GeoPoint location = location(json.latitude(), json.longitude());
		NewCase report = new NewCase(blankToNull(json.placeCode()), blankToNull(json.categoryCode()),
				json.description(), location, json.reporterName(), json.reporterPhone(), channel, json.residentId(),
				json.householdId(), List.of());
		if (report.placeCode() == null) {
			throw new InvalidInputException("placeCode", "case.intake.place.unknown");
		}
		String token = null;
		String purpose = channel.onBehalf() ? ON_BEHALF : API_REPORT;
		if (idempotencyKey != null && !idempotencyKey.isBlank()) {
			if (idempotencyKey.length() > 255) {
				throw new InvalidInputException("Idempotency-Key", "caseApi.idempotencyKey.invalid");
			}
			token = Submissions.hash("api-v1", actor.accountId(), actor.username(), idempotencyKey);
			submissions.register(token, purpose);
		}
		CaseDesk.Receipt receipt;
		if (channel.onBehalf()) {
			receipt = desk.reportOnBehalf(actor, report, token);
		}
		else {
			if (json.residentId() != null || json.householdId() != null) {
				throw new InvalidInputException("channel", "caseApi.channel.link");
			}
			// channel API: the place must lie in the caller's area like any cadre intake
			places.find(report.placeCode())
				.filter(p -> CaseAccess.handleScope(actor).contains(p.path()))
				.orElseThrow(() -> new InvalidInputException("placeCode", "case.intake.place.unknown"));
			receipt = desk.report(report, token, API_REPORT, null);
		}
		return ResponseEntity.status(receipt.replay() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new CaseJson.Receipt(receipt.id().value(), receipt.trackingCode(), receipt.trackingCodeDisplay(),
					receipt.replay()));
	}

	@PostMapping(path = "/{id}/actions", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(CaseAccess.CAN_HANDLE)
	@Operation(summary = "Acts on a case (ACCEPT, REJECT, DISPATCH, START, HANDLE, VERIFY, REJECT_RESOLUTION, CLOSE, "
			+ "REOPEN, MERGE, ESCALATE, HAND_DOWN, TRANSFER, URGE) at the version the caller saw; 409 when the "
			+ "action is impossible in the current status or someone was faster, 422 when a rule refuses it")
	CaseJson act(@PathVariable long id, @RequestBody(required = false) CaseJson.Action body) {
		Actor actor = CurrentActor.get();
		CaseRecord c = scoped.require(actor, id);
		CaseJson.Action json = body == null ? CaseJson.Action.EMPTY : body;
		CaseAction action;
		try {
			action = CaseAction.valueOf(json.action() == null ? "" : json.action().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("action", "caseApi.action.invalid");
		}
		if (json.expectedVersion() == null) {
			throw new InvalidInputException("expectedVersion", "caseApi.version.required");
		}
		CaseCommand command = new CaseCommand(action, json.expectedVersion(), json.reason(), json.resultText(),
				json.afterPhotoIds(), json.targetCaseId(), level(json.targetLevel()), json.targetUnitCode(),
				json.assigneeAccountId());
		return CaseJson.of(desk.act(actor, c.id(), command));
	}

	// ---------------------------------------------------------------- errors

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<CaseJson.Invalid> invalid(InvalidInputException ex, Locale locale) {
		List<CaseJson.FieldError> errors = ex.messageKeys()
			.stream()
			.map(key -> new CaseJson.FieldError(ex.field(), key, messages.getMessage(key, null, key, locale)))
			.toList();
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new CaseJson.Invalid(status.value(), "invalid", errors));
	}

	@ExceptionHandler(TransitionRefusedException.class)
	ResponseEntity<CaseJson.Refused> refused(TransitionRefusedException ex, Locale locale) {
		return refusal(HttpStatus.UNPROCESSABLE_CONTENT, "refused", ex.messageKey(), ex.current(),
				messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale));
	}

	@ExceptionHandler(IllegalTransitionException.class)
	ResponseEntity<CaseJson.Refused> illegal(IllegalTransitionException ex, Locale locale) {
		Object[] args = { messages.getMessage(ex.current().messageKey(), null, locale),
				messages.getMessage(ex.action().messageKey(), null, locale) };
		return refusal(HttpStatus.CONFLICT, "illegal_transition", ex.messageKey(), ex.current(),
				messages.getMessage(ex.messageKey(), args, ex.messageKey(), locale));
	}

	@ExceptionHandler(ConcurrentTransitionException.class)
	ResponseEntity<CaseJson.Refused> concurrent(ConcurrentTransitionException ex, Locale locale) {
		return refusal(HttpStatus.CONFLICT, "concurrent_change", ex.messageKey(), null,
				messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale));
	}

	private static ResponseEntity<CaseJson.Refused> refusal(HttpStatus status, String error, String code,
			CaseStatus current, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new CaseJson.Refused(status.value(), error, code, current == null ? null : current.name(), message));
	}

	// ---------------------------------------------------------------- parsing

	private static Set<CaseStatus> statuses(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
		for (String part : text.split(",")) {
			try {
				statuses.add(CaseStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("status", "caseApi.status.invalid");
			}
		}
		return statuses;
	}

	private static Instant dayStart(String text, String field, int plusDays) {
		LocalDate day = day(text, field, null);
		return day == null ? null : day.plusDays(plusDays).atStartOfDay(CaseJson.ZONE).toInstant();
	}

	private static LocalDate day(String text, String field, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "caseApi.date.invalid");
		}
	}

	private static Channel channel(String text) {
		if (text == null || text.isBlank()) {
			return Channel.API;
		}
		try {
			Channel channel = Channel.valueOf(text.strip().toUpperCase(Locale.ROOT));
			if (channel == Channel.API || channel.onBehalf()) {
				return channel;
			}
		}
		catch (IllegalArgumentException ex) {
			// answered below
		}
		throw new InvalidInputException("channel", "case.intake.channel.invalid");
	}

	private static GeoPoint location(Double latitude, Double longitude) {
		if (latitude == null && longitude == null) {
			return null;
		}
		try {
			if (latitude == null || longitude == null) {
				throw new IllegalArgumentException("half a point");
			}
			return new GeoPoint(latitude, longitude);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("location", "caseApi.location.invalid");
		}
	}

	private static HandlingLevel level(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return HandlingLevel.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("targetLevel", "caseApi.level.invalid");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
