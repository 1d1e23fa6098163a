package org.xiangzhi.cases.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseActor;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseMoved;
import org.xiangzhi.cases.CaseReported;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.cases.TransitionRequest;
import org.xiangzhi.cases.domain.CaseLifecycle;
import org.xiangzhi.cases.domain.CaseTransition;
import org.xiangzhi.cases.domain.CaseWorkflow;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.GroupCommit;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Staff;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.RegistryDirectory;
import org.xiangzhi.registry.ResidentId;

/**
 * The front desk of the cases module: every channel reports through {@link #report},
 * every cadre acts through {@link #act}, the reporter through {@link #actAsReporter} and
 * {@link #rate}, the scheduler through {@link #actAsSystem}. Reads and writes are
 * confined to the actor's scope; a case outside it is "not found".
 */
@Service
public class CaseDesk {

	/** The object type in audit rows. */
	public static final String CASE = "case";

	/** Purpose of the public report form's one-time tokens. */
	public static final String REPORT_FORM = "case-report";

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_REASON = 1000;

	/** Actions of the unit handling the case or of a level above it. */
	private static final Set<CaseAction> HANDLER_ACTIONS = EnumSet.of(CaseAction.ACCEPT, CaseAction.REJECT,
			CaseAction.DISPATCH, CaseAction.START, CaseAction.HANDLE, CaseAction.CLOSE, CaseAction.REOPEN,
			CaseAction.MERGE, CaseAction.ESCALATE, CaseAction.HAND_DOWN, CaseAction.TRANSFER);

	/** Actions only a level above the handling level may take. */
	private static final Set<CaseAction> SUPERVISOR_ACTIONS = EnumSet.of(CaseAction.URGE, CaseAction.VERIFY,
			CaseAction.REJECT_RESOLUTION);

	private final CaseStore store;

	private final CategoryCatalog categories;

	private final Routing routing;

	private final CasePhotos photos;

	private final Places places;

	private final Staff staff;

	private final RegistryDirectory registry;

	private final PersonalData personalData;

	private final Submissions submissions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	private final GroupCommit groupCommit;

	private final CaseLifecycle lifecycle = new CaseLifecycle();

	public CaseDesk(CaseStore store, CategoryCatalog categories, Routing routing, CasePhotos photos, Places places,
			Staff staff, RegistryDirectory registry, PersonalData personalData, Submissions submissions, AuditLog audit,
			ApplicationEventPublisher events, WorkingDayCalendar calendar, GroupCommit groupCommit, Clock clock) {
		this.groupCommit = groupCommit;
		this.store = store;
		this.categories = categories;
		this.routing = routing;
		this.photos = photos;
		this.places = places;
		this.staff = staff;
		this.registry = registry;
		this.personalData = personalData;
		this.submissions = submissions;
		this.audit = audit;
		this.events = events;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * What a reporter gets back: the case, the code to track it by and its deadlines.
	 */
	public record Receipt(CaseId id, String trackingCode, boolean replay, TimeLimits.Deadlines deadlines) {

		public String trackingCodeDisplay() {
			return TrackingCodes.display(trackingCode);
		}

	}

	// ---------------------------------------------------------------- intake

	/**
	 * Takes a report in from a resident (QR page, Open311, API). With a token, the report
	 * is created once: the same token and payload again returns the first receipt.
	 * Outside a transaction the write joins a {@link GroupCommit group commit} with the
	 * reports arriving at the same moment.
	 * @param token a one-time form token or a registered idempotency key; null for none
	 * @param purpose the token's purpose
	 * @throws InvalidInputException with the field and message key of the first problem;
	 * {@code submission.conflict} for a token reused with other data,
	 * {@code submission.expired} for an unknown token
	 */
	public Receipt report(NewCase report, String token, String purpose, Long open311ClientId) {
		return report(report, token, purpose, open311ClientId, List.of());
	}

	/**
	 * Like {@link #report(NewCase, String, String, Long)}, with the caller's own rows for
	 * a new case (not for a replay), written with it.
	 */
	public Receipt report(NewCase report, String token, String purpose, Long open311ClientId,
			List<CaseStore.CompanionRow> alongside) {
		Draft draft = prepare(report, null, open311ClientId, DataScope.of(OrgPath.ROOT));
		String tokenHolder = CurrentActor.find().map(Actor::username).orElse(null);
		return groupCommit.run(() -> file(draft, report.payloadHash(), token, purpose, tokenHolder, alongside));
	}

	/**
	 * Takes a report in on behalf of a resident (visit, phone, WeChat, walk-in, patrol),
	 * optionally linked to a registry resident and household of the cadre's area.
	 */
	public Receipt reportOnBehalf(Actor actor, NewCase report, String token) {
		if (!report.channel().onBehalf()) {
			throw new InvalidInputException("channel", "case.intake.channel.invalid");
		}
		Draft draft = prepare(report, actor.username(), null, CaseAccess.handleScope(actor));
		return groupCommit
			.run(() -> file(draft, report.payloadHash(), token, "case-intake", actor.username(), List.of()));
	}

	/** A validated, routed report: everything but the writes. */
	private record Draft(CaseRecord record, String phoneIndex, List<Long> photoIds, CaseStore.Event submitted,
			CaseReported reported) {
	}

	/**
	 * The writes of a report; runs in a group commit, so everything it needs of the
	 * request (the token's holder too) comes in as an argument.
	 */
	private Receipt file(Draft draft, String payloadHash, String token, String purpose, String tokenHolder,
			List<CaseStore.CompanionRow> alongside) {
		if (token != null) {
			Submissions.Claim claim = submissions.claim(token, purpose, payloadHash, tokenHolder);
			Optional<String> replayed = claim.replayedResult();
			if (replayed.isPresent()) {
				CaseRecord first = store.findByTrackingCode(replayed.get())
					.orElseThrow(() -> new IllegalStateException("receipt without case"));
				return new Receipt(first.id(), first.trackingCode(), true, first.deadlines());
			}
		}
		CaseRecord c = draft.record();
		CaseId id = store.insertWithEvent(c, draft.phoneIndex(), draft.submitted(), alongside);
		if (!draft.photoIds().isEmpty()) {
			photos.attach(id, draft.photoIds(), CasePhotos.Kind.BEFORE);
		}
		// no notice per new report: the unit's queue is where new reports wait; notices
		// are for what needs someone in particular (dispatched to you, urged, overdue,
		// sent back)
		CaseReported r = draft.reported();
		events.publishEvent(new CaseReported(id, r.categoryCode(), r.dispute(), r.householdId(), r.path()));
		Receipt receipt = new Receipt(id, c.trackingCode(), false, c.deadlines());
		if (token != null) {
			submissions.complete(token, receipt.trackingCode());
		}
		return receipt;
	}

	/** Validates and routes a report; reads only. */
	private Draft prepare(NewCase report, String createdBy, Long clientId, DataScope scope) {
		Place place = routing.place(report.placeCode())
			.filter(p -> scope.contains(p.path()))
			.filter(p -> p.level().isAtOrBelow(PlaceLevel.VILLAGE))
			.orElseThrow(() -> new InvalidInputException("placeCode", "case.intake.place.unknown"));
		String countyCode = routing.parts(place.path()).countyCode();
		if (countyCode == null) {
			throw new InvalidInputException("placeCode", "case.intake.place.unknown");
		}
		CaseCategory category = categories.find(countyCode, report.categoryCode())
			.orElseThrow(() -> new InvalidInputException("categoryCode", "case.intake.category.unknown"));
		String description = report.description() == null ? "" : report.description().strip();
		if (description.isEmpty()) {
			throw new InvalidInputException("description", "case.intake.description.required");
		}
		if (description.length() > MAX_DESCRIPTION) {
			throw new InvalidInputException("description", "case.intake.description.tooLong");
		}
		String name = blankToNull(report.reporterName());
		if (name != null && name.length() > 50) {
			throw new InvalidInputException("reporterName", "case.intake.name.tooLong");
		}
		String phone = blankToNull(report.reporterPhone());
		if (phone != null) {
			phone = phone.replaceAll("[\\s-]", "");
			if (!phone.matches("(\\+?86)?1[3-9]\\d{9}|0\\d{2,3}\\d{7,8}")) {
				throw new InvalidInputException("reporterPhone", "case.intake.phone.invalid");
			}
		}
		if (report.photoIds().size() > CasePhotos.MAX_PER_CASE) {
			throw new InvalidInputException("photos", "case.photo.tooMany");
		}
		OrgPath householdPath = null;
		if (report.householdId() != null) {
			householdPath = registry.household(new HouseholdId(report.householdId()), scope)
				.orElseThrow(() -> new InvalidInputException("householdId", "case.intake.household.unknown"))
				.path();
		}
		if (report.residentId() != null) {
			registry.resident(new ResidentId(report.residentId()), scope)
				.orElseThrow(() -> new InvalidInputException("residentId", "case.intake.resident.unknown"));
		}
		Routing.Route route = routing.route(place, report.location(), householdPath, categories.levelOf(category));
		Instant now = clock.instant();
		TimeLimits limits = categories.limits(countyCode, category.code());
		CaseRecord draft = new CaseRecord(null, TrackingCodes.next(), route.path(), route.parts().countyCode(),
				route.parts().townCode(), route.parts().villageCode(), route.parts().gridCode(), route.unit().code(),
				route.level(), category.code(), CategoryCatalog.isDispute(category.code()), CaseStatus.SUBMITTED,
				report.channel(), description, report.location(), personalData.encrypt(name),
				personalData.encrypt(phone), report.residentId(), report.householdId(), null, createdBy, clientId, now,
				limits.deadlines(now, calendar), null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, 0, now);
		CaseStore.Event submitted = new CaseStore.Event(0, null, now, createdBy == null ? "reporter" : createdBy,
				CaseAction.SUBMIT, null, CaseStatus.SUBMITTED, null, route.level(), null, route.unit().code(), null,
				false);
		return new Draft(draft, phone == null ? null : personalData.blindIndex("phone", phone), report.photoIds(),
				submitted,
				new CaseReported(null, category.code(), draft.dispute(), report.householdId(), route.path()));
	}

	// ---------------------------------------------------------------- reads

	/** The case, if it lies in the actor's scope. */
	public CaseRecord view(Actor actor, CaseId id) {
		return store.find(id, CaseAccess.readScope(actor)).orElseThrow(() -> new RecordNotFoundException(CASE, id));
	}

	/** The case of a tracking code (as typed), for the reporter's page. */
	public Optional<CaseRecord> tracked(String typedCode) {
		String code = TrackingCodes.normalize(typedCode);
		return code == null ? Optional.empty() : store.findByTrackingCode(code);
	}

	public List<CaseStore.Event> timeline(CaseId id) {
		return store.events(id);
	}

	/** The reporter's name and phone in clear; every call is audited. */
	@Transactional
	public Reporter revealReporter(Actor actor, CaseId id) {
		CaseRecord c = view(actor, id);
		audit.record(AuditEntry.success(AuditActions.REVEAL, CASE, id).withDetail("reporter"));
		return new Reporter(personalData.decrypt(c.reporterNameEnc()), personalData.decrypt(c.reporterPhoneEnc()));
	}

	/** The reporter as revealed. */
	public record Reporter(String name, String phone) {
	}

	/**
	 * The level the actor acts at on this case for the action: supervisors' actions take
	 * the highest level the actor holds over the case, handlers' actions the lowest that
	 * is not below the handling level.
	 */
	public Optional<HandlingLevel> actorLevel(Actor actor, CaseRecord c, CaseAction action) {
		List<HandlingLevel> levels = new ArrayList<>();
		for (Actor.Assignment assignment : actor.assignments()) {
			if (CaseAccess.HANDLERS.contains(assignment.role()) && assignment.path().contains(c.path())) {
				places.find(assignment.placeCode()).map(CaseDesk::handlingLevelOf).ifPresent(levels::add);
			}
		}
		if (levels.isEmpty()) {
			return Optional.empty();
		}
		if (SUPERVISOR_ACTIONS.contains(action)) {
			return levels.stream().max(Enum::compareTo);
		}
		Optional<HandlingLevel> handling = levels.stream().filter(l -> !c.level().isAbove(l)).min(Enum::compareTo);
		return handling.isPresent() ? handling : levels.stream().max(Enum::compareTo);
	}

	private static HandlingLevel handlingLevelOf(Place place) {
		// above the county (city, province, nation) acts as the county does
		return HandlingLevel.of(place.level())
			.orElse(place.level().isAtOrBelow(PlaceLevel.GRID) ? HandlingLevel.GRID : HandlingLevel.COUNTY);
	}

	/** The actions the actor may try on the case now, in workflow order. */
	public List<CaseAction> actionsFor(Actor actor, CaseRecord c) {
		List<CaseAction> actions = new ArrayList<>();
		for (CaseAction action : CaseWorkflow.allowedActions(c.status())) {
			if (action == CaseAction.CONFIRM_BY_REPORTER) {
				continue;
			}
			Optional<HandlingLevel> level = actorLevel(actor, c, action);
			if (level.isPresent() && permitted(action, level.get(), c)) {
				actions.add(action);
			}
		}
		actions.sort(Enum::compareTo);
		return actions;
	}

	private static boolean permitted(CaseAction action, HandlingLevel actorLevel, CaseRecord c) {
		if (SUPERVISOR_ACTIONS.contains(action)) {
			return actorLevel.isAbove(c.level());
		}
		if (action == CaseAction.ESCALATE) {
			return actorLevel == c.level() && c.level().up().isPresent();
		}
		if (action == CaseAction.HAND_DOWN) {
			return !c.level().isAbove(actorLevel) && c.level().down().isPresent();
		}
		return HANDLER_ACTIONS.contains(action) && !c.level().isAbove(actorLevel);
	}

	// ---------------------------------------------------------------- transitions

	/**
	 * A cadre acts on a case.
	 * @throws RecordNotFoundException when the case is not in the actor's scope
	 * @throws org.xiangzhi.cases.IllegalTransitionException when the action is not
	 * allowed in the current status (the message names it)
	 * @throws TransitionRefusedException when the actor or the request does not qualify
	 * @throws org.xiangzhi.cases.ConcurrentTransitionException when someone was faster
	 */
	@Transactional
	public CaseRecord act(Actor actor, CaseId id, CaseCommand command) {
		CaseRecord c = store.find(id, CaseAccess.handleScope(actor))
			.orElseThrow(() -> new RecordNotFoundException(CASE, id));
		CaseAction action = command.action();
		if (action == CaseAction.SUBMIT || action == CaseAction.CONFIRM_BY_REPORTER) {
			throw new TransitionRefusedException("case.refused.actor.reporter", c.status(), action);
		}
		HandlingLevel level = actorLevel(actor, c, action).orElseThrow(() -> new RecordNotFoundException(CASE, id));
		// the table speaks first, so an impossible action names the current state
		CaseWorkflow.next(c.status(), action);
		if (!permitted(action, level, c)) {
			throw new TransitionRefusedException(
					SUPERVISOR_ACTIONS.contains(action) ? "case.refused.actor.notAbove" : "case.refused.actor.level",
					c.status(), action);
		}
		return apply(c, CaseActor.cadre(actor.username(), level), command, CaseAccess.handleScope(actor));
	}

	/** The reporter confirms (群众确认) or rejects (退回重办) the resolution by tracking code. */
	@Transactional
	public CaseRecord actAsReporter(String trackingCode, CaseAction action, long expectedVersion, String reason) {
		if (action != CaseAction.CONFIRM_BY_REPORTER && action != CaseAction.REJECT_RESOLUTION) {
			throw new IllegalArgumentException("not a reporter action: " + action);
		}
		CaseRecord c = tracked(trackingCode).orElseThrow(() -> new RecordNotFoundException(CASE, trackingCode));
		return apply(c, CaseActor.theReporter(), CaseCommand.of(action, expectedVersion).withReason(reason), null);
	}

	/** The scheduler acts (an overdue case escalates by itself). */
	@Transactional
	public CaseRecord actAsSystem(CaseId id, CaseCommand command) {
		CaseRecord c = store.find(id).orElseThrow(() -> new RecordNotFoundException(CASE, id));
		return apply(c, CaseActor.system(), command, DataScope.of(OrgPath.ROOT));
	}

	/**
	 * The reporter rates the resolution (满意度), once, after it was handled.
	 * @throws InvalidInputException {@code case.rating.*}
	 */
	@Transactional
	public CaseRecord rate(String trackingCode, int stars, String comment) {
		CaseRecord c = tracked(trackingCode).orElseThrow(() -> new RecordNotFoundException(CASE, trackingCode));
		if (stars < 1 || stars > 5) {
			throw new InvalidInputException("satisfaction", "case.rating.range");
		}
		if (c.handledAt() == null || c.status() == CaseStatus.REOPENED
				|| !c.open() && c.status() != CaseStatus.CLOSED) {
			throw new InvalidInputException("satisfaction", "case.rating.notYet");
		}
		if (c.ratedAt() != null) {
			throw new InvalidInputException("satisfaction", "case.rating.once");
		}
		String text = blankToNull(comment);
		if (text != null && text.length() > MAX_REASON) {
			throw new InvalidInputException("comment", "case.rating.tooLong");
		}
		CaseRecord rated = copy(c).satisfaction(stars, text, clock.instant()).build();
		store.update(rated, c.version());
		return store.find(c.id()).orElseThrow();
	}

	private CaseRecord apply(CaseRecord c, CaseActor who, CaseCommand command, DataScope scope) {
		CaseAction action = command.action();
		checkLength(command.reason(), "reason");
		checkLength(command.resultText(), "resultText");
		Instant now = clock.instant();
		TransitionRequest request = TransitionRequest.of(action, command.expectedVersion(), who, now)
			.withReason(command.reason())
			.withResult(command.resultText(), command.afterPhotoIds().stream().map(String::valueOf).toList());
		CaseRecord.Builder next = copy(c);
		Routing.Route moved = null;
		switch (action) {
			case ESCALATE -> {
				HandlingLevel target = command.targetLevel() != null ? command.targetLevel()
						: c.level().up().orElse(c.level());
				request = request.withTargetLevel(target);
				if (target.isAbove(c.level())) {
					moved = routing.toLevel(c.path(), target);
				}
			}
			case HAND_DOWN -> {
				Place unit = targetUnit(command, scope);
				Place current = places.find(c.unitCode()).orElseThrow();
				if (!current.path().contains(unit.path()) || current.code().equals(unit.code())) {
					throw new TransitionRefusedException("case.refused.handDown.unit", c.status(), action);
				}
				HandlingLevel target = HandlingLevel.of(unit.level())
					.orElseThrow(
							() -> new TransitionRefusedException("case.refused.handDown.unit", c.status(), action));
				request = request.withTargetLevel(target);
				moved = movedTo(c, unit);
			}
			case TRANSFER -> {
				Place unit = targetUnit(command, scope);
				Place current = places.find(c.unitCode()).orElseThrow();
				if (unit.code().equals(current.code()) || unit.level() != current.level()) {
					throw new TransitionRefusedException("case.refused.transfer.level", c.status(), action);
				}
				request = request.withTargetLevel(c.level());
				moved = movedTo(c, unit);
			}
			case DISPATCH -> {
				if (command.assigneeAccountId() != null) {
					Staff.Member assignee = staff.find(command.assigneeAccountId())
						.orElseThrow(() -> new TransitionRefusedException("case.refused.dispatch.assignee", c.status(),
								action));
					Place unit = places.find(c.unitCode()).orElseThrow();
					if (!unit.path().contains(assignee.path())) {
						throw new TransitionRefusedException("case.refused.dispatch.outside", c.status(), action);
					}
					request = request.withAssignee(assignee.accountId());
				}
			}
			case MERGE -> {
				if (command.targetCaseId() != null) {
					CaseRecord target = store.find(new CaseId(command.targetCaseId()), scope)
						.filter(CaseRecord::open)
						.orElseThrow(
								() -> new TransitionRefusedException("case.refused.merge.target", c.status(), action));
					request = request.withTargetCase(target.id());
				}
			}
			default -> {
			}
		}
		CaseTransition transition = lifecycle.apply(c.state(), request);
		if (action == CaseAction.HANDLE && command.afterPhotoIds().isEmpty()) {
			throw new TransitionRefusedException("case.refused.handle.photos", c.status(), action);
		}
		next.status(transition.state().status()).level(transition.state().level()).updatedAt(now);
		if (moved != null) {
			next.route(moved);
			if (c.status() != CaseStatus.SUBMITTED) {
				next.assignee(null);
			}
		}
		boolean notePublic = false;
		switch (action) {
			case ACCEPT -> next.acceptedAt(now);
			case REJECT -> {
				next.publicNote(command.reason().strip());
				notePublic = true;
			}
			case DISPATCH -> next.assignee(request.assigneeAccountId()).dispatchedAt(now);
			case HANDLE -> {
				next.handledAt(now).resultText(command.resultText().strip());
				notePublic = true;
			}
			case VERIFY -> next.verifiedAt(now);
			case CONFIRM_BY_REPORTER ->
				next.verifiedAt(c.verifiedAt() == null ? now : c.verifiedAt()).reporterConfirmed(true);
			case CLOSE -> next.closedAt(now).clearOverdue();
			case REJECT_RESOLUTION, REOPEN -> {
				// a new round: the clock starts again and the old result stays in the
				// timeline
				next.handledAt(null)
					.verifiedAt(null)
					.closedAt(null)
					.reporterConfirmed(null)
					.resultText(null)
					.clearOverdue()
					.deadlines(categories.limits(c.countyCode(), c.categoryCode()).deadlines(now, calendar));
				notePublic = who.reporter();
			}
			case MERGE -> next.mergedInto(request.targetCase().value()).clearOverdue();
			default -> {
			}
		}
		if (moved != null || action == CaseAction.ACCEPT || action == CaseAction.DISPATCH
				|| action == CaseAction.HANDLE) {
			// whoever has the case now starts without the last unit's overdue flag
			next.clearOverdue();
		}
		CaseRecord updated = next.build();
		if (action != CaseAction.URGE) {
			store.update(updated, c.version());
		}
		if (action == CaseAction.HANDLE) {
			photos.attach(c.id(), command.afterPhotoIds(), CasePhotos.Kind.AFTER);
		}
		store.insertEvent(new CaseStore.Event(0, c.id(), now, who.name(), action, c.status(), updated.status(),
				c.level(), updated.level(), c.unitCode(), updated.unitCode(), transition.entry().note(), notePublic));
		events.publishEvent(new CaseMoved(c.id(), action, c.status(), updated.status(), updated.path()));
		notifyAfter(action, updated);
		return action == CaseAction.URGE ? c : store.find(c.id()).orElseThrow();
	}

	private Place targetUnit(CaseCommand command, DataScope scope) {
		Place unit = command.targetUnitCode() == null ? null : places.find(command.targetUnitCode()).orElse(null);
		if (unit == null || HandlingLevel.of(unit.level()).isEmpty()) {
			throw new InvalidInputException("targetUnitCode", "case.refused.unit.unknown");
		}
		// sideways transfers may leave the actor's own area: a village hands a case to
		// its
		// neighbour; but never outside the unit's parent
		Place parent = unit.parentCode() == null ? null : places.find(unit.parentCode()).orElse(null);
		if (!scope.contains(unit.path()) && (parent == null || !scope.contains(parent.path()))
				&& !scopeHoldsSibling(scope, unit)) {
			throw new InvalidInputException("targetUnitCode", "case.refused.unit.unknown");
		}
		return unit;
	}

	private static boolean scopeHoldsSibling(DataScope scope, Place unit) {
		OrgPath parent = unit.path().parent();
		return scope.roots().stream().anyMatch(root -> parent.contains(root) && !root.equals(parent));
	}

	private Routing.Route movedTo(CaseRecord c, Place unit) {
		// the unit must stay on the case's path: a case handed to another unit concerns
		// it now
		OrgPath path = unit.path().contains(c.path()) ? c.path() : unit.path();
		return new Routing.Route(path, routing.parts(path), unit, HandlingLevel.of(unit.level()).orElseThrow());
	}

	private static void checkLength(String text, String field) {
		if (text != null && text.length() > MAX_REASON * 4) {
			throw new InvalidInputException(field, "case.input.tooLong");
		}
	}

	// ---------------------------------------------------------------- notices

	private void notifyAfter(CaseAction action, CaseRecord after) {
		String code = after.trackingCode();
		switch (action) {
			case DISPATCH -> notifyAccounts(List.of(after.assigneeAccountId()), "CASE_DISPATCHED",
					"case.notice.dispatched", after.id(), code);
			case URGE -> notifyHandler(after, "CASE_URGED", "case.notice.urged", code);
			case ESCALATE, HAND_DOWN, TRANSFER ->
				notifyUnit(after.unitCode(), "CASE_ARRIVED", "case.notice.arrived", after.id(), code);
			case REJECT_RESOLUTION ->
				notifyHandler(after, "CASE_RESOLUTION_REJECTED", "case.notice.resolutionRejected", code);
			default -> {
			}
		}
	}

	private void notifyHandler(CaseRecord c, String kind, String key, String code) {
		if (c.assigneeAccountId() != null) {
			notifyAccounts(List.of(c.assigneeAccountId()), kind, key, c.id(), code);
		}
		else {
			notifyUnit(c.unitCode(), kind, key, c.id(), code);
		}
	}

	/** Notifies the handling staff of a unit. */
	public void notifyUnit(String unitCode, String kind, String key, CaseId id, String trackingCode) {
		List<Long> recipients = staff.at(unitCode, CaseAccess.HANDLERS).stream().map(Staff.Member::accountId).toList();
		notifyAccounts(recipients, kind, key, id, trackingCode);
	}

	private void notifyAccounts(List<Long> recipients, String kind, String key, CaseId id, String trackingCode) {
		if (recipients.isEmpty()) {
			return;
		}
		events.publishEvent(new NoticeRequested(recipients, kind, key, List.of(TrackingCodes.display(trackingCode)),
				"/cases/" + id.value()));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static CaseRecord.Builder copy(CaseRecord c) {
		return new CaseRecord.Builder(c);
	}

}
