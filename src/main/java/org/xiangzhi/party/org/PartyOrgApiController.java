package org.xiangzhi.party.org;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

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
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * JSON API of the party organisation section: the tree of the caller's scope, one
 * organisation with its members, members, pioneer posts and plaques; creating
 * organisations, members, positions and posts (idempotent with an
 * {@code Idempotency-Key}). Out of scope is "not found", exactly like missing. A party
 * member reads their own record at {@code /api/v1/party/me} and nothing else here.
 */
@RestController
@RequestMapping(path = "/api/v1/party", produces = "application/json")
@Tag(name = "party", description = "党建引领: party organisations, members, pioneer posts, 共产党员户 plaques")
@PreAuthorize(PartyAccess.CAN_READ)
class PartyOrgApiController {

	static final int MAX_LIMIT = 200;

	private final PartyOrgs orgs;

	private final PartyMembers members;

	private final PioneerPosts posts;

	private final OneTimeForms forms;

	private final MessageSource messages;

	PartyOrgApiController(PartyOrgs orgs, PartyMembers members, PioneerPosts posts, OneTimeForms forms,
			MessageSource messages) {
		this.orgs = orgs;
		this.members = members;
		this.posts = posts;
		this.forms = forms;
		this.messages = messages;
	}

	record OrgJson(long id, Long parentId, String kind, String name, String placeCode, String placeName, String purpose,
			LocalDate startsOn, LocalDate endsOn, boolean active, boolean ended, Long members, Long women) {

		static OrgJson of(PartyOrgs.OrgView o, Long members, Long women) {
			return new OrgJson(o.id(), o.parentId(), o.kind().name(), o.name(), o.placeCode(), o.placeName(),
					o.purpose(), o.startsOn(), o.endsOn(), o.active(), o.ended(), members, women);
		}

	}

	record PositionJson(long id, long orgId, String orgName, String position, LocalDate since, LocalDate until) {

		static PositionJson of(PartyMembers.PositionView p) {
			return new PositionJson(p.id(), p.orgId(), p.orgName(), p.position().name(), p.since(), p.until());
		}

	}

	record MemberJson(long id, long orgId, String orgName, long residentId, long householdId, String name,
			String gender, String category, LocalDate joinedOn, LocalDate fullOn, String status, LocalDate statusOn,
			boolean mobile, String mobileNote, boolean accountLinked, List<PositionJson> positions) {

		static MemberJson of(PartyMembers.MemberView m, List<PartyMembers.PositionView> positions) {
			return new MemberJson(m.id(), m.orgId(), m.orgName(), m.residentId(), m.householdId(), m.name(),
					m.gender().name(), m.category().name(), m.joinedOn(), m.fullOn(), m.status().name(), m.statusOn(),
					m.mobile(), m.mobileNote(), m.accountId() != null,
					positions.stream().map(PositionJson::of).toList());
		}

	}

	record OrgDetailJson(OrgJson org, List<OrgJson> children, List<MemberJson> members) {
	}

	record PostJson(long id, Long orgId, String orgName, String name, String placeCode, String placeName,
			String purpose, boolean active, List<String> onDuty) {

		static PostJson of(PioneerPosts.PostView p) {
			return new PostJson(p.id(), p.orgId(), p.orgName(), p.name(), p.placeCode(), p.placeName(), p.purpose(),
					p.active(), p.onDuty().stream().map(PioneerPosts.OnDuty::name).toList());
		}

	}

	record PlaqueJson(long id, long memberId, String memberName, long householdId, String address, LocalDate awardedOn,
			LocalDate removedOn) {
	}

	record NewOrgJson(String kind, Long parentId, String placeCode, String name, String purpose, LocalDate startsOn,
			LocalDate endsOn) {
	}

	record NewMemberJson(Long orgId, Long residentId, LocalDate joinedOn, String category) {
	}

	record NewPositionJson(String position, Long orgId, LocalDate since) {
	}

	record NewPostJson(String name, String placeCode, Long orgId, String purpose) {
	}

	record CreatedJson(long id) {
	}

	record FieldErrorJson(String field, String code, String message) {
	}

	record InvalidJson(int status, String error, List<FieldErrorJson> errors) {
	}

	// ---------------------------------------------------------------- reads

	@GetMapping("/orgs")
	@Operation(summary = "The organisation tree of the caller's scope, parents first (depth first), with the "
			+ "active members of each organisation and those below it, and how many of them are women")
	List<OrgJson> orgs() {
		return orgs.tree(CurrentActor.get()).stream().map(n -> OrgJson.of(n.org(), n.members(), n.women())).toList();
	}

	@GetMapping("/orgs/{id}")
	@Operation(summary = "One organisation with the organisations directly below it and its members (and "
			+ "theirs) with current positions; 404 when missing or outside the caller's scope")
	OrgDetailJson org(@PathVariable long id) {
		PartyOrgs.OrgView org = orgs.require(CurrentActor.get(), id);
		return new OrgDetailJson(OrgJson.of(org, null, null),
				orgs.children(id).stream().map(o -> OrgJson.of(o, null, null)).toList(),
				members.membersUnder(id).stream().map(l -> MemberJson.of(l.member(), l.positions())).toList());
	}

	@GetMapping("/members")
	@Operation(summary = "Members of the caller's scope, optionally of one organisation or by name prefix")
	List<MemberJson> members(@RequestParam(required = false) Long orgId,
			@Parameter(description = "name prefix") @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidInputException("limit", "party.api.limit.invalid");
		}
		return members.search(CurrentActor.get(), orgId, name, limit)
			.stream()
			.map(l -> MemberJson.of(l.member(), l.positions()))
			.toList();
	}

	@GetMapping("/members/{id}")
	@Operation(summary = "One member with the full position history; 404 when missing or outside the scope")
	MemberJson member(@PathVariable long id) {
		PartyMembers.Detail detail = members.detail(CurrentActor.get(), id);
		return MemberJson.of(detail.member(), detail.positions());
	}

	@GetMapping("/posts")
	@Operation(summary = "Pioneer posts (党员先锋岗) of the caller's scope with the members on duty")
	List<PostJson> posts() {
		return posts.posts(CurrentActor.get()).stream().map(PostJson::of).toList();
	}

	@GetMapping("/plaques")
	@Operation(summary = "共产党员户 plaques of the caller's scope, current first")
	List<PlaqueJson> plaques() {
		return posts.plaques(CurrentActor.get())
			.stream()
			.map(p -> new PlaqueJson(p.id(), p.memberId(), p.memberName(), p.householdId(), p.address(), p.awardedOn(),
					p.removedOn()))
			.toList();
	}

	@GetMapping("/me")
	@PreAuthorize(PartyAccess.IS_MEMBER)
	@Operation(summary = "The signed-in party member's own record; 404 when the account is linked to none")
	MemberJson me() {
		PartyMembers.Detail detail = members.mine(CurrentActor.get())
			.orElseThrow(() -> new RecordNotFoundException(PartyMembers.MEMBER, "me"));
		return MemberJson.of(detail.member(), detail.positions());
	}

	// ---------------------------------------------------------------- writes

	@PostMapping(path = "/orgs", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Creates an organisation under the placement rules (a grid group at a grid of its "
			+ "branch's village; a temporary branch with purpose and dates); 422 with field messages otherwise")
	ResponseEntity<CreatedJson> createOrg(@RequestBody(required = false) NewOrgJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Actor actor = CurrentActor.get();
		NewOrgJson json = body == null ? new NewOrgJson(null, null, null, null, null, null, null) : body;
		long id = orgs.create(actor,
				new PartyOrgs.NewOrg(kind(json.kind()), json.parentId(), json.placeCode(), json.name(), json.purpose(),
						json.startsOn(), json.endsOn()),
				forms.apiToken(key, PartyOrgs.CREATE_FORM, actor.accountId(), actor.username()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedJson(id));
	}

	@PostMapping(path = "/members", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Adds a registry resident of the organisation's place as a member (FULL or "
			+ "PROBATIONARY); 422 with field messages otherwise")
	ResponseEntity<CreatedJson> createMember(@RequestBody(required = false) NewMemberJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Actor actor = CurrentActor.get();
		NewMemberJson json = body == null ? new NewMemberJson(null, null, null, null) : body;
		if (json.orgId() == null) {
			throw new InvalidInputException("orgId", "party.member.org.closed");
		}
		long id = members.add(actor, json.orgId(), json.residentId(), json.joinedOn(),
				parse(MemberCategory.class, json.category(), "category", "party.member.category.required"),
				forms.apiToken(key, PartyMembers.ADD_FORM, actor.accountId(), actor.username()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedJson(id));
	}

	@PostMapping(path = "/members/{id}/positions", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Gives the member a position in their organisation or one above it; at most one "
			+ "current secretary per organisation; 404 when the member is missing or outside the scope")
	ResponseEntity<CreatedJson> createPosition(@PathVariable long id,
			@RequestBody(required = false) NewPositionJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Actor actor = CurrentActor.get();
		members.require(PartyAccess.manageScope(actor), id);
		NewPositionJson json = body == null ? new NewPositionJson(null, null, null) : body;
		long positionId = members.addPosition(actor, id, json.orgId(),
				parse(Position.class, json.position(), "position", "party.position.required"), json.since(),
				forms.apiToken(key, PartyMembers.POSITION_FORM, actor.accountId(), actor.username()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedJson(positionId));
	}

	@PostMapping(path = "/posts", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	@Operation(summary = "Sets up a pioneer post at a place of the caller's area; 422 with field messages otherwise")
	ResponseEntity<CreatedJson> createPost(@RequestBody(required = false) NewPostJson body,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Actor actor = CurrentActor.get();
		NewPostJson json = body == null ? new NewPostJson(null, null, null, null) : body;
		long id = posts.create(actor,
				new PioneerPosts.NewPost(json.name(), json.placeCode(), json.orgId(), json.purpose()),
				forms.apiToken(key, PioneerPosts.POST_FORM, actor.accountId(), actor.username()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedJson(id));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<InvalidJson> invalid(InvalidInputException ex, Locale locale) {
		List<FieldErrorJson> errors = ex.messageKeys()
			.stream()
			.map(k -> new FieldErrorJson(ex.field(), k, messages.getMessage(k, null, k, locale)))
			.toList();
		return ResponseEntity.unprocessableContent()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new InvalidJson(422, "invalid", errors));
	}

	private static OrgKind kind(String text) {
		return parse(OrgKind.class, text, "kind", "party.org.kind.required");
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, key);
		}
	}

}
