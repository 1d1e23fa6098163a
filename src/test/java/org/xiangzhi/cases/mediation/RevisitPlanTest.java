package org.xiangzhi.cases.mediation;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisitPlanTest {

	@Test
	void fourQuartersAfterTheClosingDay() {
		assertThat(new RevisitPlan(4, 3).datesAfter(LocalDate.of(2026, 11, 22))).containsExactly(
				LocalDate.of(2027, 2, 22), LocalDate.of(2027, 5, 22), LocalDate.of(2027, 8, 22),
				LocalDate.of(2027, 11, 22));
	}

	@Test
	void aMissingDayFallsOnTheLastDayOfTheMonth() {
		assertThat(new RevisitPlan(1, 3).datesAfter(LocalDate.of(2026, 11, 30)))
			.containsExactly(LocalDate.of(2027, 2, 28));
	}

	@Test
	void noRevisitsWhenSwitchedOff() {
		assertThat(new RevisitPlan(0, 3).datesAfter(LocalDate.of(2026, 11, 30))).isEmpty();
		assertThatThrownBy(() -> new RevisitPlan(1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void weeksStartOnMondayInShanghai() {
		assertThat(WeekOf.monday(LocalDate.of(2026, 11, 22))).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(WeekOf.monday(LocalDate.of(2026, 11, 16))).isEqualTo(LocalDate.of(2026, 11, 16));
		// Sunday 2026-11-22 17:00 UTC is Monday 01:00 in Shanghai
		assertThat(WeekOf.monday(Instant.parse("2026-11-22T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(WeekOf.pastWeek(Instant.parse("2026-11-22T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 16));
		assertThat(WeekOf.isMonday(LocalDate.of(2026, 11, 17))).isFalse();
	}

	@Test
	void csvCellsAreQuotedAndFormulasDefused() {
		assertThat(MonthlySummaryController.cell("橙槽村")).isEqualTo("\"橙槽村\"");
		assertThat(MonthlySummaryController.cell("=1+1")).isEqualTo("\"'=1+1\"");
		assertThat(MonthlySummaryController.cell("a\"b")).isEqualTo("\"a\"\"b\"");
	}

}
