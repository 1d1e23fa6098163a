package org.xiangzhi.cases;

import java.time.LocalDate;
import java.util.List;

import org.xiangzhi.platform.Actor;

/**
 * Outcome figures of 码上办 per unit and period (月汇总, 年考评, dashboards): how many cases were
 * received, accepted and closed, how many were handled on time and how satisfied the
 * reporters were, in total, by category and by handling level.
 * <p>
 * The figures follow the cases <em>received</em> in the period (a cohort): a case
 * submitted on the last day of March counts for March even if it is closed in April.
 */
public interface CaseStatistics {

	/**
	 * The figures of the place (a county, town, village or grid inside the actor's read
	 * scope) for the cases received from {@code from} to {@code to}, both inclusive, in
	 * China Standard Time.
	 * @throws org.xiangzhi.platform.RecordNotFoundException when the place does not exist
	 * or lies outside the actor's scope
	 * @throws IllegalArgumentException when {@code to} is before {@code from} or the
	 * period is longer than {@link #MAX_DAYS}
	 */
	Report of(Actor actor, String placeCode, LocalDate from, LocalDate to);

	/** The longest period one report may cover, in days (about five years). */
	int MAX_DAYS = 1830;

	/**
	 * The figures of one place and period.
	 *
	 * @param placeCode the unit
	 * @param placeName its name
	 * @param from first day
	 * @param to last day
	 * @param total all cases of the place
	 * @param byCategory per category code, by number of cases received, descending
	 * @param byLevel per current handling level, grid first (levels without cases are
	 * left out)
	 */
	record Report(String placeCode, String placeName, LocalDate from, LocalDate to, Counts total, List<Row> byCategory,
			List<Row> byLevel) {
	}

	/**
	 * One line of a breakdown: a category code or a handling level name, and its counts.
	 */
	record Row(String key, Counts counts) {
	}

	/**
	 * Counts of a set of cases.
	 *
	 * @param received cases submitted in the period (duplicates merged away included)
	 * @param accepted of these, the ones a unit accepted (受理), whatever happened next
	 * @param closed of these, the ones closed (结案)
	 * @param handled of these, the ones handled (办结) and not reopened since
	 * @param handledOnTime of the handled, the ones handled before their handling
	 * deadline ({@code handle_due})
	 * @param rated cases the reporter rated
	 * @param satisfied ratings of 4 or 5 stars
	 */
	record Counts(long received, long accepted, long closed, long handled, long handledOnTime, long rated,
			long satisfied) {

		public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

		public Counts plus(Counts other) {
			return new Counts(received + other.received, accepted + other.accepted, closed + other.closed,
					handled + other.handled, handledOnTime + other.handledOnTime, rated + other.rated,
					satisfied + other.satisfied);
		}

		/** Handled on time / handled, or null when nothing was handled. */
		public Double onTimeRate() {
			return handled == 0 ? null : (double) handledOnTime / handled;
		}

		/** Rated 4–5 / rated, or null when nobody rated. */
		public Double satisfactionRate() {
			return rated == 0 ? null : (double) satisfied / rated;
		}

	}

}
