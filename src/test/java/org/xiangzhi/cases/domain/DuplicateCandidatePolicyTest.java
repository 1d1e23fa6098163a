package org.xiangzhi.cases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.registry.HouseholdId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DuplicateCandidatePolicyTest {

	/** 橙槽村, 甘肃武威. */
	static final GeoPoint CHENGCAO = new GeoPoint(38.63, 103.09);

	static final Instant NOW = Instant.parse("2025-06-10T02:00:00Z");

	static final double METRES_PER_DEGREE_LATITUDE = GeoPoint.EARTH_RADIUS_METRES * Math.PI / 180;

	final DuplicateCandidatePolicy policy = new DuplicateCandidatePolicy();

	static GeoPoint north(double metres) {
		return new GeoPoint(CHENGCAO.latitude() + metres / METRES_PER_DEGREE_LATITUDE, CHENGCAO.longitude());
	}

	static GeoPoint east(double metres) {
		double metresPerDegree = METRES_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(CHENGCAO.latitude()));
		return new GeoPoint(CHENGCAO.latitude(), CHENGCAO.longitude() + metres / metresPerDegree);
	}

	static CaseFacts newStreetLightCase() {
		return new CaseFacts(null, "infrastructure.streetlight", CHENGCAO, null, NOW);
	}

	static CaseFacts recent(long id, String category, GeoPoint point, HouseholdId household, Instant at) {
		return new CaseFacts(new CaseId(id), category, point, household, at);
	}

	List<CaseId> candidateIds(CaseFacts newCase, CaseFacts... recent) {
		return policy.candidates(newCase, List.of(recent)).stream().map(c -> c.facts().id()).toList();
	}

	@Test
	void theSameCategory199MetresAwayIsACandidateAnd201MetresAwayIsNot() {
		CaseFacts near = recent(1, "infrastructure.streetlight", north(199), null, NOW.minus(Duration.ofHours(5)));
		CaseFacts far = recent(2, "infrastructure.streetlight", north(201), null, NOW.minus(Duration.ofHours(5)));
		assertThat(CHENGCAO.metresTo(near.point())).isCloseTo(199, within(0.01));
		assertThat(candidateIds(newStreetLightCase(), near, far)).containsExactly(new CaseId(1));
	}

	@Test
	void theRadiusHoldsEastwardsTooWhereDegreesOfLongitudeAreShorter() {
		CaseFacts near = recent(1, "infrastructure.streetlight", east(199), null, NOW);
		CaseFacts far = recent(2, "infrastructure.streetlight", east(201), null, NOW);
		assertThat(candidateIds(newStreetLightCase(), near, far)).containsExactly(new CaseId(1));
	}

	@Test
	void anotherCategoryNearbyIsNoCandidate() {
		CaseFacts other = recent(1, "environment.garbage", north(10), null, NOW);
		assertThat(candidateIds(newStreetLightCase(), other)).isEmpty();
	}

	@Test
	void theSameHouseholdIsACandidateWhateverTheCategoryAndDistance() {
		HouseholdId household = new HouseholdId(88);
		CaseFacts newCase = new CaseFacts(null, "dispute.neighbours", null, household, NOW);
		CaseFacts sameHousehold = recent(1, "assistance.dibao", north(5_000), household, NOW.minus(Duration.ofDays(2)));
		CaseFacts otherHousehold = recent(2, "dispute.neighbours", null, new HouseholdId(89), NOW);
		List<DuplicateCandidate> candidates = policy.candidates(newCase, List.of(sameHousehold, otherHousehold));
		assertThat(candidates).singleElement().satisfies(c -> {
			assertThat(c.facts().id()).isEqualTo(new CaseId(1));
			assertThat(c.sameHousehold()).isTrue();
			assertThat(c.metres()).isNull();
		});
	}

	@Test
	void exactlySevenDaysApartIsACandidateAndASecondMoreIsNot() {
		CaseFacts sevenDays = recent(1, "infrastructure.streetlight", north(50), null, NOW.minus(Duration.ofDays(7)));
		CaseFacts justOver = recent(2, "infrastructure.streetlight", north(50), null,
				NOW.minus(Duration.ofDays(7).plusSeconds(1)));
		assertThat(candidateIds(newStreetLightCase(), sevenDays, justOver)).containsExactly(new CaseId(1));
	}

	@Test
	void theWindowCountsBothWaysForACaseEnteredLate() {
		CaseFacts later = recent(1, "infrastructure.streetlight", north(50), null, NOW.plus(Duration.ofDays(3)));
		CaseFacts muchLater = recent(2, "infrastructure.streetlight", north(50), null, NOW.plus(Duration.ofDays(8)));
		assertThat(candidateIds(newStreetLightCase(), later, muchLater)).containsExactly(new CaseId(1));
	}

	@Test
	void aCaseWithoutALocationIsMatchedByHouseholdOnly() {
		CaseFacts newCase = new CaseFacts(null, "infrastructure.streetlight", null, null, NOW);
		CaseFacts nearby = recent(1, "infrastructure.streetlight", CHENGCAO, null, NOW);
		assertThat(candidateIds(newCase, nearby)).isEmpty();
	}

	@Test
	void aCaseIsNeverItsOwnDuplicate() {
		CaseFacts stored = recent(1, "infrastructure.streetlight", CHENGCAO, null, NOW);
		assertThat(candidateIds(stored, stored)).isEmpty();
	}

	@Test
	void candidatesComeSameHouseholdFirstThenNearestFirst() {
		HouseholdId household = new HouseholdId(88);
		CaseFacts newCase = new CaseFacts(null, "infrastructure.streetlight", CHENGCAO, household, NOW);
		CaseFacts at150 = recent(1, "infrastructure.streetlight", north(150), null, NOW);
		CaseFacts at20 = recent(2, "infrastructure.streetlight", north(20), null, NOW);
		CaseFacts household900 = recent(3, "environment.garbage", north(900), household, NOW);
		assertThat(candidateIds(newCase, at150, at20, household900)).containsExactly(new CaseId(3), new CaseId(2),
				new CaseId(1));
	}

}
