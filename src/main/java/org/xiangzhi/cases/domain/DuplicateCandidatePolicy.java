package org.xiangzhi.cases.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Suggests cases a new one may duplicate, for a cadre to merge (合并): reported within 7
 * days of each other, and either of the same category within 200 m, or about the same
 * household (whatever the category: one household's matters are usually one matter). Both
 * limits are inclusive.
 */
public record DuplicateCandidatePolicy(double radiusMetres, Duration window) {

	public static final double DEFAULT_RADIUS_METRES = 200;

	public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

	public DuplicateCandidatePolicy() {
		this(DEFAULT_RADIUS_METRES, DEFAULT_WINDOW);
	}

	/** Candidates among the recent cases, same household first, then nearest first. */
	public List<DuplicateCandidate> candidates(CaseFacts newCase, List<CaseFacts> recent) {
		List<DuplicateCandidate> candidates = new ArrayList<>();
		for (CaseFacts other : recent) {
			if (other.id() != null && other.id().equals(newCase.id())) {
				continue;
			}
			Duration apart = Duration.between(other.reportedAt(), newCase.reportedAt()).abs();
			if (apart.compareTo(window) > 0) {
				continue;
			}
			boolean sameHousehold = newCase.household() != null && newCase.household().equals(other.household());
			Double metres = (newCase.point() != null && other.point() != null) ? newCase.point().metresTo(other.point())
					: null;
			boolean near = metres != null && metres <= radiusMetres && newCase.category().equals(other.category());
			if (sameHousehold || near) {
				candidates.add(new DuplicateCandidate(other, sameHousehold, metres));
			}
		}
		candidates.sort(Comparator.comparing((DuplicateCandidate c) -> !c.sameHousehold())
			.thenComparing(c -> c.metres() == null ? Double.MAX_VALUE : c.metres()));
		return candidates;
	}

}
