package org.xiangzhi.party.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.party.visits.VisitRecords.Visit;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.RegistryDirectory.HouseholdRef;

/**
 * JSON API of visits and mandatory visits. Cadres read and write inside their scope; a
 * party member reads their own visits and tasks and logs visits to the households linked
 * to them. A record out of reach is "not found", exactly like a missing one. Photos are
 * logged on the pages only.
 */
@RestController
@RequestMapping(path = "/api/v1/party/visits", produces = "application/json")
@Tag(name = "party-visits", description = "党员走访与必访: visits and mandatory visits")
@PreAuthorize(PartyAccess.CAN_READ + " or " + PartyAccess.IS_MEMBER)
class VisitApiController {

	static final int MAX_LIMIT = 200;

	private final Visits visits;

	private final Places places;

	private final Submissions submissions;

	private final MessageSource messages;

	VisitApiController(Visits visits, Places places, Submissions submissions, MessageSource messages) {
		this.visits = visits;
		this.places = places;
		this.submissions = submissions;
		this.messages = messages;
	}

	record VisitJson(long id, long householdId, String address, long memberId, String memberName, String kind,
			LocalDate visitedOn, String notes, boolean followUp, String followUpText, boolean photo, String loggedBy,
			Instant createdAt) {

		static VisitJson of(Visit v) {
			return new VisitJson(v.id(), v.household().value(), v.address(), v.member().value(), v.memberName(),
					v.kind().name(), v.visitedOn(), v.notes(), v.followUp(), v.followUpText(), v.hasPhoto(),
					v.loggedBy(), v.createdAt());
		}

	}

	record TaskJson(long id, long householdId, String address, Long memberId, String memberName, String trigger,
			String note, LocalDate occurredOn, String source, Long caseId, String status, LocalDate dueOn,
			String urgency, boolean overdueFlagged, Long visitId, String cancelReason, Instant createdAt,
			Instant closedAt) {

		static TaskJson of(Task t, DeadlinePolicy policy, LocalDate today) {
			DeadlinePolicy.Urgency urgency = t.urgency(policy, today);
			return new TaskJson(t.id(), t.household().value(), t.address(),
					t.member() == null ? null : t.member().value(), t.memberName(), t.trigger().name(), t.note(),
					t.occurredOn(), t.source(), t.caseId(), t.status().name(), t.dueOn(),
					urgency == null ? null : urgency.name(), t.overdueAt() != null, t.visitId(), t.cancelReason(),
					t.createdAt(), t.closedAt());
		}

	}

	record HouseholdJson(long id, String address, String headName, Long linkedMemberId, String linkedMemberName,
			List<TaskJson> mandatory, List<VisitJson> visits) {
	}

	/** A visit to log; {@code memberId} only when a cadre logs on a member's behalf. */
	record NewVisitJson(Long householdId, Long memberId, String kind, String visitedOn, String notes, Boolean followUp,
			String followUpText) {

		static final NewVisitJson EMPTY = new NewVisitJson(null, null, null, null, null, null, null);

	}

	record NewTriggerJson(Long householdId, String kind, String occurredOn, String note) {

		static final NewTriggerJson EMPTY = new NewTriggerJson(null, null, null, null);

	}

	record CancelJson(String reason) {
	}

	record Created(long id, int fulfilled, boolean replay) {
	}

	record FieldError(String field, String code, String message) {
	}

	record Invalid(int status, String error, List<FieldError> errors) {
	}

	// ---------------------------------------------------------------- reads

	@GetMapping
	@Operation(summary = "Visits, newest first: a cadre's of the scope (optionally of a village, member or household), "
			+ "a party member's own")
	List<VisitJson> list(@Parameter(description = "village code") @RequestParam(required = false) String village,
			@RequestParam(required = false) Long member, @RequestParam(required = false) Long household,
			@RequestParam(defaultValue = "50") int limit) {
		Actor actor = CurrentActor.get();
		checkLimit(limit);
		List<Visit> found;
		if (Visits.isCadre(actor)) {
			found = visits.visits(actor, within(actor, village), member == null ? null : new MemberId(member),
					household == null ? null : new HouseholdId(household), limit);
		}
		else {
			found = visits.memberOf(actor).map(me -> visits.visitsOf(me, limit)).orElse(List.of());
		}
		return found.stream().map(VisitJson::of).toList();
	}

	@GetMapping("/mandatory")
	@Operation(summary = "Mandatory visits (必访): a cadre's of the scope, a party member's own and the branch's of "
			+ "their households; open ones by deadline first")
	List<TaskJson> mandatory(
			@Parameter(description = "comma-separated: OPEN, DONE, CANCELLED; default all") @RequestParam(
					required = false) String status,
			@Parameter(description = "village code") @RequestParam(required = false) String village,
			@RequestParam(required = false) Long member, @RequestParam(defaultValue = "100") int limit) {
		Actor actor = CurrentActor.get();
		checkLimit(limit);
		Set<TaskStatus> statuses = statuses(status);
		List<Task> found;
		if (Visits.isCadre(actor)) {
			found = visits.tasks(actor, within(actor, village), member == null ? null : new MemberId(member), statuses,
					limit);
		}
		else {
			found = visits.memberOf(actor).map(me -> visits.tasksOf(me, statuses, limit)).orElse(List.of());
		}
		LocalDate today = visits.today();
		return found.stream().map(t -> TaskJson.of(t, visits.policy(), today)).toList();
	}

	@GetMapping("/mandatory/{id}")
	@Operation(summary = "One mandatory visit; 404 when missing or out of reach")
	TaskJson task(@PathVariable long id) {
		return TaskJson.of(visits.task(CurrentActor.get(), id), visits.policy(), visits.today());
	}

	@GetMapping("/households/{id}")
	@PreAuthorize(PartyAccess.CAN_READ)
	@Operation(summary = "A household's visit history and mandatory visits; 404 outside the caller's scope")
	HouseholdJson household(@PathVariable long id) {
		Actor actor = CurrentActor.get();
		HouseholdRef h = visits.household(actor, id);
		Optional<MemberRef> linked = visits.linkedMember(h.id());
		LocalDate today = visits.today();
		return new HouseholdJson(h.id().value(), h.address(), h.headName(),
				linked.map(m -> m.id().value()).orElse(null), linked.map(MemberRef::name).orElse(null),
				visits.tasksOf(actor, h.id(), 100).stream().map(t -> TaskJson.of(t, visits.policy(), today)).toList(),
				visits.visits(actor, null, null, h.id(), MAX_LIMIT).stream().map(VisitJson::of).toList());
	}

	// ---------------------------------------------------------------- writes

	@PostMapping(consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@Operation(summary = "Logs a visit: a party member to a household linked to them; a cadre on a member's behalf "
			+ "(memberId) to a household of the scope. Kind MANDATORY fulfils the household's open mandatory visits "
			+ "(422 when there is none). With an Idempotency-Key a retry answers 200 with the first visit")
	ResponseEntity<Created> log(@RequestBody(required = false) NewVisitJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Actor actor = CurrentActor.get();
		NewVisitJson json = body == null ? NewVisitJson.EMPTY : body;
		VisitRecords.VisitInput input = new VisitRecords.VisitInput(json.householdId(), json.memberId(), json.kind(),
				json.visitedOn(), json.notes(), Boolean.TRUE.equals(json.followUp()), json.followUpText());
		String token = token(actor, idempotencyKey, Visits.VISIT_FORM);
		VisitRecords.Logged logged = Visits.isCadre(actor) ? visits.logForMember(actor, input, null, token)
				: visits.logAsMember(actor, input, null, token);
		return ResponseEntity.status(logged.replay() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new Created(logged.visitId(), logged.fulfilled(), logged.replay()));
	}

	@PostMapping(path = "/triggers", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Records a trigger (WEDDING, FUNERAL, ILLNESS, FAMILY_CHANGE, ACCIDENT, DISPUTE, ASSISTANCE) "
			+ "in a household of the scope: a mandatory visit for the member linked to it, or the branch's")
	ResponseEntity<TaskJson> trigger(@RequestBody(required = false) NewTriggerJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Actor actor = CurrentActor.get();
		NewTriggerJson json = body == null ? NewTriggerJson.EMPTY : body;
		long id = visits.recordTrigger(actor,
				new VisitRecords.TriggerInput(json.householdId(), json.kind(), json.occurredOn(), json.note()),
				token(actor, idempotencyKey, Visits.TRIGGER_FORM));
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(TaskJson.of(visits.task(actor, id), visits.policy(), visits.today()));
	}

	@PostMapping(path = "/mandatory/{id}/cancel", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Cancels an open mandatory visit with a reason; 409 when it is already done or cancelled")
	TaskJson cancel(@PathVariable long id, @RequestBody(required = false) CancelJson body) {
		Actor actor = CurrentActor.get();
		return TaskJson.of(visits.cancel(actor, id, body == null ? null : body.reason()), visits.policy(),
				visits.today());
	}

	// ---------------------------------------------------------------- errors

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Invalid> invalid(InvalidInputException ex, Locale locale) {
		List<FieldError> errors = ex.messageKeys()
			.stream()
			.map(key -> new FieldError(ex.field(), key, messages.getMessage(key, null, key, locale)))
			.toList();
		return ResponseEntity.unprocessableContent()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Invalid(422, "invalid", errors));
	}

	@ExceptionHandler(TaskLifecycle.IllegalTaskTransitionException.class)
	ResponseEntity<Invalid> illegal(TaskLifecycle.IllegalTaskTransitionException ex, Locale locale) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Invalid(409, "illegal_transition", List.of(new FieldError("status", ex.messageKey(),
					messages.getMessage(ex.messageKey(), null, ex.messageKey(), locale)))));
	}

	// ---------------------------------------------------------------- parsing

	private String token(Actor actor, String idempotencyKey, String purpose) {
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			return null;
		}
		if (idempotencyKey.length() > 255) {
			throw new InvalidInputException("Idempotency-Key", "party.visits.api.idempotencyKey");
		}
		String token = Submissions.hash("api-v1", actor.accountId(), actor.username(), idempotencyKey);
		submissions.register(token, purpose);
		return token;
	}

	private OrgPath within(Actor actor, String village) {
		if (village == null || village.isBlank()) {
			return null;
		}
		return places.require(village.strip(), PartyAccess.readScope(actor)).path();
	}

	private static void checkLimit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "party.visits.api.limit");
		}
	}

	private static Set<TaskStatus> statuses(String text) {
		if (text == null || text.isBlank()) {
			return Set.of();
		}
		Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
		for (String part : text.split(",")) {
			statuses.add(Visits.parse(TaskStatus.class, part, "status", "party.visits.api.status"));
		}
		return statuses;
	}

}
