package org.xiangzhi.registry.places;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import org.springframework.core.io.ClassPathResource;
import org.xiangzhi.registry.Gender;
import org.xiangzhi.registry.IdNumber;
import org.xiangzhi.registry.Relation;

/**
 * Builds synthetic but plausible households for one county: names from weighted surname
 * and given-name lists, valid ID numbers with the county's region code and correct check
 * digits, ages and relations that agree (spouses near in age, children 20–38 years
 * younger than their parent), household sizes 1–7 with a mean near 3.8, some tags and
 * synthetic mobile numbers for adults. The same seed gives the same people.
 */
final class SyntheticPeople {

	/** Ages are counted at this date, so the demo does not change as time passes. */
	static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);

	private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

	/** Household size 1..7: shares in per cent (mean 3.85). */
	private static final int[] SIZE_SHARES = { 6, 14, 22, 25, 18, 10, 5 };

	private static final String[] MOBILE_PREFIXES = { "130", "131", "132", "133", "135", "136", "137", "138", "139",
			"150", "151", "152", "153", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "186",
			"187", "188", "189", "191", "199" };

	private static final Names NAMES = Names.load();

	/** A resident to be. */
	record Person(String name, Gender gender, LocalDate birthDate, IdNumber idNumber, String phone, Relation relation,
			Set<String> tags) {
	}

	/** A household to be: head first. */
	record Family(List<Person> members, Set<String> tags) {
	}

	private final SplittableRandom random;

	private final String region;

	private final int seqFrom;

	private final int seqTo;

	private final Predicate<IdNumber> taken;

	private final Set<String> used = new HashSet<>();

	private final double povertyShare;

	/**
	 * @param seed fixed seed: the same seed gives the same people
	 * @param region the 6-digit county code the ID numbers start with
	 * @param seqFrom lowest sequence number (3 digits) this source may use
	 * @param seqTo highest sequence number; sources with disjoint ranges never collide
	 * @param taken tells whether an ID number is already used elsewhere (may be
	 * {@code id -> false})
	 * @param povertyShare share of households tagged 脱贫户
	 */
	SyntheticPeople(long seed, String region, int seqFrom, int seqTo, Predicate<IdNumber> taken, double povertyShare) {
		this.random = new SplittableRandom(seed);
		this.region = region;
		this.seqFrom = seqFrom;
		this.seqTo = seqTo;
		this.taken = taken;
		this.povertyShare = povertyShare;
	}

	/** Sizes of {@code households} households adding up to exactly {@code residents}. */
	int[] sizes(int households, int residents) {
		if (residents < households || residents > households * 7) {
			throw new IllegalArgumentException(
					"Cannot fit " + residents + " residents in " + households + " households");
		}
		int[] sizes = new int[households];
		int total = 0;
		for (int i = 0; i < households; i++) {
			sizes[i] = drawSize();
			total += sizes[i];
		}
		while (total != residents) {
			int i = random.nextInt(households);
			if (total < residents && sizes[i] < 7) {
				sizes[i]++;
				total++;
			}
			else if (total > residents && sizes[i] > 1) {
				sizes[i]--;
				total--;
			}
		}
		return sizes;
	}

	int drawSize() {
		int r = random.nextInt(100);
		for (int i = 0; i < SIZE_SHARES.length; i++) {
			r -= SIZE_SHARES[i];
			if (r < 0) {
				return i + 1;
			}
		}
		return 4;
	}

	/** One household of {@code size} people with consistent ages and relations. */
	Family family(int size) {
		List<Person> members = new ArrayList<>(size);
		String surname = NAMES.surname(random);
		int headAge = size == 1 ? between(30, 88) : between(26, 78);
		Gender headGender = random.nextInt(100) < 85 ? Gender.MALE : Gender.FEMALE;
		members.add(person(surname, headGender, headAge, Relation.HEAD));
		int left = size - 1;
		if (left > 0 && random.nextInt(100) < 92) {
			Gender spouse = headGender == Gender.MALE ? Gender.FEMALE : Gender.MALE;
			int age = Math.max(20, Math.min(95, headAge + between(-6, 4) * (headGender == Gender.MALE ? 1 : -1)));
			members.add(person(NAMES.surname(random), spouse, age, Relation.SPOUSE));
			left--;
		}
		// a three-generation household: an adult son with his wife, and grandchildren
		if (left >= 3 && headAge >= 48 && random.nextInt(100) < 60) {
			int sonAge = headAge - between(22, 30);
			members.add(person(surname, Gender.MALE, sonAge, Relation.SON));
			members.add(person(NAMES.surname(random), Gender.FEMALE, Math.max(20, sonAge + between(-4, 2)),
					Relation.DAUGHTER_IN_LAW));
			left -= 2;
			while (left > 0) {
				int age = Math.max(0, sonAge - between(21, 34));
				Gender g = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
				members.add(person(surname, g, age, Relation.GRANDCHILD));
				left--;
			}
		}
		// the head's parents live with young families now and then
		if (left > 0 && headAge <= 55 && random.nextInt(100) < 30) {
			int parents = Math.min(left, random.nextInt(100) < 50 ? 1 : 2);
			for (int i = 0; i < parents; i++) {
				int age = Math.min(95, headAge + between(22, 34));
				Gender g = parents == 2 ? (i == 0 ? Gender.MALE : Gender.FEMALE)
						: (random.nextBoolean() ? Gender.MALE : Gender.FEMALE);
				members.add(person(g == Gender.MALE ? surname : NAMES.surname(random), g, age, Relation.PARENT));
				left--;
			}
		}
		while (left > 0) {
			int oldest = headAge - 20;
			int age = Math.max(0, oldest - between(0, Math.max(0, Math.min(25, oldest))));
			Gender g = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
			members.add(person(surname, g, age, g == Gender.MALE ? Relation.SON : Relation.DAUGHTER));
			left--;
		}
		tagResidents(members);
		return new Family(members, householdTags());
	}

	private Set<String> householdTags() {
		Set<String> tags = new LinkedHashSet<>();
		if (random.nextDouble() < povertyShare) {
			tags.add("POVERTY_LIFTED");
		}
		int r = random.nextInt(100);
		if (r < 5) {
			tags.add("DIBAO");
		}
		else if (r < 8) {
			tags.add("MONITORED");
		}
		else if (r < 9) {
			tags.add("TEKUN");
		}
		if (random.nextInt(100) < 2) {
			tags.add("MILITARY");
		}
		return tags;
	}

	private void tagResidents(List<Person> members) {
		boolean onlyElders = members.stream().allMatch(p -> age(p) >= 60);
		for (Person p : members) {
			int age = age(p);
			if (onlyElders) {
				p.tags().add("EMPTY_NEST_ELDER");
			}
			else if (age >= 65 && random.nextInt(100) < 15) {
				p.tags().add("LEFT_BEHIND_ELDER");
			}
			if (age < 16 && random.nextInt(100) < 15) {
				p.tags().add("LEFT_BEHIND_CHILD");
			}
			if (p.gender() == Gender.FEMALE && age >= 20 && age < 60 && random.nextInt(100) < 5) {
				p.tags().add("LEFT_BEHIND_WOMAN");
			}
			if (random.nextInt(100) < 2) {
				p.tags().add("DISABLED");
			}
		}
	}

	static int age(Person p) {
		return java.time.Period.between(p.birthDate(), REFERENCE).getYears();
	}

	private Person person(String surname, Gender gender, int age, Relation relation) {
		LocalDate birth = REFERENCE.minusYears(age + 1L).plusDays(1 + random.nextInt(364));
		IdNumber id = idNumber(birth, gender);
		String phone = age >= 18 && random.nextInt(100) < 90 ? mobile() : null;
		return new Person(surname + NAMES.given(random, gender), gender, id.birthDate(), id, phone, relation,
				new LinkedHashSet<>());
	}

	/**
	 * A free ID number for this birth date and gender: a sequence number in this source's
	 * range with the gender's parity, the next day when the range is full.
	 */
	IdNumber idNumber(LocalDate birth, Gender gender) {
		LocalDate day = birth;
		int parity = gender == Gender.MALE ? 1 : 0;
		int span = seqTo - seqFrom + 1;
		while (true) {
			String date = day.format(BASIC);
			int start = random.nextInt(span);
			for (int k = 0; k < span; k++) {
				int seq = seqFrom + (start + k) % span;
				if (seq % 2 != parity) {
					continue;
				}
				String key = date + seq;
				if (used.contains(key)) {
					continue;
				}
				String first17 = region + date + String.format("%03d", seq);
				IdNumber id = new IdNumber(first17 + IdNumber.checkCharacter(first17));
				used.add(key);
				if (!taken.test(id)) {
					return id;
				}
			}
			day = day.minusDays(1);
		}
	}

	private String mobile() {
		StringBuilder phone = new StringBuilder(MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]);
		for (int i = 0; i < 8; i++) {
			phone.append(random.nextInt(10));
		}
		return phone.toString();
	}

	private int between(int low, int high) {
		return low + random.nextInt(high - low + 1);
	}

	/** The name lists under {@code registry/names/}. */
	record Names(List<String> surnames, int[] cumulative, List<String> male, List<String> female) {

		static Names load() {
			List<String> surnames = new ArrayList<>();
			List<Integer> weights = new ArrayList<>();
			for (String line : lines("surnames.txt")) {
				String[] f = line.split("\\s+");
				surnames.add(f[0]);
				weights.add(Integer.parseInt(f[1]));
			}
			int[] cumulative = new int[weights.size()];
			int sum = 0;
			for (int i = 0; i < cumulative.length; i++) {
				sum += weights.get(i);
				cumulative[i] = sum;
			}
			return new Names(surnames, cumulative, lines("given-male.txt"), lines("given-female.txt"));
		}

		String surname(SplittableRandom random) {
			int r = random.nextInt(cumulative[cumulative.length - 1]);
			for (int i = 0; i < cumulative.length; i++) {
				if (r < cumulative[i]) {
					return surnames.get(i);
				}
			}
			return surnames.get(0);
		}

		String given(SplittableRandom random, Gender gender) {
			List<String> chars = gender == Gender.MALE ? male : female;
			String first = chars.get(random.nextInt(chars.size()));
			return random.nextInt(100) < 30 ? first : first + chars.get(random.nextInt(chars.size()));
		}

		private static List<String> lines(String file) {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(
					new ClassPathResource("registry/names/" + file).getInputStream(), StandardCharsets.UTF_8))) {
				return in.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
