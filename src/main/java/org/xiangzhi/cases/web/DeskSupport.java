package org.xiangzhi.cases.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.IllegalTransitionException;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.core.CategoryCatalog;
import org.xiangzhi.cases.core.Routing;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.cases.time.CaseStep;
import org.xiangzhi.cases.time.CategoryDefaults;
import org.xiangzhi.cases.time.OverduePolicy;
import org.xiangzhi.cases.time.OverdueStatus;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * What the cadres' screens share: loading a case inside the actor's scope (an
 * out-of-scope id is audited and then answered exactly like a missing one), names of
 * places and categories, the deadline state of a case and the wording of refusals.
 */
@Component
class DeskSupport {

	/** Times on the desk are shown in China Standard Time. */
	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final CaseDesk desk;

	private final CaseStore store;

	private final CategoryCatalog categories;

	private final Routing routing;

	private final Places places;

	private final AuditLog audit;

	private final MessageSource messages;

	private final OverduePolicy overdue;

	private final Clock clock;

	DeskSupport(CaseDesk desk, CaseStore store, CategoryCatalog categories, Routing routing, Places places,
			AuditLog audit, MessageSource messages, WorkingDayCalendar calendar, CaseSettings settings, Clock clock) {
		this.desk = desk;
		this.store = store;
		this.categories = categories;
		this.routing = routing;
		this.places = places;
		this.audit = audit;
		this.messages = messages;
		this.overdue = new OverduePolicy(calendar, settings.overdueGraceWorkingDays());
		this.clock = clock;
	}

	/**
	 * The case if it lies in the actor's scope; otherwise
	 * {@link RecordNotFoundException}, after a SCOPE_DENIED audit row when the case
	 * exists.
	 */
	CaseRecord load(Actor actor, long id) {
		try {
			return desk.view(actor, new CaseId(id));
		}
		catch (RecordNotFoundException ex) {
			denied(id);
			throw ex;
		}
	}

	/** Audits a refused access to an existing case (never to a missing one). */
	void denied(long id) {
		if (store.find(new CaseId(id)).isPresent()) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, CaseDesk.CASE, id, AuditOutcome.DENIED));
		}
	}

	/** Audits a refused access to an attached photo of a case outside the scope. */
	void deniedPhoto(long photoId) {
		audit
			.record(AuditEntry.of(AuditActions.SCOPE_DENIED, CaseDetailController.PHOTO, photoId, AuditOutcome.DENIED));
	}

	Instant now() {
		return clock.instant();
	}

	// ---------------------------------------------------------------- names

	/** Names of places by code, looked up once per request. */
	final class Names {

		private final Map<String, String> placeNames = new HashMap<>();

		private final Map<String, Map<String, CaseCategory>> categoryTrees = new HashMap<>();

		private final Locale locale;

		Names(Locale locale) {
			this.locale = locale;
		}

		String place(String code) {
			if (code == null) {
				return "";
			}
			return placeNames.computeIfAbsent(code, c -> places.find(c).map(Place::name).orElse(c));
		}

		String category(String countyCode, String code) {
			Map<String, CaseCategory> tree = categoryTrees.computeIfAbsent(countyCode == null ? "" : countyCode,
					county -> {
						Map<String, CaseCategory> byCode = new LinkedHashMap<>();
						List<CaseCategory> all = county.isEmpty() ? CategoryDefaults.all()
								: categories.allOfCounty(county);
						all.forEach(c -> byCode.put(c.code(), c));
						return byCode;
					});
			CaseCategory category = tree.get(code);
			if (category == null) {
				return code;
			}
			String name = category.name(locale.getLanguage());
			CaseCategory parent = category.parentCode() == null ? null : tree.get(category.parentCode());
			return parent == null ? name : parent.name(locale.getLanguage()) + " / " + name;
		}

	}

	Names names(Locale locale) {
		return new Names(locale);
	}

	/**
	 * The category tree the actor picks from: the first county of the scope, else the
	 * defaults.
	 */
	List<CaseCategory> categoriesFor(DataScope scope) {
		return countyOf(scope).map(categories::forCounty).orElseGet(CategoryDefaults::all);
	}

	Optional<String> countyOf(DataScope scope) {
		for (OrgPath root : scope.roots()) {
			String county = root.leafCode() == null ? null : routing.parts(root).countyCode();
			if (county != null) {
				return Optional.of(county);
			}
		}
		return Optional.empty();
	}

	// ---------------------------------------------------------------- deadlines

	/** The step a case waits for, if any. */
	static Optional<CaseStep> pendingStep(CaseRecord c) {
		return switch (c.status()) {
			case SUBMITTED -> Optional.of(CaseStep.ACCEPT);
			case ACCEPTED, REOPENED -> Optional.of(CaseStep.DISPATCH);
			case DISPATCHED, HANDLING -> Optional.of(CaseStep.HANDLE);
			default -> Optional.empty();
		};
	}

	/**
	 * The deadline state of the pending step: {@code overdue} (flagged, or past its
	 * deadline), {@code dueSoon} (its last working day), {@code onTime}, or {@code none}.
	 */
	String deadlineState(CaseRecord c) {
		if (c.overdueStep() != null) {
			return "overdue";
		}
		Optional<CaseStep> step = pendingStep(c);
		if (step.isEmpty() || c.deadlines() == null) {
			return "none";
		}
		return state(overdue.status(c.deadlines().of(step.get()), now()));
	}

	private static String state(OverdueStatus status) {
		return switch (status) {
			case ON_TIME -> "onTime";
			case DUE_SOON -> "dueSoon";
			case OVERDUE, ESCALATE -> "overdue";
		};
	}

	/** One step's deadline on the detail page. */
	record Deadline(CaseStep step, Instant due, Instant doneAt, String state) {
	}

	List<Deadline> deadlines(CaseRecord c) {
		List<Deadline> list = new ArrayList<>();
		if (c.deadlines() == null) {
			return list;
		}
		Optional<CaseStep> pending = c.open() ? pendingStep(c) : Optional.empty();
		for (CaseStep step : CaseStep.values()) {
			Instant due = c.deadlines().of(step);
			Instant done = switch (step) {
				case ACCEPT -> c.acceptedAt();
				case DISPATCH -> c.dispatchedAt();
				case HANDLE -> c.handledAt();
				case REVISIT -> null;
			};
			String state;
			if (done != null) {
				state = done.isBefore(due) ? "doneOnTime" : "doneLate";
			}
			else if (pending.isPresent() && pending.get() == step) {
				state = step.name().equals(c.overdueStep()) ? "overdue" : state(overdue.status(due, now()));
			}
			else {
				state = "none";
			}
			list.add(new Deadline(step, due, done, state));
		}
		return list;
	}

	// ---------------------------------------------------------------- refusals

	/** A refusal in the user's language, with the HTTP status an htmx request gets. */
	record Refusal(String message, int status) {
	}

	/**
	 * The refusal for an exception of the workflow or of the input, or empty for others.
	 */
	Optional<Refusal> refusal(RuntimeException ex, Locale locale) {
		if (ex instanceof IllegalTransitionException illegal) {
			String status = text(illegal.current().messageKey(), locale);
			String action = text(illegal.action().messageKey(), locale);
			return Optional.of(new Refusal(text(illegal.messageKey(), locale, status, action), 409));
		}
		if (ex instanceof ConcurrentTransitionException concurrent) {
			return Optional.of(new Refusal(text(concurrent.messageKey(), locale), 409));
		}
		if (ex instanceof TransitionRefusedException refused) {
			return Optional.of(new Refusal(text(refused.messageKey(), locale), 422));
		}
		if (ex instanceof InvalidInputException invalid) {
			return Optional.of(new Refusal(
					String.join(" ", invalid.messageKeys().stream().map(k -> text(k, locale)).toList()), 422));
		}
		return Optional.empty();
	}

	String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
