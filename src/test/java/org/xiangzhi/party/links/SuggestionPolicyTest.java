package org.xiangzhi.party.links;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.xiangzhi.party.links.SuggestionPolicy.Centre;
import org.xiangzhi.party.links.SuggestionPolicy.Choice;
import org.xiangzhi.party.links.SuggestionPolicy.Household;
import org.xiangzhi.party.links.SuggestionPolicy.Input;
import org.xiangzhi.party.links.SuggestionPolicy.Member;
import org.xiangzhi.party.links.SuggestionPolicy.Proposal;

import static org.assertj.core.api.Assertions.assertThat;

class SuggestionPolicyTest {

	static final Map<String, Centre> CENTRES = Map.of("G01", new Centre(38.60, 103.08), "G02",
			new Centre(38.60, 103.10), "G03", new Centre(38.60, 103.30));

	static Household household(long id, long group, String grid, String head) {
		return new Household(id, group, grid, head);
	}

	static Member member(long id, long household, long group, String grid, String name) {
		return new Member(id, household, group, grid, null, name, true, false);
	}

	static List<Proposal> suggest(List<Household> households, List<Member> members, Map<Long, Long> current,
			List<Choice> choices, int max) {
		return SuggestionPolicy.suggest(new Input(households, members, current, choices, CENTRES, max));
	}

	static Proposal of(List<Proposal> proposals, long household) {
		return proposals.stream().filter(p -> p.householdId() == household).findFirst().orElseThrow();
	}

	@Test
	void ownHouseholdFirstThenKinThenFamiliarThenNear() {
		List<Household> hs = List.of(household(1, 1, "G01", "王大"), household(2, 1, "G01", "王二"),
				household(3, 1, "G01", "李三"), household(4, 2, "G02", "赵四"), household(5, 3, "G03", "钱五"));
		List<Member> ms = List.of(member(10, 1, 1, "G01", "王一"), member(20, 4, 2, "G02", "孙二"));
		List<Proposal> p = suggest(hs, ms, Map.of(), List.of(), 10);
		assertThat(of(p, 1)).isEqualTo(new Proposal(1, 10, LinkReason.OWN));
		assertThat(of(p, 2)).isEqualTo(new Proposal(2, 10, LinkReason.KIN));
		assertThat(of(p, 3)).isEqualTo(new Proposal(3, 10, LinkReason.FAMILIAR));
		assertThat(of(p, 4)).isEqualTo(new Proposal(4, 20, LinkReason.OWN));
		// G03 is nearer to G02 (孙二) than to G01 (王一)
		assertThat(of(p, 5)).isEqualTo(new Proposal(5, 20, LinkReason.NEAR));
	}

	@Test
	void kinIsTheSameSurnameInTheSameVillagerGroupOnly() {
		List<Household> hs = List.of(household(1, 1, "G01", "王大"), household(2, 2, "G01", "王二"),
				household(3, 1, null, "欧阳明"));
		List<Member> ms = List.of(member(10, 1, 1, "G01", "王一"), member(20, 99, 2, "G03", "欧阳华"),
				member(30, 98, 1, "G03", "欧阳丽"));
		List<Proposal> p = suggest(hs, ms, Map.of(), List.of(), 10);
		// another group: not kin, but the same grid: familiar
		assertThat(of(p, 2).reason()).isEqualTo(LinkReason.FAMILIAR);
		// compound surname 欧阳, same group 1: kin of 欧阳丽 (30), not 欧阳华 (group 2)
		assertThat(of(p, 3)).isEqualTo(new Proposal(3, 30, LinkReason.KIN));
		assertThat(Surnames.of("欧阳明")).isEqualTo("欧阳");
		assertThat(Surnames.of("王一")).isEqualTo("王");
		assertThat(Surnames.of(" ")).isNull();
	}

	@Test
	void theGridPartyGroupCountsAsFamiliar() {
		List<Household> hs = List.of(household(1, 5, "G02", "周一"));
		// lives in G01 but belongs to G02's grid party group
		Member inGroup = new Member(10, 50, 1L, "G01", "G02", "吴一", true, false);
		Member other = member(20, 60, 1, "G01", "郑二");
		List<Proposal> p = suggest(hs, List.of(other, inGroup), Map.of(), List.of(), 10);
		assertThat(of(p, 1)).isEqualTo(new Proposal(1, 10, LinkReason.FAMILIAR));
	}

	@Test
	void nearestByGridCentreWhenNobodyIsFamiliar() {
		List<Household> hs = List.of(household(1, 9, "G03", "冯一"));
		List<Member> ms = List.of(member(10, 50, 1, "G01", "陈一"), member(20, 60, 2, "G02", "褚二"));
		assertThat(of(suggest(hs, ms, Map.of(), List.of(), 10), 1)).isEqualTo(new Proposal(1, 20, LinkReason.NEAR));
	}

	@Test
	void nobodyGoesAboveTheLimitWhileAnotherIsBelowIt() {
		List<Household> hs = new ArrayList<>();
		for (long i = 1; i <= 9; i++) {
			hs.add(household(i, 1, "G01", "卫" + i));
		}
		List<Member> ms = List.of(member(10, 100, 1, "G01", "卫甲"), member(20, 101, 1, "G01", "蒋乙"),
				member(30, 102, 2, "G03", "沈丙"));
		List<Proposal> p = suggest(hs, ms, Map.of(), List.of(), 3);
		Map<Long, Integer> load = loads(p, Map.of());
		assertThat(load).containsEntry(10L, 3).containsEntry(20L, 3).containsEntry(30L, 3);
		// all nine linked: three kin of 卫甲 up to the limit, then familiar, then near
		assertThat(p).hasSize(9);
		assertThat(p.stream().filter(x -> x.reason() == LinkReason.KIN)).hasSize(3);
	}

	@Test
	void aboveTheLimitOnlyWhenEveryoneIsAtItAndThenEvenly() {
		List<Household> hs = new ArrayList<>();
		for (long i = 1; i <= 7; i++) {
			hs.add(household(i, 1, "G01", "韩" + i));
		}
		List<Member> ms = List.of(member(10, 100, 1, "G01", "杨甲"), member(20, 101, 1, "G01", "朱乙"));
		List<Proposal> p = suggest(hs, ms, Map.of(), List.of(), 2);
		Map<Long, Integer> load = loads(p, Map.of());
		assertThat(load.get(10L) + load.get(20L)).isEqualTo(7);
		assertThat(Math.abs(load.get(10L) - load.get(20L))).isLessThanOrEqualTo(1);
		assertThat(p.stream().filter(x -> x.reason() == LinkReason.BALANCED)).hasSize(3);
	}

	@Test
	void existingLinksAreKeptAndCountTowardsTheLoad() {
		List<Household> hs = List.of(household(1, 1, "G01", "秦一"), household(2, 1, "G01", "秦二"),
				household(3, 1, "G01", "秦三"));
		List<Member> ms = List.of(member(10, 100, 1, "G01", "尤甲"), member(20, 101, 1, "G01", "许乙"));
		List<Proposal> p = suggest(hs, ms, Map.of(1L, 10L, 2L, 10L), List.of(), 10);
		assertThat(p).containsExactly(new Proposal(3, 20, LinkReason.FAMILIAR));
	}

	@Test
	void choicesFromEitherSideComeFirstUnlessTheMemberIsInactive() {
		List<Household> hs = List.of(household(1, 1, "G01", "何一"), household(2, 1, "G01", "何二"),
				household(3, 1, "G01", "吕三"), household(4, 1, "G01", "施四"));
		Member far = member(10, 100, 3, "G03", "张远");
		Member kin = member(20, 101, 1, "G01", "何近");
		Member gone = new Member(30, 102, 1L, "G01", null, "孔去", false, false);
		List<Choice> choices = List.of(
				// the household asked for the far member, although a kinsman lives next
				// door
				new Choice(1, 10, ChoiceSide.HOUSEHOLD, 1),
				// the far member asked for household 2; the household's own choice of 20
				// wins
				new Choice(2, 10, ChoiceSide.MEMBER, 2), new Choice(2, 20, ChoiceSide.HOUSEHOLD, 3),
				// the member asked for household 3
				new Choice(3, 10, ChoiceSide.MEMBER, 4),
				// an inactive member's choice is not honoured
				new Choice(4, 30, ChoiceSide.HOUSEHOLD, 5));
		List<Proposal> p = suggest(hs, List.of(far, kin, gone), Map.of(), choices, 1);
		assertThat(of(p, 1)).isEqualTo(new Proposal(1, 10, LinkReason.HOUSEHOLD_CHOICE));
		assertThat(of(p, 2)).isEqualTo(new Proposal(2, 20, LinkReason.HOUSEHOLD_CHOICE));
		// honoured although the far member is above the limit of 1 by now
		assertThat(of(p, 3)).isEqualTo(new Proposal(3, 10, LinkReason.MEMBER_CHOICE));
		assertThat(of(p, 4).memberId()).isNotEqualTo(30);
	}

	@Test
	void mobileMembersAreProposedOnlyByChoice() {
		List<Household> hs = List.of(household(1, 1, "G01", "曹一"), household(2, 1, "G01", "曹二"));
		Member mobile = new Member(10, 1, 1L, "G01", null, "曹外", true, true);
		Member home = member(20, 100, 1, "G01", "严家");
		List<Proposal> p = suggest(hs, List.of(mobile, home), Map.of(),
				List.of(new Choice(2, 10, ChoiceSide.MEMBER, 1)), 10);
		assertThat(of(p, 1).memberId()).isEqualTo(20);
		assertThat(of(p, 2)).isEqualTo(new Proposal(2, 10, LinkReason.MEMBER_CHOICE));
	}

	@Test
	void theSameInputGivesTheSameProposalsWhateverTheOrder() {
		List<Household> hs = new ArrayList<>();
		for (long i = 1; i <= 30; i++) {
			hs.add(household(i, i % 3, "G0" + (1 + i % 3), (i % 2 == 0 ? "华" : "金") + i));
		}
		List<Member> ms = List.of(member(10, 1, 1, "G02", "华甲"), member(20, 2, 2, "G03", "金乙"),
				member(30, 3, 0, "G01", "魏丙"), member(40, 4, 1, "G02", "陶丁"));
		List<Proposal> first = suggest(hs, ms, Map.of(), List.of(), 8);
		List<Household> reversed = new ArrayList<>(hs);
		java.util.Collections.reverse(reversed);
		List<Member> shuffled = List.of(ms.get(2), ms.get(0), ms.get(3), ms.get(1));
		assertThat(suggest(reversed, shuffled, Map.of(), List.of(), 8)).isEqualTo(first);
		assertThat(first).hasSize(30);
		assertThat(loads(first, Map.of()).values()).allMatch(n -> n <= 8);
	}

	@Test
	void nothingToProposeWithoutMembers() {
		assertThat(suggest(List.of(household(1, 1, "G01", "姜一")), List.of(), Map.of(), List.of(), 10)).isEmpty();
	}

	static Map<Long, Integer> loads(List<Proposal> proposals, Map<Long, Long> current) {
		Map<Long, Integer> load = new HashMap<>();
		current.values().forEach(m -> load.merge(m, 1, Integer::sum));
		proposals.forEach(p -> load.merge(p.memberId(), 1, Integer::sum));
		return load;
	}

}
