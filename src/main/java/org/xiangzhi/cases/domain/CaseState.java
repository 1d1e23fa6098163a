package org.xiangzhi.cases.domain;

import java.util.Objects;

import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.HandlingLevel;

/**
 * The part of a case the workflow decides on.
 *
 * @param id the case
 * @param status where it stands
 * @param level the level that handles it now
 * @param version incremented by every change; the repository updates only where the
 * version is still the one read
 */
public record CaseState(CaseId id, CaseStatus status, HandlingLevel level, long version) {

	public CaseState {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(level, "level");
	}

	/** A case just reported, landing at the given level. */
	public static CaseState submitted(CaseId id, HandlingLevel level) {
		return new CaseState(id, CaseStatus.SUBMITTED, level, 0);
	}

}
