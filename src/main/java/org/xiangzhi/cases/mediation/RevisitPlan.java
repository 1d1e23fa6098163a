package org.xiangzhi.cases.mediation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 季回访: the dates a closed dispute is revisited on, one every {@code intervalMonths}
 * months after the closing day, {@code count} times. A day that does not exist in the
 * target month (31 May + 3 months) falls on the month's last day.
 */
record RevisitPlan(int count, int intervalMonths) {

	RevisitPlan {
		if (count < 0 || intervalMonths < 1) {
			throw new IllegalArgumentException("count >= 0 and interval >= 1 required");
		}
	}

	List<LocalDate> datesAfter(LocalDate closedOn) {
		List<LocalDate> dates = new ArrayList<>();
		for (int i = 1; i <= count; i++) {
			dates.add(closedOn.plusMonths((long) i * intervalMonths));
		}
		return dates;
	}

}
