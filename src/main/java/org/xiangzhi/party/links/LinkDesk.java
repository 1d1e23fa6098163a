package org.xiangzhi.party.links;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Submissions;

/**
 * 党员联户 for branch secretaries and town organisers: a village's current links by member,
 * the suggestion ({@link SuggestionPolicy}), saving it once per form token, changing one
 * link by hand (the old link ends, the history stays), choices from either side, the load
 * limit, the coverage report and the history of a household or a member; and a member's
 * own households. Every method checks the caller's scope first.
 */
@Service
@Transactional(noRollbackFor = RecordNotFoundException.class)
class LinkDesk {

	/** The purpose of the save form's one-time tokens (and API idempotency keys). */
	static final String PURPOSE = "party-links-save";

	/** The most proposals one save accepts (a village has a few hundred households). */
	static final int MAX_PROPOSALS = 5000;

	static final int MAX_LIMIT = 200;

	private final LinkStore store;

	private final ScopedLinks scoped;

	private final Places places;

	private final PartyDirectory directory;

	private final Submissions submissions;

	private final Clock clock;

	private final int defaultMaxLoad;

	LinkDesk(LinkStore store, ScopedLinks scoped, Places places, PartyDirectory directory, Submissions submissions,
			Clock clock,
			@Value("${xiangzhi.party.links.max-households:" + SuggestionPolicy.DEFAULT_MAX_LOAD + "}") int defaultMax) {
		this.store = store;
		this.scoped = scoped;
		this.places = places;
		this.directory = directory;
		this.submissions = submissions;
		this.clock = clock;
		this.defaultMaxLoad = defaultMax;
	}

	// ------------------------------------------------------------------ views

	/** A member with their current links. */
	public record MemberLoad(LinkStore.MemberRow member, List<LinkStore.LinkRow> links) {

		public int load() {
			return links.size();
		}

	}

	/** A choice the current link does not follow. */
	public record UnmetChoice(LinkStore.ChoiceRow choice, LinkStore.HouseholdRow household, String memberName,
			String linkedMemberName) {
	}

	/**
	 * The coverage report: households with no (active) linked member are the gap; members
	 * above the limit and members without a household are the imbalance.
	 */
	public record Coverage(int households, int covered, List<LinkStore.HouseholdRow> uncovered,
			List<MemberLoad> overloaded, List<LinkStore.MemberRow> withoutHousehold, List<UnmetChoice> unmetChoices,
			int maxLoad) {

		public int uncoveredCount() {
			return uncovered.size();
		}

	}

	/** A village's links, members by name with their load, and its coverage. */
	public record VillageView(Place village, int maxLoad, List<MemberLoad> members, Coverage coverage) {
	}

	/** One proposal with what the screen shows of it. */
	public record ProposalView(LinkStore.HouseholdRow household, LinkStore.MemberRow member, LinkReason reason) {
	}

	/**
	 * The suggestion for a village; {@code pairs} is what the save form sends back.
	 */
	public record Suggestion(Place village, int maxLoad, List<ProposalView> proposals, String pairs) {
	}

	/** A proposal the caller accepts. */
	public record Accepted(long householdId, long memberId, LinkReason reason) {
	}

	/** What a save did; {@code replay} when the token had been used for the same save. */
	public record SaveResult(int saved, int skipped, boolean replay) {
	}

	/** A member's own household, as their phone shows it. */
	public record MyHousehold(long id, String headName, String address, int people, Instant since) {
	}

	/** The villages in the caller's scope, for the chooser. */
	@Transactional(readOnly = true)
	public List<Place> villages(Actor actor) {
		return places.within(PartyAccess.readScope(actor), 2000)
			.stream()
			.filter(p -> p.level() == PlaceLevel.VILLAGE)
			.toList();
	}

	public VillageView village(Actor actor, String villageCode) {
		Place village = scoped.village(villageCode, PartyAccess.readScope(actor));
		Snapshot s = snapshot(village);
		return new VillageView(village, s.maxLoad, loads(s), coverage(s));
	}

	public Coverage coverage(Actor actor, String villageCode) {
		return coverage(snapshot(scoped.village(villageCode, PartyAccess.readScope(actor))));
	}

	public Suggestion suggest(Actor actor, String villageCode) {
		Place village = scoped.village(villageCode, PartyAccess.readScope(actor));
		Snapshot s = snapshot(village);
		List<ProposalView> views = SuggestionPolicy.suggest(s.input())
			.stream()
			.map(p -> new ProposalView(s.households.get(p.householdId()), s.members.get(p.memberId()), p.reason()))
			.toList();
		String pairs = encode(
				views.stream().map(v -> new Accepted(v.household().id(), v.member().id(), v.reason())).toList());
		return new Suggestion(village, s.maxLoad, views, pairs);
	}

	/** The village, if the caller may manage its links; else "not found". */
	public Place manageableVillage(Actor actor, String villageCode) {
		return scoped.village(villageCode, PartyAccess.manageScope(actor));
	}

	/** A fresh one-time token for the save form. */
	public String issueToken() {
		return submissions.issue(PURPOSE);
	}

	/**
	 * Saves proposals (as previewed, or {@code null}: the suggestion computed now) once
	 * per token. A household linked meanwhile to an active member keeps its link; a link
	 * to a member no longer active is ended and replaced.
	 */
	public SaveResult save(Actor actor, String villageCode, List<Accepted> accepted, String token) {
		Place village = scoped.village(villageCode, PartyAccess.manageScope(actor));
		if (token == null || token.isBlank()) {
			throw new InvalidInputException("submissionToken", "submission.expired");
		}
		if (accepted != null && accepted.size() > MAX_PROPOSALS) {
			throw new InvalidInputException("proposals", "party.links.proposals.invalid");
		}
		String payload = accepted == null ? "auto" : encode(accepted);
		Submissions.Claim claim = submissions.claim(token, PURPOSE, Submissions.hash(villageCode, payload));
		Optional<String> replayed = claim.replayedResult();
		if (replayed.isPresent()) {
			String[] parts = replayed.get().split("/");
			return new SaveResult(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), true);
		}
		SaveResult result = write(actor, village, accepted);
		submissions.complete(token, result.saved() + "/" + result.skipped());
		return result;
	}

	/**
	 * Saves the suggestion computed now, without a form (the demo data); the same rules
	 * as {@link #save}.
	 */
	SaveResult saveSuggestion(Actor actor, String villageCode) {
		return write(actor, scoped.village(villageCode, PartyAccess.manageScope(actor)), null);
	}

	private SaveResult write(Actor actor, Place village, List<Accepted> accepted) {
		Snapshot before = snapshot(village);
		List<Accepted> toSave = accepted != null ? accepted
				: SuggestionPolicy.suggest(before.input())
					.stream()
					.map(p -> new Accepted(p.householdId(), p.memberId(), p.reason()))
					.toList();
		store.lockHouseholds(toSave.stream().map(Accepted::householdId).distinct().sorted().toList());
		// read again under the locks: what a concurrent save did counts
		Snapshot s = snapshot(village);
		Instant now = clock.instant();
		int saved = 0;
		int skipped = 0;
		for (Accepted a : toSave) {
			LinkStore.HouseholdRow household = s.households.get(a.householdId());
			LinkStore.MemberRow member = s.members.get(a.memberId());
			if (household == null || member == null || !member.active() || s.linkedActive(a.householdId())) {
				skipped++;
				continue;
			}
			LinkStore.LinkRow stale = s.current.get(a.householdId());
			if (stale != null) {
				store.endLink(stale.id(), now, actor.username());
			}
			store.insertLink(household.id(), member.id(), household.path(), a.reason().source(), now, actor.username());
			s.current.put(household.id(), null);
			saved++;
		}
		return new SaveResult(saved, skipped, false);
	}

	/**
	 * Links the household to another member of its village by hand: the current link
	 * ends, the new one starts (the history keeps both). Linking to the member already
	 * linked changes nothing, so a repeated form is harmless.
	 * @return whether a link changed
	 */
	public boolean change(Actor actor, long householdId, Long memberId) {
		LinkStore.HouseholdRow household = scoped.household(householdId, PartyAccess.manageScope(actor));
		LinkStore.MemberRow member = memberOfVillage(household, memberId);
		store.lockHouseholds(List.of(householdId));
		Optional<LinkStore.LinkRow> current = store.currentLink(householdId);
		if (current.isPresent() && current.get().memberId() == member.id()) {
			return false;
		}
		Instant now = clock.instant();
		current.ifPresent(link -> store.endLink(link.id(), now, actor.username()));
		store.insertLink(householdId, member.id(), household.path(), LinkSource.MANUAL, now, actor.username());
		return true;
	}

	/**
	 * Records a choice: the household asked for the member, or the member asked for the
	 * household. It replaces the household's earlier choice (side HOUSEHOLD) or the same
	 * member's earlier choice of the household (side MEMBER).
	 */
	public void recordChoice(Actor actor, long householdId, Long memberId, ChoiceSide side, String note) {
		LinkStore.HouseholdRow household = scoped.household(householdId, PartyAccess.manageScope(actor));
		if (side == null) {
			throw new InvalidInputException("side", "party.links.side.invalid");
		}
		LinkStore.MemberRow member = memberOfVillage(household, memberId);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 200) {
			throw new InvalidInputException("note", "party.links.note.tooLong");
		}
		Instant now = clock.instant();
		store.withdrawChoices(householdId, side, side == ChoiceSide.MEMBER ? member.id() : null, now, actor.username());
		store.insertChoice(householdId, member.id(), household.path(), side, text, now, actor.username());
	}

	/** Where a load limit is set. */
	public enum LimitLevel {

		VILLAGE, COUNTY

	}

	/** Sets the load limit for the village, or for its whole county. */
	public void setMaxLoad(Actor actor, String villageCode, LimitLevel level, Integer max) {
		DataScope scope = PartyAccess.manageScope(actor);
		Place village = scoped.village(villageCode, scope);
		if (max == null || max < 1 || max > MAX_LIMIT) {
			throw new InvalidInputException("maxLoad", "party.links.limit.invalid");
		}
		Place target = village;
		if (level == LimitLevel.COUNTY) {
			List<String> codes = village.path().codes();
			target = codes.size() < 3 ? null
					: places.find(codes.get(codes.size() - 3))
						.filter(p -> p.level() == PlaceLevel.COUNTY)
						.filter(p -> scope.contains(p.path()))
						.orElse(null);
			if (target == null) {
				throw new InvalidInputException("level", "party.links.limit.county.denied");
			}
		}
		store.setMaxLoad(target.code(), target.path(), max, clock.instant(), actor.username());
	}

	// ------------------------------------------------------------------ history

	/** A household with its links, newest first, and its open choices. */
	public record HouseholdHistory(LinkStore.HouseholdRow household, List<LinkStore.LinkRow> links,
			List<LinkStore.ChoiceRow> choices, Map<Long, String> memberNames, List<LinkStore.MemberRow> candidates) {
	}

	public HouseholdHistory householdHistory(Actor actor, long householdId) {
		LinkStore.HouseholdRow household = scoped.household(householdId, PartyAccess.readScope(actor));
		List<LinkStore.MemberRow> members = villagePath(household).map(store::members).orElse(List.of());
		Map<Long, String> names = members.stream()
			.collect(Collectors.toMap(LinkStore.MemberRow::id, LinkStore.MemberRow::name));
		List<LinkStore.MemberRow> candidates = members.stream()
			.filter(LinkStore.MemberRow::active)
			.sorted(Comparator.comparing(LinkStore.MemberRow::name).thenComparingLong(LinkStore.MemberRow::id))
			.toList();
		return new HouseholdHistory(household, store.historyOfHousehold(householdId),
				store.openChoicesOfHousehold(householdId), names, candidates);
	}

	/** A member with their links, newest first. */
	public record MemberHistory(LinkStore.MemberRow member, List<LinkStore.LinkRow> links) {

		public long currentCount() {
			return links.stream().filter(LinkStore.LinkRow::current).count();
		}

	}

	public MemberHistory memberHistory(Actor actor, long memberId) {
		LinkStore.MemberRow member = scoped.member(memberId, PartyAccess.readScope(actor));
		return new MemberHistory(member, store.historyOfMember(memberId));
	}

	// ------------------------------------------------------------------ a member's own

	/**
	 * Whether the signed-in account is a party member's, and that member's households.
	 */
	public record Mine(Optional<PartyDirectory.MemberRef> member, List<MyHousehold> households) {
	}

	/** The caller's own linked households (a party member sees only these). */
	public Mine mine(Actor actor) {
		Optional<PartyDirectory.MemberRef> member = directory.memberOfAccount(actor.accountId());
		if (member.isEmpty()) {
			return new Mine(member, List.of());
		}
		List<LinkStore.LinkRow> links = store.currentLinksOfMember(member.get().id().value());
		Map<Long, LinkStore.HouseholdRow> rows = store
			.householdsByIds(links.stream().map(LinkStore.LinkRow::householdId).toList())
			.stream()
			.collect(Collectors.toMap(LinkStore.HouseholdRow::id, Function.identity()));
		return new Mine(member, links.stream().map(l -> mine(rows.get(l.householdId()), l)).toList());
	}

	/**
	 * One of the caller's own linked households; any other household is "not found" (and
	 * audited when it exists).
	 */
	public MyHousehold myHousehold(Actor actor, long householdId) {
		Optional<LinkStore.LinkRow> link = directory.memberOfAccount(actor.accountId())
			.flatMap(m -> store.currentLinksOfMember(m.id().value())
				.stream()
				.filter(l -> l.householdId() == householdId)
				.findFirst());
		if (link.isEmpty()) {
			if (store.household(householdId).isPresent()) {
				throw scoped.denied(ScopedLinks.HOUSEHOLD, householdId);
			}
			throw new RecordNotFoundException(ScopedLinks.HOUSEHOLD, householdId);
		}
		return mine(store.household(householdId).orElseThrow(), link.get());
	}

	private static MyHousehold mine(LinkStore.HouseholdRow h, LinkStore.LinkRow link) {
		return new MyHousehold(h.id(), h.headName(), h.address(), h.people(), link.since());
	}

	// ------------------------------------------------------------------ internals

	/** Everything about a village the links section needs, read at once. */
	private static final class Snapshot {

		final Place village;

		final Map<Long, LinkStore.HouseholdRow> households = new LinkedHashMap<>();

		final Map<Long, LinkStore.MemberRow> members = new LinkedHashMap<>();

		/** household → current link (null once replaced in this transaction) */
		final Map<Long, LinkStore.LinkRow> current = new HashMap<>();

		final List<LinkStore.LinkRow> links;

		final List<LinkStore.ChoiceRow> choices;

		final Map<String, SuggestionPolicy.Centre> centres;

		final int maxLoad;

		Snapshot(Place village, List<LinkStore.HouseholdRow> households, List<LinkStore.MemberRow> members,
				List<LinkStore.LinkRow> links, List<LinkStore.ChoiceRow> choices,
				Map<String, SuggestionPolicy.Centre> centres, int maxLoad) {
			this.village = village;
			households.forEach(h -> this.households.put(h.id(), h));
			members.forEach(m -> this.members.put(m.id(), m));
			links.forEach(l -> current.put(l.householdId(), l));
			this.links = links;
			this.choices = choices;
			this.centres = centres;
			this.maxLoad = maxLoad;
		}

		/**
		 * Whether the household has a link to an active member (or one saved in this
		 * transaction); a link to a member who left or died does not count.
		 */
		boolean linkedActive(long householdId) {
			if (!current.containsKey(householdId)) {
				return false;
			}
			LinkStore.LinkRow link = current.get(householdId);
			if (link == null) {
				return true;
			}
			LinkStore.MemberRow member = members.get(link.memberId());
			// a member of another village's organisation, linked by hand: still a link
			return member == null || member.active();
		}

		SuggestionPolicy.Input input() {
			Map<Long, Long> kept = new HashMap<>();
			current.forEach((h, link) -> {
				if (link != null && linkedActive(h)) {
					kept.put(h, link.memberId());
				}
			});
			List<SuggestionPolicy.Household> hs = households.values()
				.stream()
				.map(h -> new SuggestionPolicy.Household(h.id(), h.groupId(), h.gridCode(), h.headName()))
				.toList();
			List<SuggestionPolicy.Member> ms = members.values()
				.stream()
				.map(m -> new SuggestionPolicy.Member(m.id(), m.householdId(), m.groupId(), m.gridCode(),
						m.partyGroupGrid(), m.name(), m.active(), m.mobile()))
				.toList();
			List<SuggestionPolicy.Choice> cs = choices.stream()
				.map(c -> new SuggestionPolicy.Choice(c.householdId(), c.memberId(), c.side(), c.id()))
				.toList();
			return new SuggestionPolicy.Input(hs, ms, kept, cs, centres, maxLoad);
		}

	}

	private Snapshot snapshot(Place village) {
		int max = store.maxLoad(village.path()).orElse(defaultMaxLoad);
		return new Snapshot(village, store.households(village.code()), store.members(village.path()),
				store.currentLinks(village.code()), store.openChoices(village.code()), store.centres(village.path()),
				max);
	}

	private static List<MemberLoad> loads(Snapshot s) {
		Map<Long, List<LinkStore.LinkRow>> byMember = new HashMap<>();
		s.links.forEach(l -> byMember.computeIfAbsent(l.memberId(), k -> new ArrayList<>()).add(l));
		return s.members.values()
			.stream()
			.filter(m -> m.active() || byMember.containsKey(m.id()))
			.sorted(Comparator.comparing(LinkStore.MemberRow::name).thenComparingLong(LinkStore.MemberRow::id))
			.map(m -> new MemberLoad(m, byMember.getOrDefault(m.id(), List.of())))
			.toList();
	}

	private static Coverage coverage(Snapshot s) {
		List<LinkStore.HouseholdRow> uncovered = s.households.values()
			.stream()
			.filter(h -> !s.linkedActive(h.id()))
			.toList();
		List<MemberLoad> loads = loads(s);
		List<MemberLoad> overloaded = loads.stream().filter(m -> m.load() > s.maxLoad).toList();
		List<LinkStore.MemberRow> idle = loads.stream()
			.filter(m -> m.load() == 0 && m.member().active())
			.map(MemberLoad::member)
			.toList();
		List<UnmetChoice> unmet = new ArrayList<>();
		for (LinkStore.ChoiceRow c : s.choices) {
			LinkStore.LinkRow link = s.current.get(c.householdId());
			LinkStore.MemberRow chosen = s.members.get(c.memberId());
			LinkStore.HouseholdRow household = s.households.get(c.householdId());
			if (household != null && chosen != null && (link == null || link.memberId() != c.memberId())) {
				unmet.add(new UnmetChoice(c, household, chosen.name(), link == null ? null : link.memberName()));
			}
		}
		return new Coverage(s.households.size(), s.households.size() - uncovered.size(), uncovered, overloaded, idle,
				unmet, s.maxLoad);
	}

	private LinkStore.MemberRow memberOfVillage(LinkStore.HouseholdRow household, Long memberId) {
		Optional<OrgPath> village = villagePath(household);
		return Optional.ofNullable(memberId)
			.flatMap(store::member)
			.filter(LinkStore.MemberRow::active)
			.filter(m -> village.isPresent() && village.get().contains(m.path()))
			.orElseThrow(() -> new InvalidInputException("memberId", "party.links.member.unknown"));
	}

	private Optional<OrgPath> villagePath(LinkStore.HouseholdRow household) {
		return places.find(household.villageCode()).map(Place::path);
	}

	/** Proposals as the save form carries them: {@code household:member:REASON,...}. */
	static String encode(List<Accepted> accepted) {
		return accepted.stream()
			.map(a -> a.householdId() + ":" + a.memberId() + ":" + a.reason().name())
			.collect(Collectors.joining(","));
	}

	/** The save form's proposals; malformed text is refused. */
	static List<Accepted> decode(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		List<Accepted> accepted = new ArrayList<>();
		for (String part : text.split(",")) {
			String[] f = part.strip().split(":");
			try {
				if (f.length != 3) {
					throw new IllegalArgumentException(part);
				}
				accepted.add(new Accepted(Long.parseLong(f[0]), Long.parseLong(f[1]), LinkReason.valueOf(f[2])));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("proposals", "party.links.proposals.invalid");
			}
			if (accepted.size() > MAX_PROPOSALS) {
				throw new InvalidInputException("proposals", "party.links.proposals.invalid");
			}
		}
		return accepted;
	}

}
