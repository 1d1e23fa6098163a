package org.xiangzhi.party.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * Proposes a member for every household of a village without a current link, following
 * "就亲、就近、就熟" (seed 003, 马庄桥镇). Pure: everything it needs comes in as an {@link Input};
 * the same input always gives the same proposals.
 *
 * <p>
 * Order of the rules, each applied to every still unlinked household (by id) before the
 * next one:
 * <ol>
 * <li><b>户选 / 党员选</b>: an open choice from either side, the household's own first, then
 * the earliest member's; honoured whatever the load, unless the member is not
 * active.</li>
 * <li><b>本户</b>: a member living in the household (whatever the load: one's own
 * home).</li>
 * <li><b>亲</b>: a member of the same surname in the same villager group (see
 * {@link Surnames}: the registry has no kinship between households).</li>
 * <li><b>熟</b>: a member of the household's grid party group, or living in its grid, or
 * in its villager group.</li>
 * <li><b>近</b>: the nearest member by the distance between grid centres (households have
 * no coordinates of their own).</li>
 * <li><b>均衡</b>: when every member is at the limit, the least loaded one.</li>
 * </ol>
 * From 亲 on, only members below the load limit are candidates, so nobody goes above the
 * limit while another member is below it; among candidates the least loaded wins (the
 * nearest for 近), then the nearer, then the lower id. Existing links are kept and count
 * towards the load. Mobile members (流动党员, living elsewhere) are proposed only when they
 * chose the household themselves or were chosen.
 */
final class SuggestionPolicy {

	/** The load limit when no village, town or county has set one. */
	static final int DEFAULT_MAX_LOAD = 10;

	private SuggestionPolicy() {
	}

	/** A household of the village. */
	record Household(long id, Long groupId, String gridCode, String headName) {
	}

	/**
	 * A member of the village's organisations.
	 *
	 * @param householdId the household the member lives in
	 * @param groupId that household's villager group
	 * @param gridCode that household's grid
	 * @param partyGroupGrid the grid of the member's grid party group, if they belong to
	 * one
	 */
	record Member(long id, long householdId, Long groupId, String gridCode, String partyGroupGrid, String name,
			boolean active, boolean mobile) {

		/** Where the member is taken to be: their party group's grid, else their own. */
		String locationGrid() {
			return partyGroupGrid != null ? partyGroupGrid : gridCode;
		}

	}

	/** An open choice; {@code sequence} orders choices (the record id). */
	record Choice(long householdId, long memberId, ChoiceSide side, long sequence) {
	}

	/** A grid's centre. */
	record Centre(double lat, double lng) {
	}

	/**
	 * @param currentLinks household → member of the links to keep (to active members)
	 * @param maxLoad the most households per member
	 */
	record Input(List<Household> households, List<Member> members, Map<Long, Long> currentLinks, List<Choice> choices,
			Map<String, Centre> centres, int maxLoad) {
	}

	/** One proposed link. */
	record Proposal(long householdId, long memberId, LinkReason reason) {
	}

	static List<Proposal> suggest(Input input) {
		return new Run(input).propose();
	}

	/** The state of one run: loads and assignments so far. */
	private static final class Run {

		private final Input input;

		private final Map<Long, Member> members = new LinkedHashMap<>();

		private final Map<Long, Integer> load = new HashMap<>();

		private final List<Household> open = new ArrayList<>();

		private final List<Proposal> proposals = new ArrayList<>();

		Run(Input input) {
			this.input = input;
			input.members().stream().sorted(Comparator.comparingLong(Member::id)).forEach(m -> members.put(m.id(), m));
			members.keySet().forEach(id -> load.put(id, 0));
			input.currentLinks().values().forEach(m -> load.computeIfPresent(m, (k, v) -> v + 1));
			input.households()
				.stream()
				.filter(h -> !input.currentLinks().containsKey(h.id()))
				.sorted(Comparator.comparingLong(Household::id))
				.forEach(open::add);
		}

		List<Proposal> propose() {
			choices();
			pass(LinkReason.OWN, (h, m) -> m.householdId() == h.id(), false);
			pass(LinkReason.KIN, Run::kin, true);
			pass(LinkReason.FAMILIAR, Run::familiar, true);
			pass(LinkReason.NEAR, (h, m) -> true, true);
			balance();
			proposals.sort(Comparator.comparingLong(Proposal::householdId));
			return List.copyOf(proposals);
		}

		private void choices() {
			for (Household h : List.copyOf(open)) {
				Choice chosen = input.choices()
					.stream()
					.filter(c -> c.householdId() == h.id() && c.side() == ChoiceSide.HOUSEHOLD)
					.filter(c -> active(c.memberId()))
					// the household's latest word counts
					.max(Comparator.comparingLong(Choice::sequence))
					.orElse(null);
				LinkReason reason = LinkReason.HOUSEHOLD_CHOICE;
				if (chosen == null) {
					chosen = input.choices()
						.stream()
						.filter(c -> c.householdId() == h.id() && c.side() == ChoiceSide.MEMBER)
						.filter(c -> active(c.memberId()))
						// first come, first served among members
						.min(Comparator.comparingLong(Choice::sequence))
						.orElse(null);
					reason = LinkReason.MEMBER_CHOICE;
				}
				if (chosen != null) {
					assign(h, members.get(chosen.memberId()), reason);
				}
			}
		}

		private boolean active(long memberId) {
			Member m = members.get(memberId);
			return m != null && m.active();
		}

		private void pass(LinkReason reason, BiPredicate<Household, Member> fits, boolean limited) {
			for (Household h : List.copyOf(open)) {
				Comparator<Member> order = reason == LinkReason.NEAR
						? Comparator.<Member>comparingDouble(m -> distance(h, m))
							.thenComparingInt(m -> load.get(m.id()))
							.thenComparingLong(Member::id)
						: Comparator.<Member>comparingInt(m -> load.get(m.id()))
							.thenComparingDouble(m -> distance(h, m))
							.thenComparingLong(Member::id);
				members.values()
					.stream()
					.filter(m -> m.active() && !m.mobile())
					.filter(m -> fits.test(h, m))
					.filter(m -> !limited || load.get(m.id()) < input.maxLoad())
					.min(order)
					.ifPresent(m -> assign(h, m, reason));
			}
		}

		private void balance() {
			for (Household h : List.copyOf(open)) {
				members.values()
					.stream()
					.filter(m -> m.active() && !m.mobile())
					.min(Comparator.<Member>comparingInt(m -> load.get(m.id()))
						.thenComparingDouble(m -> distance(h, m))
						.thenComparingLong(Member::id))
					.ifPresent(m -> assign(h, m, LinkReason.BALANCED));
			}
		}

		private void assign(Household h, Member m, LinkReason reason) {
			proposals.add(new Proposal(h.id(), m.id(), reason));
			load.merge(m.id(), 1, Integer::sum);
			open.remove(h);
		}

		static boolean kin(Household h, Member m) {
			String surname = Surnames.of(h.headName());
			return surname != null && h.groupId() != null && h.groupId().equals(m.groupId())
					&& surname.equals(Surnames.of(m.name()));
		}

		static boolean familiar(Household h, Member m) {
			if (h.gridCode() != null
					&& (h.gridCode().equals(m.partyGroupGrid()) || h.gridCode().equals(m.gridCode()))) {
				return true;
			}
			return h.groupId() != null && h.groupId().equals(m.groupId());
		}

		/**
		 * Kilometres between the household's grid centre and the member's; 0 in the same
		 * grid, unknown (last) when a centre is missing.
		 */
		private double distance(Household h, Member m) {
			String memberGrid = m.locationGrid();
			if (h.gridCode() != null && Objects.equals(h.gridCode(), memberGrid)) {
				return 0;
			}
			Centre a = h.gridCode() == null ? null : input.centres().get(h.gridCode());
			Centre b = memberGrid == null ? null : input.centres().get(memberGrid);
			if (a == null || b == null) {
				return Double.MAX_VALUE;
			}
			return kilometres(a, b);
		}

	}

	/** Great-circle distance (haversine), in kilometres. */
	static double kilometres(Centre a, Centre b) {
		double dLat = Math.toRadians(b.lat() - a.lat());
		double dLng = Math.toRadians(b.lng() - a.lng());
		double s = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
				* Math.cos(Math.toRadians(b.lat())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(s)));
	}

}
