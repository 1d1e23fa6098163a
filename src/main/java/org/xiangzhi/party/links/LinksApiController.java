package org.xiangzhi.party.links;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Submissions;

/**
 * JSON API of 党员联户: a village's current links, the suggestion, saving it (idempotent with
 * an {@code Idempotency-Key}), the coverage report, and the link history of a household
 * or a member; a party member's own households. Villages, households and members outside
 * the caller's scope are "not found" (404), like missing ones.
 */
@RestController
@RequestMapping(path = "/api/v1/party/links", produces = "application/json")
@Tag(name = "party-links", description = "党员联户: member↔household links, suggestion, coverage, history")
class LinksApiController {

	private final LinkDesk desk;

	private final Submissions submissions;

	private final MessageSource messages;

	LinksApiController(LinkDesk desk, Submissions submissions, MessageSource messages) {
		this.desk = desk;
		this.submissions = submissions;
		this.messages = messages;
	}

	/** A link as the API shows it. */
	record Link(long id, long householdId, String address, String headName, long memberId, String memberName,
			String source, Instant since, Instant until, String createdBy, String endedBy) {

		static Link of(LinkStore.LinkRow l) {
			return new Link(l.id(), l.householdId(), l.address(), l.headName(), l.memberId(), l.memberName(),
					l.source().name(), l.since(), l.until(), l.createdBy(), l.endedBy());
		}

	}

	record Member(long id, String name, String organisation, boolean active, boolean mobile) {

		static Member of(LinkStore.MemberRow m) {
			return new Member(m.id(), m.name(), m.orgName(), m.active(), m.mobile());
		}

	}

	record MemberLinks(Member member, int load, List<Link> links) {
	}

	record Village(String code, String name, int maxLoad, List<MemberLinks> members) {
	}

	record Household(long id, String address, String headName, int people) {

		static Household of(LinkStore.HouseholdRow h) {
			return new Household(h.id(), h.address(), h.headName(), h.people());
		}

	}

	record Proposal(Household household, Member member, String reason) {
	}

	record Suggestion(String village, int maxLoad, List<Proposal> proposals) {
	}

	record Accepted(Long householdId, Long memberId, String reason) {
	}

	record SaveRequest(List<Accepted> proposals) {
	}

	record SaveResult(int saved, int skipped, boolean replay) {
	}

	record MemberLoad(Member member, int load) {
	}

	record Coverage(String village, int households, int covered, int uncoveredCount, List<Household> uncovered,
			int maxLoad, List<MemberLoad> overloaded, List<Member> withoutHousehold, int unmetChoices) {
	}

	record MyHousehold(long id, String headName, String address, int people, Instant since) {
	}

	record FieldError(String field, String code, String message) {
	}

	record Invalid(int status, String error, List<FieldError> errors) {
	}

	@GetMapping("/villages/{village}")
	@PreAuthorize(PartyAccess.CAN_READ)
	@Operation(summary = "The village's current links by member, with each member's load")
	Village village(@PathVariable String village) {
		LinkDesk.VillageView view = desk.village(CurrentActor.get(), village);
		return new Village(view.village().code(), view.village().name(), view.maxLoad(), view.members()
			.stream()
			.map(m -> new MemberLinks(Member.of(m.member()), m.load(), m.links().stream().map(Link::of).toList()))
			.toList());
	}

	@GetMapping("/villages/{village}/suggestion")
	@PreAuthorize(PartyAccess.CAN_READ)
	@Operation(summary = "Proposes a member for every household without a current link (就亲、就近、就熟), "
			+ "each with its reason: HOUSEHOLD_CHOICE, MEMBER_CHOICE, OWN, KIN, FAMILIAR, NEAR, BALANCED; saves nothing")
	Suggestion suggestion(@PathVariable String village) {
		LinkDesk.Suggestion s = desk.suggest(CurrentActor.get(), village);
		return new Suggestion(s.village().code(), s.maxLoad(),
				s.proposals()
					.stream()
					.map(p -> new Proposal(Household.of(p.household()), Member.of(p.member()), p.reason().name()))
					.toList());
	}

	@PostMapping(path = "/villages/{village}/suggestion",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Saves the proposals sent (as previewed), or without a body the suggestion computed now. "
			+ "Requires an Idempotency-Key: the same key saves once (a retry answers the first result with "
			+ "replay=true), the same key with other proposals 422. Households linked meanwhile keep their link")
	SaveResult save(@PathVariable String village, @RequestBody(required = false) SaveRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Actor actor = CurrentActor.get();
		// scope first: a village outside it is "not found" whatever the request holds
		desk.manageableVillage(actor, village);
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
			throw new InvalidInputException("Idempotency-Key", "party.links.idempotencyKey.required");
		}
		List<LinkDesk.Accepted> accepted = null;
		if (body != null && body.proposals() != null) {
			accepted = body.proposals().stream().map(LinksApiController::accepted).toList();
		}
		String token = Submissions.hash("api-v1", actor.accountId(), actor.username(), idempotencyKey);
		submissions.register(token, LinkDesk.PURPOSE);
		LinkDesk.SaveResult result = desk.save(actor, village, accepted, token);
		return new SaveResult(result.saved(), result.skipped(), result.replay());
	}

	@GetMapping("/villages/{village}/coverage")
	@PreAuthorize(PartyAccess.CAN_READ)
	@Operation(summary = "Coverage report: households without an (active) linked member (the goal is 0), "
			+ "members above the load limit, active members without a household, choices not followed")
	Coverage coverage(@PathVariable String village) {
		LinkDesk.Coverage c = desk.coverage(CurrentActor.get(), village);
		return new Coverage(village, c.households(), c.covered(), c.uncoveredCount(),
				c.uncovered().stream().map(Household::of).toList(), c.maxLoad(),
				c.overloaded().stream().map(m -> new MemberLoad(Member.of(m.member()), m.load())).toList(),
				c.withoutHousehold().stream().map(Member::of).toList(), c.unmetChoices().size());
	}

	@GetMapping("/households/{id}/history")
	@PreAuthorize(PartyAccess.CAN_READ)
	@Operation(summary = "A household's links, newest first (ended links carry until and endedBy)")
	List<Link> householdHistory(@PathVariable long id) {
		return desk.householdHistory(CurrentActor.get(), id).links().stream().map(Link::of).toList();
	}

	@GetMapping("/members/{id}/history")
	@PreAuthorize(PartyAccess.CAN_READ)
	@Operation(summary = "A member's links, newest first")
	List<Link> memberHistory(@PathVariable long id) {
		return desk.memberHistory(CurrentActor.get(), id).links().stream().map(Link::of).toList();
	}

	@GetMapping("/me")
	@PreAuthorize(PartyAccess.IS_MEMBER)
	@Operation(summary = "The signed-in party member's own linked households (empty when the account is not "
			+ "a member's)")
	List<MyHousehold> mine() {
		return desk.mine(CurrentActor.get())
			.households()
			.stream()
			.map(h -> new MyHousehold(h.id(), h.headName(), h.address(), h.people(), h.since()))
			.toList();
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<Invalid> invalid(InvalidInputException ex, Locale locale) {
		List<FieldError> errors = ex.messageKeys()
			.stream()
			.map(key -> new FieldError(ex.field(), key, messages.getMessage(key, null, key, locale)))
			.toList();
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Invalid(status.value(), "invalid", errors));
	}

	private static LinkDesk.Accepted accepted(Accepted a) {
		if (a == null || a.householdId() == null || a.memberId() == null || a.reason() == null) {
			throw new InvalidInputException("proposals", "party.links.proposals.invalid");
		}
		try {
			return new LinkDesk.Accepted(a.householdId(), a.memberId(), LinkReason.valueOf(a.reason()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("proposals", "party.links.proposals.invalid");
		}
	}

}
