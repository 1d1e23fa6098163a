package org.xiangzhi.party.points;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Submissions;

/**
 * JSON API of member points and the democratic appraisal: the county's rules, awards
 * (list, propose, approve, reject), balances, rankings and appraisal results of a unit in
 * the caller's scope, and a party member's own points. Anything outside the scope is "not
 * found", exactly like a missing record.
 */
@RestController
@RequestMapping(path = "/api/v1/party/points", produces = "application/json")
@Tag(name = "party-points", description = "党员积分 and 民主评议: member points and the annual democratic appraisal")
@PreAuthorize(PartyAccess.CAN_READ)
class PointsApiController {

	private final Awards awards;

	private final Appraisals appraisals;

	private final RuleCatalog catalog;

	private final Units units;

	private final PartyDirectory directory;

	private final MyPoints mine;

	private final Submissions submissions;

	private final AuditLog audit;

	private final MessageSource messages;

	private final java.time.Clock clock;

	PointsApiController(Awards awards, Appraisals appraisals, RuleCatalog catalog, Units units,
			PartyDirectory directory, MyPoints mine, Submissions submissions, AuditLog audit, MessageSource messages,
			java.time.Clock clock) {
		this.awards = awards;
		this.appraisals = appraisals;
		this.catalog = catalog;
		this.units = units;
		this.directory = directory;
		this.mine = mine;
		this.submissions = submissions;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- rules

	@GetMapping("/rules")
	@Operation(summary = "The points rules of a county the caller works in (its own, else the defaults)")
	PointsJson.Rules rules(@Parameter(description = "county code; default: the caller's first county") @RequestParam(
			required = false) String county) {
		Place place = county(CurrentActor.get(), county, PartyAccess.READERS);
		return new PointsJson.Rules(place.code(),
				catalog.allOfCounty(place.code()).stream().map(PointsJson.Rule::of).toList());
	}

	@PostMapping(path = "/rules", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(RuleCatalog.CAN_CONFIGURE)
	@Operation(summary = "Adds or changes a rule of a county (county and town administrators); codes never change, "
			+ "violations are negative, everything else positive")
	PointsJson.Rules saveRule(@RequestBody(required = false) PointsJson.RuleChange body) {
		PointsJson.RuleChange json = body == null ? PointsJson.RuleChange.EMPTY : body;
		Place place = county(CurrentActor.get(), json.county(), RuleCatalog.CONFIGURERS);
		PointKind kind = enumOf(PointKind.class, json.kind(), "kind", "party.points.rule.kind.required");
		PointRule rule = PointRule.checked(json.code(), json.nameZh(), json.nameEn(), kind, json.points(),
				json.active() == null || json.active());
		catalog.save(place.code(), rule);
		audit.record(
				AuditEntry.success("PARTY_POINT_RULE_SAVED", RulesController.RULE, place.code() + ":" + rule.code()));
		return new PointsJson.Rules(place.code(),
				catalog.allOfCounty(place.code()).stream().map(PointsJson.Rule::of).toList());
	}

	// ---------------------------------------------------------------- awards

	@GetMapping("/awards")
	@Operation(summary = "Awards in the caller's scope: proposed ones oldest first, others newest first (at most 500)")
	List<PointsJson.AwardJson> awards(
			@Parameter(description = "PROPOSED, APPROVED or REJECTED") @RequestParam(required = false) String status,
			@Parameter(description = "a branch's (village) or a town's place code") @RequestParam(
					required = false) String unit,
			@Parameter(description = "one member's awards") @RequestParam(required = false) Long member) {
		Actor actor = CurrentActor.get();
		DataScope scope = PartyAccess.readScope(actor);
		AwardStatus s = status == null || status.isBlank() ? null
				: enumOf(AwardStatus.class, status, "status", "party.points.api.status.invalid");
		Units.Unit u = unit == null || unit.isBlank() ? null : units.require(unit, scope);
		MemberId m = null;
		if (member != null) {
			m = directory.member(new MemberId(member), scope)
				.map(PartyDirectory.MemberRef::id)
				.orElseThrow(() -> new RecordNotFoundException("party-member", member));
		}
		return awards.list(scope, new Awards.Filter(s, u == null ? null : u.path(), m))
			.stream()
			.map(PointsJson.AwardJson::of)
			.toList();
	}

	@GetMapping("/awards/{id}")
	@Operation(summary = "One award; 404 when missing or outside the caller's scope")
	PointsJson.AwardJson award(@PathVariable long id) {
		return PointsJson.AwardJson.of(awards.require(id, PartyAccess.readScope(CurrentActor.get())));
	}

	@PostMapping(path = "/awards", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Proposes an award for a member of the caller's scope under an active rule of the member's "
			+ "county, with evidence. With an Idempotency-Key a retry answers 200 with the first proposal")
	ResponseEntity<PointsJson.Proposed> propose(@RequestBody(required = false) PointsJson.NewAward body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Actor actor = CurrentActor.get();
		PointsJson.NewAward json = body == null ? PointsJson.NewAward.EMPTY : body;
		String token = null;
		if (idempotencyKey != null && !idempotencyKey.isBlank()) {
			if (idempotencyKey.length() > 255) {
				throw new InvalidInputException("Idempotency-Key", "party.points.api.idempotencyKey.invalid");
			}
			token = Submissions.hash("api-v1", actor.accountId(), actor.username(), idempotencyKey);
			submissions.register(token, Awards.PROPOSE_FORM);
		}
		Awards.Proposed proposed = awards.propose(actor, new Awards.NewAward(json.memberId(), json.ruleCode(),
				json.earnedOn(), json.quantity(), json.evidence(), json.reference()), token);
		return ResponseEntity.status(proposed.replay() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(new PointsJson.Proposed(proposed.id(), proposed.replay()));
	}

	@PostMapping("/awards/{id}/approve")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Approves a proposed award (not one's own proposal or award); approving it again changes "
			+ "nothing; answers with the member's rank in the branch for the award's quarter before and after; 409 "
			+ "when it was rejected")
	PointsJson.Decision approve(@PathVariable long id) {
		return PointsJson.Decision.of(awards.approve(CurrentActor.get(), id));
	}

	@PostMapping(path = "/awards/{id}/reject", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Rejects a proposed award with a reason; rejecting it again changes nothing; 409 when it "
			+ "was approved")
	PointsJson.Decision reject(@PathVariable long id, @RequestBody(required = false) PointsJson.Rejection body) {
		PointsJson.Rejection json = body == null ? PointsJson.Rejection.EMPTY : body;
		return PointsJson.Decision.of(awards.reject(CurrentActor.get(), id, json.reason()));
	}

	// ---------------------------------------------------------------- balances and
	// rankings

	@GetMapping("/balances")
	@Operation(summary = "Approved and pending points of every active member of a unit, by name")
	List<PointsJson.Balance> balances(@Parameter(
			description = "a branch's (village) or a town's place code; default: the first branch") @RequestParam(
					required = false) String unit) {
		return units.chosen(unit, PartyAccess.readScope(CurrentActor.get()))
			.map(u -> awards.balances(u.path())
				.stream()
				.map(b -> new PointsJson.Balance(b.member().value(), b.name(), b.approved(), b.pending()))
				.toList())
			.orElse(List.of());
	}

	@GetMapping("/rankings")
	@Operation(summary = "The ranking of a unit's active members by approved points of a quarter or a year; equal "
			+ "points share a rank (1, 2, 2, 4), ties ordered by name")
	PointsJson.Ranking ranking(@Parameter(
			description = "a branch's (village) or a town's place code; default: the first branch") @RequestParam(
					required = false) String unit,
			@Parameter(description = "2026 or 2026-Q2; default: this quarter") @RequestParam(
					required = false) String period) {
		Period p = period == null || period.isBlank()
				? Period.quarterOf(java.time.LocalDate.now(clock.withZone(Awards.ZONE))) : Period.parse(period)
					.orElseThrow(() -> new InvalidInputException("period", "party.points.api.period.invalid"));
		Units.Unit u = units.chosen(unit, PartyAccess.readScope(CurrentActor.get())).orElse(null);
		if (u == null) {
			return new PointsJson.Ranking(null, null, null, p.toString(), List.of());
		}
		return new PointsJson.Ranking(u.code(), u.name(), u.level().name(), p.toString(),
				awards.standings(u.path(), p)
					.stream()
					.map(s -> new PointsJson.Standing(s.rank(), s.member().value(), s.name(), s.points()))
					.toList());
	}

	// ---------------------------------------------------------------- appraisal

	@GetMapping("/appraisals")
	@Operation(summary = "民主评议: a unit's active members with the year's result and earlier ones, and the counts")
	PointsJson.AppraisalSheet appraisals(@Parameter(
			description = "a branch's (village) or a town's place code; default: the first branch") @RequestParam(
					required = false) String unit,
			@Parameter(description = "default: this year") @RequestParam(required = false) Integer year) {
		int y = year == null ? java.time.LocalDate.now(clock.withZone(Awards.ZONE)).getYear() : year;
		Units.Unit u = units.chosen(unit, PartyAccess.readScope(CurrentActor.get())).orElse(null);
		if (u == null) {
			return new PointsJson.AppraisalSheet(null, y, Map.of(), 0, List.of());
		}
		Appraisals.Counts counts = appraisals.counts(u.path(), y);
		Map<String, Integer> byGrade = new LinkedHashMap<>();
		for (AppraisalGrade g : AppraisalGrade.values()) {
			byGrade.put(g.name(), counts.of(g));
		}
		return new PointsJson.AppraisalSheet(u.code(), y, byGrade, counts.pending(),
				appraisals.rows(u.path(), y)
					.stream()
					.map(r -> new PointsJson.AppraisalRow(r.member().value(), r.name(),
							r.result() == null ? null : PointsJson.Result.of(r.result()),
							r.history().stream().map(PointsJson.Result::of).toList()))
					.toList());
	}

	@PostMapping(path = "/appraisals", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Records a member's result of a year (EXCELLENT, QUALIFIED, BASICALLY_QUALIFIED, "
			+ "UNQUALIFIED); recording the year again corrects it")
	PointsJson.Result recordAppraisal(@RequestBody(required = false) PointsJson.NewAppraisal body) {
		PointsJson.NewAppraisal json = body == null ? PointsJson.NewAppraisal.EMPTY : body;
		AppraisalGrade grade = json.grade() == null ? null
				: enumOf(AppraisalGrade.class, json.grade(), "grade", "party.points.appraisal.grade.required");
		appraisals.record(CurrentActor.get(), json.memberId(), json.year(), grade, json.appraisedOn(), json.note());
		return appraisals.history(new MemberId(json.memberId()))
			.stream()
			.filter(r -> r.year() == json.year())
			.findFirst()
			.map(PointsJson.Result::of)
			.orElseThrow();
	}

	// ---------------------------------------------------------------- a member's own

	@GetMapping("/me")
	@PreAuthorize(PartyAccess.IS_MEMBER)
	@Operation(summary = "A party member's own points: balance, awards and their status, rank in the branch, "
			+ "appraisal results; linked=false when the account has no member record")
	PointsJson.Mine me() {
		return directory.memberOfAccount(CurrentActor.get().accountId())
			.map(mine::of)
			.map(m -> new PointsJson.Mine(true, m.member().id().value(), m.member().name(), m.total(), m.year(),
					m.quarter(), m.quarterRank(), m.yearRank(), m.branchSize(),
					m.awards().stream().map(PointsJson.AwardJson::of).toList(),
					m.appraisals().stream().map(PointsJson.Result::of).toList()))
			.orElse(new PointsJson.Mine(false, null, null, 0, 0, 0, null, null, 0, List.of(), List.of()));
	}

	// ---------------------------------------------------------------- errors

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<PointsJson.Invalid> invalid(InvalidInputException ex, Locale locale) {
		List<PointsJson.FieldError> errors = ex.messageKeys()
			.stream()
			.map(key -> new PointsJson.FieldError(ex.field(), key, messages.getMessage(key, null, key, locale)))
			.toList();
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PointsJson.Invalid(status.value(), "invalid", errors));
	}

	@ExceptionHandler(AwardRefusedException.class)
	ResponseEntity<PointsJson.Refused> refused(AwardRefusedException ex, Locale locale) {
		return refusal(HttpStatus.UNPROCESSABLE_CONTENT, "refused", ex.messageKey(), locale);
	}

	@ExceptionHandler(IllegalAwardTransitionException.class)
	ResponseEntity<PointsJson.Refused> illegal(IllegalAwardTransitionException ex, Locale locale) {
		return refusal(HttpStatus.CONFLICT, "illegal_transition", ex.messageKey(), locale);
	}

	private ResponseEntity<PointsJson.Refused> refusal(HttpStatus status, String error, String key, Locale locale) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new PointsJson.Refused(status.value(), error, key, messages.getMessage(key, null, key, locale)));
	}

	// ---------------------------------------------------------------- parsing

	private Place county(Actor actor, String code, java.util.Set<org.xiangzhi.platform.Role> roles) {
		List<Place> counties = catalog.countiesFor(actor, roles);
		if (code == null || code.isBlank()) {
			return counties.stream().findFirst().orElseThrow(() -> new RecordNotFoundException("county", ""));
		}
		return counties.stream()
			.filter(p -> p.code().equals(code.strip()))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("county", code));
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field, String key) {
		try {
			return Enum.valueOf(type, text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, key);
		}
	}

}
