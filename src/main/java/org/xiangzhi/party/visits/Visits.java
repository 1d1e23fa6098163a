package org.xiangzhi.party.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseReported;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.party.HouseholdLinks;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.party.VisitLogged;
import org.xiangzhi.party.visits.VisitRecords.Logged;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.party.visits.VisitRecords.TriggerInput;
import org.xiangzhi.party.visits.VisitRecords.Visit;
import org.xiangzhi.party.visits.VisitRecords.VisitInput;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Staff;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.RegistryDirectory;
import org.xiangzhi.registry.RegistryDirectory.HouseholdRef;

/**
 * Visits (走访) and mandatory visits (必访): logging a visit (by the member, or by a cadre on
 * a member's behalf), raising a mandatory visit from a trigger (recorded by a cadre or
 * reported to 码上办), cancelling one, and the scoped reads of the screens and the API.
 * <p>
 * Who sees what: cadres ({@link PartyAccess#READERS}) the records of households inside
 * their scope; a party member only their own visits, their own tasks and the branch's
 * tasks (no linked member) of the households now linked to them. Anything else is "not
 * found", with a {@code SCOPE_DENIED} audit row when the record exists.
 */
@Service
@Transactional(noRollbackFor = RecordNotFoundException.class)
class Visits {

	/** Purpose of the visit forms' one-time tokens (and API idempotency keys). */
	static final String VISIT_FORM = "party-visit";

	/** Purpose of the trigger form's one-time tokens. */
	static final String TRIGGER_FORM = "party-visit-trigger";

	/** Audit object types, also the record kinds of the authorization matrix. */
	static final String HOUSEHOLD = "household";

	static final String TASK = "party-visit-task";

	static final String VISIT = "party-visit";

	/** Sources of a task. */
	static final String MANUAL = "MANUAL";

	static final String CASE = "CASE";

	/** The notice kind of every visit notice in the inbox. */
	static final String NOTICE_KIND = "PARTY_VISIT";

	static final int MAX_NOTES = 2000;

	static final int MAX_FOLLOW_UP = 1000;

	static final int MAX_NOTE = 500;

	/** How far back a visit or a trigger may be dated. */
	static final int MAX_DAYS_BACK = 365;

	/** How far ahead a trigger may be dated (a wedding announced in advance). */
	static final int MAX_DAYS_AHEAD = 60;

	private final VisitStore store;

	private final VisitPhotos photos;

	private final PartyDirectory directory;

	private final HouseholdLinks links;

	private final RegistryDirectory registry;

	private final Submissions submissions;

	private final ApplicationEventPublisher events;

	private final Staff staff;

	private final AuditLog audit;

	private final Clock clock;

	private final DeadlinePolicy policy;

	Visits(VisitStore store, VisitPhotos photos, PartyDirectory directory, HouseholdLinks links,
			RegistryDirectory registry, Submissions submissions, ApplicationEventPublisher events, Staff staff,
			AuditLog audit, Clock clock, VisitSettings settings) {
		this.store = store;
		this.photos = photos;
		this.directory = directory;
		this.links = links;
		this.registry = registry;
		this.submissions = submissions;
		this.events = events;
		this.staff = staff;
		this.audit = audit;
		this.clock = clock;
		this.policy = DeadlinePolicy.of(settings);
	}

	DeadlinePolicy policy() {
		return policy;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), DeadlinePolicy.ZONE);
	}

	// ---------------------------------------------------------------- who

	/** The member record of a signed-in party member, if their account has one. */
	Optional<MemberRef> memberOf(Actor actor) {
		return actor.has(Role.PARTY_MEMBER) ? directory.memberOfAccount(actor.accountId()) : Optional.empty();
	}

	/** Whether the actor reads as a cadre (a party member reads only their own). */
	static boolean isCadre(Actor actor) {
		return actor.hasAny(PartyAccess.READERS);
	}

	// ---------------------------------------------------------------- reads

	/** A household of the cadre's scope, for its visit history. */
	HouseholdRef household(Actor actor, long id) {
		HouseholdId household = new HouseholdId(id);
		return registry.household(household, PartyAccess.readScope(actor))
			.orElseThrow(() -> denied(HOUSEHOLD, id, registry.household(household, DataScope.of(OrgPath.ROOT))));
	}

	/** The households linked to the member now, with their addresses. */
	List<HouseholdRef> householdsOf(MemberRef member) {
		List<HouseholdRef> found = new ArrayList<>();
		for (HouseholdId id : links.linkedHouseholds(member.id())) {
			registry.household(id, DataScope.of(OrgPath.ROOT)).ifPresent(found::add);
		}
		return found;
	}

	/** A task the actor may see: in a cadre's scope, or the member's own. */
	Task task(Actor actor, long id) {
		Optional<Task> found = store.task(id);
		if (found.isPresent() && maySee(actor, found.get())) {
			return found.get();
		}
		throw denied(TASK, id, found);
	}

	/** A visit the actor may see: in a cadre's scope, or the member's own. */
	Visit visit(Actor actor, long id) {
		Optional<Visit> found = store.visit(id);
		if (found.isPresent()) {
			Visit v = found.get();
			if (isCadre(actor) && PartyAccess.readScope(actor).contains(v.path())) {
				return v;
			}
			if (memberOf(actor).map(m -> m.id().equals(v.member())).orElse(false)) {
				return v;
			}
		}
		throw denied(VISIT, id, found);
	}

	/** The photo of a visit the actor may see. */
	byte[] photo(Actor actor, long visitId) {
		visit(actor, visitId);
		return store.photo(visitId).orElseThrow(() -> new RecordNotFoundException(VISIT, visitId));
	}

	private boolean maySee(Actor actor, Task t) {
		if (isCadre(actor) && PartyAccess.readScope(actor).contains(t.path())) {
			return true;
		}
		Optional<MemberRef> me = memberOf(actor);
		if (me.isEmpty()) {
			return false;
		}
		if (t.member() != null) {
			return t.member().equals(me.get().id());
		}
		return links.linkedMember(t.household()).map(me.get().id()::equals).orElse(false);
	}

	/** Tasks of the cadre's scope, optionally below a place or of one member. */
	List<Task> tasks(Actor actor, OrgPath within, MemberId member, Set<TaskStatus> statuses, int limit) {
		return store.tasks(
				new VisitStore.TaskFilter(PartyAccess.readScope(actor), within, member, null, null, statuses, limit));
	}

	/** Tasks of one household of the cadre's scope. */
	List<Task> tasksOf(Actor actor, HouseholdId household, int limit) {
		return store.tasks(
				new VisitStore.TaskFilter(PartyAccess.readScope(actor), null, null, null, household, Set.of(), limit));
	}

	/** Visits of the cadre's scope, newest first. */
	List<Visit> visits(Actor actor, OrgPath within, MemberId member, HouseholdId household, int limit) {
		return store.visits(new VisitStore.VisitFilter(PartyAccess.readScope(actor), within, member, household, limit));
	}

	/**
	 * The member's own tasks and the branch's tasks of the households linked to them.
	 */
	List<Task> tasksOf(MemberRef member, Set<TaskStatus> statuses, int limit) {
		return store.tasks(new VisitStore.TaskFilter(null, null, member.id(), links.linkedHouseholds(member.id()), null,
				statuses, limit));
	}

	/** The member's own visits, newest first. */
	List<Visit> visitsOf(MemberRef member, int limit) {
		return store.visits(new VisitStore.VisitFilter(null, null, member.id(), null, limit));
	}

	/** Active members the cadre may log a visit for. */
	List<MemberRef> membersFor(Actor actor) {
		List<MemberRef> members = new ArrayList<>();
		for (OrgPath root : PartyAccess.manageScope(actor).roots()) {
			members.addAll(directory.activeMembersUnder(root));
		}
		return members;
	}

	/** The member linked to the household now, if active. */
	Optional<MemberRef> linkedMember(HouseholdId household) {
		return links.linkedMember(household)
			.flatMap(id -> directory.member(id, DataScope.of(OrgPath.ROOT)))
			.filter(MemberRef::active);
	}

	// ---------------------------------------------------------------- visits

	/**
	 * A party member logs a visit to one of the households linked to them.
	 * @param token a one-time form token or registered idempotency key; null for none
	 */
	Logged logAsMember(Actor actor, VisitInput input, byte[] photo, String token) {
		// the input first: its refusal tells nothing about who is a member
		Checked checked = check(input, photo);
		MemberRef me = memberOf(actor).orElseThrow(() -> new RecordNotFoundException("party-member", actor.username()));
		HouseholdId household = new HouseholdId(input.householdId());
		if (!links.linkedMember(household).map(me.id()::equals).orElse(false)) {
			throw new InvalidInputException("householdId", "party.visits.household.notLinked");
		}
		HouseholdRef ref = registry.household(household, DataScope.of(OrgPath.ROOT))
			.orElseThrow(() -> new InvalidInputException("householdId", "party.visits.household.notLinked"));
		return save(actor, ref, me, checked, input, photo, token);
	}

	/**
	 * A cadre logs a visit on a member's behalf, for a household and a member of their
	 * scope.
	 */
	Logged logForMember(Actor actor, VisitInput input, byte[] photo, String token) {
		Checked checked = check(input, photo);
		DataScope scope = PartyAccess.manageScope(actor);
		HouseholdRef ref = registry.household(new HouseholdId(input.householdId()), scope)
			.orElseThrow(() -> new InvalidInputException("householdId", "party.visits.household.unknown"));
		if (input.memberId() == null) {
			throw new InvalidInputException("memberId", "party.visits.member.required");
		}
		MemberRef member = directory.member(new MemberId(input.memberId()), scope)
			.filter(MemberRef::active)
			.orElseThrow(() -> new InvalidInputException("memberId", "party.visits.member.unknown"));
		return save(actor, ref, member, checked, input, photo, token);
	}

	/** The validated fields of a visit. */
	private record Checked(VisitKind kind, LocalDate visitedOn, String notes, String followUpText,
			VisitPhotos.Encoded photo) {
	}

	private Checked check(VisitInput input, byte[] photo) {
		if (input.householdId() == null) {
			throw new InvalidInputException("householdId", "party.visits.household.required");
		}
		VisitKind kind = parse(VisitKind.class, input.kind(), "kind", "party.visits.kind.invalid");
		LocalDate today = today();
		LocalDate visitedOn = date(input.visitedOn(), "visitedOn", today);
		if (visitedOn.isAfter(today)) {
			throw new InvalidInputException("visitedOn", "party.visits.date.future");
		}
		if (visitedOn.isBefore(today.minusDays(MAX_DAYS_BACK))) {
			throw new InvalidInputException("visitedOn", "party.visits.date.tooOld");
		}
		String notes = text(input.notes(), MAX_NOTES, "notes", "party.visits.notes.tooLong");
		String followUpText = text(input.followUpText(), MAX_FOLLOW_UP, "followUpText",
				"party.visits.followUp.tooLong");
		if (input.followUp() && followUpText == null) {
			throw new InvalidInputException("followUpText", "party.visits.followUp.textRequired");
		}
		VisitPhotos.Encoded encoded = photo == null || photo.length == 0 ? null : photos.encode(photo);
		return new Checked(kind, visitedOn, notes, input.followUp() ? followUpText : null, encoded);
	}

	private Logged save(Actor actor, HouseholdRef household, MemberRef member, Checked v, VisitInput input,
			byte[] photo, String token) {
		if (token != null) {
			Submissions.Claim claim = submissions.claim(token, VISIT_FORM,
					Submissions.hash(household.id(), member.id(), v.kind(), v.visitedOn(), v.notes(), input.followUp(),
							v.followUpText(), photo == null ? 0 : photo.length, java.util.Arrays.hashCode(photo)),
					actor.username());
			Optional<String> replayed = claim.replayedResult();
			if (replayed.isPresent()) {
				return new Logged(Long.parseLong(replayed.get()), 0, true);
			}
		}
		List<Task> open = store.openTasksOf(household.id());
		if (v.kind() == VisitKind.MANDATORY && open.isEmpty()) {
			throw new InvalidInputException("kind", "party.visits.kind.noOpenTask");
		}
		Instant now = clock.instant();
		long visitId = store
			.insertVisit(new VisitStore.NewVisit(household.id(), member.id(), household.path(), v.kind(), v.visitedOn(),
					v.notes(), input.followUp(), v.followUpText(), v.photo() != null, actor.username(), now));
		if (v.photo() != null) {
			store.insertPhoto(visitId, v.photo(), now);
		}
		int fulfilled = 0;
		if (v.kind() == VisitKind.MANDATORY) {
			// one visit answers every open 必访 of the household: the member was there
			for (Task task : open) {
				TaskStatus to = TaskLifecycle.next(task.status(), TaskLifecycle.Action.FULFIL);
				if (store.close(task.id(), task.version(), to, visitId, null, actor.username(), now)) {
					fulfilled++;
				}
			}
		}
		events.publishEvent(new VisitLogged(visitId, member.id(), household.id(), fulfilled > 0, now));
		if (token != null) {
			submissions.complete(token, Long.toString(visitId));
		}
		return new Logged(visitId, fulfilled, false);
	}

	// ---------------------------------------------------------------- tasks

	/**
	 * A cadre records a trigger (a wedding, a funeral, ...) in a household of their
	 * scope: a mandatory visit for the member linked to it.
	 * @return the new task's id (the first one's again for a replayed token)
	 */
	long recordTrigger(Actor actor, TriggerInput input, String token) {
		if (input.householdId() == null) {
			throw new InvalidInputException("householdId", "party.visits.household.required");
		}
		TriggerKind kind = parse(TriggerKind.class, input.kind(), "kind", "party.visits.trigger.invalid");
		LocalDate today = today();
		LocalDate occurredOn = date(input.occurredOn(), "occurredOn", null);
		if (occurredOn != null && (occurredOn.isBefore(today.minusDays(MAX_DAYS_BACK))
				|| occurredOn.isAfter(today.plusDays(MAX_DAYS_AHEAD)))) {
			throw new InvalidInputException("occurredOn", "party.visits.trigger.dateOutOfRange");
		}
		String note = text(input.note(), MAX_NOTE, "note", "party.visits.trigger.noteTooLong");
		HouseholdRef household = registry
			.household(new HouseholdId(input.householdId()), PartyAccess.manageScope(actor))
			.orElseThrow(() -> new InvalidInputException("householdId", "party.visits.household.unknown"));
		if (token != null) {
			Submissions.Claim claim = submissions.claim(token, TRIGGER_FORM,
					Submissions.hash(household.id(), kind, occurredOn, note), actor.username());
			Optional<String> replayed = claim.replayedResult();
			if (replayed.isPresent()) {
				return Long.parseLong(replayed.get());
			}
		}
		// an event announced ahead (a wedding next week) counts from its day, one
		// recorded late from the day it is recorded: the member cannot go earlier
		LocalDate from = occurredOn != null && occurredOn.isAfter(today) ? occurredOn : today;
		long id = raise(household, kind, note, occurredOn, MANUAL, null, from, actor.username());
		if (token != null) {
			submissions.complete(token, Long.toString(id));
		}
		return id;
	}

	/**
	 * A dispute or an assistance case was reported for a household (码上办): a mandatory
	 * visit for the member linked to it, once per case.
	 * @return the new task, empty when the case already raised one or the household is
	 * gone
	 */
	Optional<Long> raiseFromCase(CaseReported reported) {
		if (reported.householdId() == null || reported.caseId() == null) {
			return Optional.empty();
		}
		long caseId = reported.caseId().value();
		if (store.taskExistsForCase(caseId)) {
			return Optional.empty();
		}
		Optional<HouseholdRef> household = registry.household(new HouseholdId(reported.householdId()),
				DataScope.of(OrgPath.ROOT));
		if (household.isEmpty()) {
			return Optional.empty();
		}
		TriggerKind kind = reported.dispute() ? TriggerKind.DISPUTE : TriggerKind.ASSISTANCE;
		return Optional.of(raise(household.get(), kind, null, today(), CASE, caseId, today(), "码上办"));
	}

	private long raise(HouseholdRef household, TriggerKind kind, String note, LocalDate occurredOn, String source,
			Long caseId, LocalDate countFrom, String by) {
		Optional<MemberRef> member = linkedMember(household.id());
		LocalDate dueOn = policy.dueOn(kind, countFrom);
		long id = store
			.insertTask(new VisitStore.NewTask(household.id(), household.path(), member.map(MemberRef::id).orElse(null),
					kind, note, occurredOn, source, caseId, dueOn, by, clock.instant()));
		if (member.isPresent() && member.get().accountId() != null) {
			events.publishEvent(new NoticeRequested(List.of(member.get().accountId()), NOTICE_KIND,
					"party.visits.notice.created." + kind.name(), List.of(dueOn.toString()), "/party/me/visits"));
		}
		else {
			// nobody to tell in the app: the branch (the village's cadres) sees to it
			notifyCadres(household.villageCode(), "party.visits.notice.cadre", dueOn, id);
		}
		return id;
	}

	/**
	 * Tells the village's cadres about a task (in their inbox, linking to the task).
	 */
	void notifyCadres(String villageCode, String messageKey, LocalDate dueOn, long taskId) {
		if (villageCode == null) {
			return;
		}
		List<Long> recipients = staff.at(villageCode, Set.of(Role.VILLAGE_CADRE))
			.stream()
			.map(Staff.Member::accountId)
			.toList();
		if (!recipients.isEmpty()) {
			events.publishEvent(new NoticeRequested(recipients, NOTICE_KIND, messageKey, List.of(dueOn.toString()),
					"/party/visits/tasks/" + taskId));
		}
	}

	/** A cadre calls a task of their scope off, with a reason. */
	Task cancel(Actor actor, long id, String reason) {
		Optional<Task> found = store.task(id);
		if (found.isEmpty() || !PartyAccess.manageScope(actor).contains(found.get().path())) {
			throw denied(TASK, id, found);
		}
		Task task = found.get();
		TaskStatus to = TaskLifecycle.next(task.status(), TaskLifecycle.Action.CANCEL);
		String why = TaskLifecycle.requireReason(reason);
		if (!store.close(task.id(), task.version(), to, null, why, actor.username(), clock.instant())) {
			// someone closed it a moment ago: answer as for a closed task
			TaskLifecycle.next(store.task(id).map(Task::status).orElse(TaskStatus.CANCELLED),
					TaskLifecycle.Action.CANCEL);
		}
		return store.task(id).orElseThrow();
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * Not found; when the record exists (outside the caller's reach), audited first.
	 */
	private RecordNotFoundException denied(String type, long id, Optional<?> existing) {
		if (existing.isPresent()) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, type, id, AuditOutcome.DENIED));
		}
		return new RecordNotFoundException(type, id);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String key) {
		try {
			return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, key);
		}
	}

	static LocalDate date(String text, String field, LocalDate fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "party.visits.date.invalid");
		}
	}

	static String text(String text, int max, String field, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip();
		if (t.length() > max) {
			throw new InvalidInputException(field, key);
		}
		return t;
	}

}
