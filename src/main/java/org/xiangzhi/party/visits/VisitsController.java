package org.xiangzhi.party.visits;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.party.visits.VisitRecords.Task;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.registry.HouseholdId;
import org.xiangzhi.registry.RegistryDirectory;
import org.xiangzhi.registry.RegistryDirectory.HouseholdRef;

/**
 * The cadres' screens of visits (branch secretaries, town organisers): the mandatory
 * visits of the scope by urgency and the recent visits, filtered by village or member; a
 * household's visit history with "log a visit on a member's behalf"; a task with its
 * cancellation; the form recording a trigger by hand.
 */
@Controller
@RequestMapping("/party/visits")
@PreAuthorize(PartyAccess.CAN_READ)
class VisitsController {

	static final int MAX_OPEN = 300;

	static final int MAX_CLOSED = 20;

	static final int MAX_VISITS = 30;

	static final int MAX_FOUND = 20;

	private final Visits visits;

	private final Places places;

	private final RegistryDirectory registry;

	private final Submissions submissions;

	VisitsController(Visits visits, Places places, RegistryDirectory registry, Submissions submissions) {
		this.visits = visits;
		this.places = places;
		this.registry = registry;
		this.submissions = submissions;
	}

	/** A household found by a resident's name. */
	record Found(long householdId, String residentName, String address) {
	}

	@GetMapping
	String dashboard(@RequestParam(required = false) String village, @RequestParam(required = false) Long member,
			@RequestParam(required = false) String name, Model model) {
		Actor actor = CurrentActor.get();
		DataScope scope = PartyAccess.readScope(actor);
		OrgPath within = null;
		if (village != null && !village.isBlank()) {
			within = places.require(village.strip(), scope).path();
		}
		MemberId memberId = member == null ? null : new MemberId(member);
		List<Task> open = visits.tasks(actor, within, memberId, Set.of(TaskStatus.OPEN), MAX_OPEN);
		DeadlinePolicy policy = visits.policy();
		var today = visits.today();
		List<Task> overdue = new ArrayList<>();
		List<Task> dueSoon = new ArrayList<>();
		List<Task> due = new ArrayList<>();
		for (Task t : open) {
			switch (policy.urgency(t.dueOn(), today)) {
				case OVERDUE -> overdue.add(t);
				case DUE_SOON -> dueSoon.add(t);
				default -> due.add(t);
			}
		}
		model.addAttribute("overdue", overdue);
		model.addAttribute("dueSoon", dueSoon);
		model.addAttribute("due", due);
		model.addAttribute("closed",
				visits.tasks(actor, within, memberId, EnumSet.of(TaskStatus.DONE, TaskStatus.CANCELLED), MAX_CLOSED));
		model.addAttribute("visits", visits.visits(actor, within, memberId, null, MAX_VISITS));
		model.addAttribute("villages", villages(scope));
		model.addAttribute("members", visits.membersFor(actor));
		model.addAttribute("village", village);
		model.addAttribute("member", member);
		model.addAttribute("name", name);
		model.addAttribute("found", found(scope, name));
		model.addAttribute("canManage", actor.hasAny(PartyAccess.MANAGERS));
		return "party/visits/dashboard";
	}

	@GetMapping("/households/{id}")
	String household(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.get();
		HouseholdRef household = visits.household(actor, id);
		VisitForm form = new VisitForm();
		visits.linkedMember(household.id()).ifPresent(m -> form.setMemberId(m.id().value()));
		model.addAttribute("form", form);
		return householdView(actor, household, form, model);
	}

	/** A cadre logs a visit on a member's behalf. */
	@PostMapping("/households/{id}/visits")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String log(@PathVariable long id, @ModelAttribute("form") VisitForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		HouseholdRef household = visits.household(actor, id);
		form.setHouseholdId(id);
		try {
			visits.logForMember(actor, form.input(), form.photoBytes(), form.getSubmissionToken());
			redirect.addFlashAttribute("flash", "party.visits.logged");
			return "redirect:/party/visits/households/" + id;
		}
		catch (InvalidInputException ex) {
			reject(ex, binding);
			response.setStatus(422);
			return householdView(actor, household, form, model);
		}
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.get();
		Task task = visits.task(actor, id);
		model.addAttribute("task", task);
		model.addAttribute("urgency", task.urgency(visits.policy(), visits.today()));
		model.addAttribute("canManage", actor.hasAny(PartyAccess.MANAGERS));
		return "party/visits/task";
	}

	@PostMapping("/tasks/{id}/cancel")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		try {
			visits.cancel(actor, id, reason);
			redirect.addFlashAttribute("flash", "party.visits.cancelled");
			return "redirect:/party/visits/tasks/" + id;
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.messageKeys().get(0));
			response.setStatus(422);
		}
		catch (TaskLifecycle.IllegalTaskTransitionException ex) {
			model.addAttribute("error", ex.messageKey());
			response.setStatus(409);
		}
		model.addAttribute("reason", reason);
		return task(id, model);
	}

	@GetMapping("/triggers/new")
	String triggerForm(@RequestParam(required = false) Long household, @RequestParam(required = false) String name,
			Model model) {
		TriggerForm form = new TriggerForm();
		form.setHouseholdId(household);
		model.addAttribute("form", form);
		model.addAttribute("name", name);
		return triggerView(CurrentActor.get(), form, name, model);
	}

	@PostMapping("/triggers")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String recordTrigger(@ModelAttribute("form") TriggerForm form, BindingResult binding, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		try {
			long task = visits.recordTrigger(actor, form.input(), form.getSubmissionToken());
			redirect.addFlashAttribute("flash", "party.visits.trigger.recorded");
			return "redirect:/party/visits/tasks/" + task;
		}
		catch (InvalidInputException ex) {
			reject(ex, binding);
			response.setStatus(422);
			return triggerView(actor, form, null, model);
		}
	}

	@GetMapping("/photos/{id}")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		return photoResponse(visits.photo(CurrentActor.get(), id));
	}

	static ResponseEntity<byte[]> photoResponse(byte[] jpeg) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.body(jpeg);
	}

	/** Puts the refusal next to its field, or on top of the form. */
	static void reject(InvalidInputException ex, BindingResult binding) {
		for (String key : ex.messageKeys()) {
			if (ex.field() != null && binding.getFieldType(ex.field()) != null) {
				binding.rejectValue(ex.field(), key);
			}
			else {
				binding.reject(key);
			}
		}
	}

	private String householdView(Actor actor, HouseholdRef household, VisitForm form, Model model) {
		if (form.getSubmissionToken() == null || form.getSubmissionToken().isBlank()) {
			form.setSubmissionToken(submissions.issue(Visits.VISIT_FORM));
		}
		model.addAttribute("household", household);
		model.addAttribute("linked", visits.linkedMember(household.id()).orElse(null));
		model.addAttribute("tasks", visits.tasksOf(actor, household.id(), 50));
		model.addAttribute("visits", visits.visits(actor, null, null, household.id(), 100));
		model.addAttribute("members", visits.membersFor(actor));
		model.addAttribute("kinds", VisitKind.values());
		model.addAttribute("today", visits.today());
		model.addAttribute("policy", visits.policy());
		model.addAttribute("canManage", actor.hasAny(PartyAccess.MANAGERS));
		return "party/visits/household";
	}

	private String triggerView(Actor actor, TriggerForm form, String name, Model model) {
		if (form.getSubmissionToken() == null || form.getSubmissionToken().isBlank()) {
			form.setSubmissionToken(submissions.issue(Visits.TRIGGER_FORM));
		}
		DataScope scope = PartyAccess.manageScope(actor);
		HouseholdRef chosen = form.getHouseholdId() == null ? null
				: registry.household(new HouseholdId(form.getHouseholdId()), scope).orElse(null);
		model.addAttribute("chosen", chosen);
		model.addAttribute("chosenMember",
				chosen == null ? null : visits.linkedMember(chosen.id()).map(MemberRef::name).orElse(null));
		model.addAttribute("found", found(scope, name));
		model.addAttribute("kinds", TriggerKind.values());
		model.addAttribute("policy", visits.policy());
		return "party/visits/trigger";
	}

	private List<Place> villages(DataScope scope) {
		return places.within(scope, 2000).stream().filter(p -> p.level() == PlaceLevel.VILLAGE).toList();
	}

	private List<Found> found(DataScope scope, String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		return registry.residentsNamed(name.strip(), scope, MAX_FOUND)
			.stream()
			.filter(r -> r.householdId() != null)
			.map(r -> new Found(r.householdId().value(), r.name(),
					registry.household(r.householdId(), scope).map(HouseholdRef::address).orElse("")))
			.toList();
	}

}
