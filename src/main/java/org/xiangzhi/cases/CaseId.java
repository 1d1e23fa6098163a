package org.xiangzhi.cases;

/** Identifies a case (案件) — a demand or a dispute. */
public record CaseId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
