package org.xiangzhi.cases.domain;

import java.time.Instant;
import java.util.Objects;

import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.registry.HouseholdId;

/**
 * What duplicate detection looks at in a case.
 *
 * @param id the case, or {@code null} for one not stored yet
 * @param category the category code
 * @param point where, if the reporter shared a location
 * @param household the household it concerns, if known
 * @param reportedAt when it was reported
 */
public record CaseFacts(CaseId id, String category, GeoPoint point, HouseholdId household, Instant reportedAt) {

	public CaseFacts {
		Objects.requireNonNull(category, "category");
		Objects.requireNonNull(reportedAt, "reportedAt");
	}

}
