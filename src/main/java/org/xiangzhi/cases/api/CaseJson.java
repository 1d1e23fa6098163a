package org.xiangzhi.cases.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.xiangzhi.cases.CaseStatistics;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;

/**
 * A case as the JSON API shows it: no reporter's name or phone (revealing them is an
 * audited page action), only whether the report was anonymous.
 */
record CaseJson(long id, String trackingCode, String status, String categoryCode, boolean dispute, String channel,
		String description, String orgPath, String countyCode, String townCode, String villageCode, String gridCode,
		String unitCode, String level, Double latitude, Double longitude, boolean anonymous, Long assigneeAccountId,
		Instant submittedAt, Instant acceptDue, Instant dispatchDue, Instant handleDue, Instant revisitDue,
		Instant acceptedAt, Instant dispatchedAt, Instant handledAt, Instant verifiedAt, Instant closedAt,
		String overdueStep, String resultText, String publicNote, Long mergedInto, Integer satisfaction, long version,
		Instant updatedAt) {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static CaseJson of(CaseRecord c) {
		return new CaseJson(c.id().value(), c.trackingCode(), c.status().name(), c.categoryCode(), c.dispute(),
				c.channel().name(), c.description(), c.path().value(), c.countyCode(), c.townCode(), c.villageCode(),
				c.gridCode(), c.unitCode(), c.level().name(), c.location() == null ? null : c.location().latitude(),
				c.location() == null ? null : c.location().longitude(), c.anonymous(), c.assigneeAccountId(),
				c.submittedAt(), c.deadlines().accept(), c.deadlines().dispatch(), c.deadlines().handle(),
				c.deadlines().revisit(), c.acceptedAt(), c.dispatchedAt(), c.handledAt(), c.verifiedAt(), c.closedAt(),
				c.overdueStep(), c.resultText(), c.publicNote(), c.mergedInto(), c.satisfaction(), c.version(),
				c.updatedAt());
	}

	/** One page of cases and the cursor of the next (null on the last page). */
	record Page(List<CaseJson> items, String next) {
	}

	/** One line of the timeline. */
	record Event(Instant at, String actor, String action, String fromStatus, String toStatus, String fromLevel,
			String toLevel, String fromUnit, String toUnit, String note) {

		static Event of(CaseStore.Event e) {
			return new Event(e.at(), e.actor(), e.action().name(), e.from() == null ? null : e.from().name(),
					e.to().name(), e.fromLevel() == null ? null : e.fromLevel().name(), e.toLevel().name(),
					e.fromUnit(), e.toUnit(), e.note());
		}

	}

	/**
	 * A new report.
	 *
	 * @param channel API (default) or an on-behalf channel: VISIT, PHONE, WECHAT,
	 * WALK_IN, PATROL
	 */
	record NewReport(String placeCode, String categoryCode, String description, Double latitude, Double longitude,
			String reporterName, String reporterPhone, String channel, Long residentId, Long householdId) {

		static final NewReport EMPTY = new NewReport(null, null, null, null, null, null, null, null, null, null);

	}

	/** What a report created (or, on a retry, had created). */
	record Receipt(long id, String trackingCode, String trackingCodeDisplay, boolean replay) {
	}

	/** An action on a case; fields the action does not use stay null. */
	record Action(String action, Long expectedVersion, String reason, String resultText, List<Long> afterPhotoIds,
			Long targetCaseId, String targetLevel, String targetUnitCode, Long assigneeAccountId) {

		static final Action EMPTY = new Action(null, null, null, null, null, null, null, null, null);

	}

	record FieldError(String field, String code, String message) {
	}

	/** 422: the input breaks a rule. */
	record Invalid(int status, String error, List<FieldError> errors) {
	}

	/**
	 * 409 or 422: the transition was refused; {@code currentStatus} names where the case
	 * is.
	 */
	record Refused(int status, String error, String code, String currentStatus, String message) {
	}

	/** Counts with their rates (null when there is nothing to divide by). */
	record Counts(long received, long accepted, long closed, long handled, long handledOnTime, Double onTimeRate,
			long rated, long satisfied, Double satisfactionRate) {

		static Counts of(CaseStatistics.Counts c) {
			return new Counts(c.received(), c.accepted(), c.closed(), c.handled(), c.handledOnTime(), c.onTimeRate(),
					c.rated(), c.satisfied(), c.satisfactionRate());
		}

	}

	record Row(String key, Counts counts) {
	}

	record Statistics(String placeCode, String placeName, LocalDate from, LocalDate to, Counts total,
			List<Row> byCategory, List<Row> byLevel) {

		static Statistics of(CaseStatistics.Report r) {
			return new Statistics(r.placeCode(), r.placeName(), r.from(), r.to(), Counts.of(r.total()),
					r.byCategory().stream().map(row -> new Row(row.key(), Counts.of(row.counts()))).toList(),
					r.byLevel().stream().map(row -> new Row(row.key(), Counts.of(row.counts()))).toList());
		}

	}

}
