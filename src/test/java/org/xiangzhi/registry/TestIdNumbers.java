package org.xiangzhi.registry;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh valid ID numbers for tests. The region prefix 469 (Hainan) is not used by any
 * demo data, and the random birth date and sequence make a collision with another test
 * run on a shared database improbable.
 */
public final class TestIdNumbers {

	private TestIdNumbers() {
	}

	public static String fresh(Gender gender) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 60));
		int sequence = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
		String first17 = "469" + String.format("%03d", random.nextInt(1000)) + birth.toString().replace("-", "")
				+ String.format("%03d", sequence);
		return first17 + IdNumber.checkCharacter(first17);
	}

	public static String fresh() {
		return fresh(ThreadLocalRandom.current().nextBoolean() ? Gender.MALE : Gender.FEMALE);
	}

	/** The same number with a wrong check character. */
	public static String withWrongCheck(String valid) {
		char check = valid.charAt(17);
		return valid.substring(0, 17) + (check == '1' ? '2' : '1');
	}

}
