package org.xiangzhi.party.visits;

import java.time.Instant;
import java.time.LocalDate;

import org.xiangzhi.party.MemberId;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.registry.HouseholdId;

/** What the visits section stores, as its screens and API read it. */
final class VisitRecords {

	private VisitRecords() {
	}

	/**
	 * A logged visit, with the household's address and head and the member's name.
	 */
	record Visit(long id, HouseholdId household, String address, String headName, OrgPath path, MemberId member,
			String memberName, VisitKind kind, LocalDate visitedOn, String notes, boolean followUp, String followUpText,
			boolean hasPhoto, String loggedBy, Instant createdAt) {
	}

	/**
	 * A mandatory visit (必访). {@code member} is null when the household had no linked
	 * member when it was raised: the branch's task.
	 */
	record Task(long id, HouseholdId household, String address, String headName, OrgPath path, MemberId member,
			String memberName, TriggerKind trigger, String note, LocalDate occurredOn, String source, Long caseId,
			TaskStatus status, LocalDate dueOn, Instant remindedAt, Instant overdueAt, Long visitId,
			String cancelReason, String createdBy, Instant createdAt, String closedBy, Instant closedAt, int version) {

		public boolean open() {
			return status == TaskStatus.OPEN;
		}

		/** How an open task stands today; null for a closed one. */
		public DeadlinePolicy.Urgency urgency(DeadlinePolicy policy, LocalDate today) {
			return open() ? policy.urgency(dueOn, today) : null;
		}

		public boolean fromCase() {
			return caseId != null;
		}

	}

	/** What a member or cadre submits for a visit. */
	record VisitInput(Long householdId, Long memberId, String kind, String visitedOn, String notes, boolean followUp,
			String followUpText) {
	}

	/** What a cadre submits for a hand-recorded trigger. */
	record TriggerInput(Long householdId, String kind, String occurredOn, String note) {
	}

	/** A saved visit and the mandatory visits it fulfilled. */
	record Logged(long visitId, int fulfilled, boolean replay) {
	}

}
