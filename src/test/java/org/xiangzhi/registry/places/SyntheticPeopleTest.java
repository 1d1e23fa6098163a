package org.xiangzhi.registry.places;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.Relation;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticPeopleTest {

	@Test
	void householdSizesAddUpExactlyToTheSeedCountsAndStayBetweenOneAndSeven() {
		SyntheticPeople people = new SyntheticPeople(1, "620621", 900, 999, id -> false, 0.1);
		int[] sizes = people.sizes(299, 1135);
		assertThat(IntStream.of(sizes).sum()).isEqualTo(1135);
		assertThat(IntStream.of(sizes).min().orElseThrow()).isGreaterThanOrEqualTo(1);
		assertThat(IntStream.of(sizes).max().orElseThrow()).isLessThanOrEqualTo(7);
	}

	@Test
	void freeSizesAverageNearThreePointEight() {
		SyntheticPeople people = new SyntheticPeople(2, "620621", 0, 899, id -> false, 0.1);
		double mean = IntStream.range(0, 20_000).map(i -> people.drawSize()).average().orElseThrow();
		assertThat(mean).isBetween(3.7, 4.0);
	}

	@Test
	void everyPersonHasAValidUniqueIdNumberOfTheCountyAgreeingWithBirthDateAndGender() {
		SyntheticPeople people = new SyntheticPeople(3, "620902", 900, 999, id -> false, 0.1);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			SyntheticPeople.Family family = people.family(1 + i % 7);
			assertThat(family.members()).hasSize(1 + i % 7);
			assertThat(family.members().get(0).relation()).isEqualTo(Relation.HEAD);
			assertThat(family.members()).filteredOn(p -> p.relation() == Relation.HEAD).hasSize(1);
			for (SyntheticPeople.Person p : family.members()) {
				String id = p.idNumber().value();
				assertThat(IdNumber.problem(id)).isNull();
				assertThat(id).startsWith("620902");
				assertThat(Integer.parseInt(id.substring(14, 17))).isBetween(900, 999);
				assertThat(p.idNumber().birthDate()).isEqualTo(p.birthDate());
				assertThat(p.idNumber().gender()).isEqualTo(p.gender());
				assertThat(SyntheticPeople.age(p)).isBetween(0, 95);
				assertThat(seen.add(id)).as("unique %s", id).isTrue();
				if (SyntheticPeople.age(p) < 18) {
					assertThat(p.phone()).isNull();
				}
			}
		}
	}

	@Test
	void childrenAreYoungerAndParentsOlderThanTheHead() {
		SyntheticPeople people = new SyntheticPeople(4, "620621", 0, 899, id -> false, 0.1);
		for (int i = 0; i < 500; i++) {
			SyntheticPeople.Family family = people.family(7);
			int head = SyntheticPeople.age(family.members().get(0));
			for (SyntheticPeople.Person p : family.members()) {
				if (p.relation() == Relation.SON || p.relation() == Relation.DAUGHTER) {
					assertThat(SyntheticPeople.age(p)).isLessThanOrEqualTo(head - 20);
				}
				if (p.relation() == Relation.PARENT) {
					assertThat(SyntheticPeople.age(p)).isGreaterThan(head);
				}
				if (p.relation() == Relation.GRANDCHILD) {
					assertThat(SyntheticPeople.age(p)).isLessThan(head - 40);
				}
			}
		}
	}

	@Test
	void theSameSeedGivesTheSamePeople() {
		List<String> first = names(new SyntheticPeople(5, "410922", 900, 999, id -> false, 0.1));
		List<String> second = names(new SyntheticPeople(5, "410922", 900, 999, id -> false, 0.1));
		assertThat(first).isEqualTo(second);
	}

	@Test
	void anIdNumberTakenElsewhereIsNeverHandedOut() {
		Set<String> taken = new HashSet<>();
		SyntheticPeople probe = new SyntheticPeople(6, "430407", 900, 999, id -> false, 0.1);
		probe.family(5).members().forEach(p -> taken.add(p.idNumber().value()));
		SyntheticPeople people = new SyntheticPeople(6, "430407", 900, 999, id -> taken.contains(id.value()), 0.1);
		people.family(5).members().forEach(p -> assertThat(taken).doesNotContain(p.idNumber().value()));
	}

	private static List<String> names(SyntheticPeople people) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			people.family(4).members().forEach(p -> out.add(p.name() + p.idNumber().value() + p.phone()));
		}
		return out;
	}

}
