package org.xiangzhi.cases.core;

import java.time.Instant;

import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.domain.CaseState;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.platform.OrgPath;

/**
 * A case as stored. The reporter's name and phone are ciphertexts: pages show them masked
 * and reveal them through {@link CaseDesk#revealReporter} (audited).
 */
public record CaseRecord(CaseId id, String trackingCode, OrgPath path, String countyCode, String townCode,
		String villageCode, String gridCode, String unitCode, HandlingLevel level, String categoryCode, boolean dispute,
		CaseStatus status, Channel channel, String description, GeoPoint location, String reporterNameEnc,
		String reporterPhoneEnc, Long residentId, Long householdId, Long assigneeAccountId, String createdBy,
		Long open311ClientId, Instant submittedAt, TimeLimits.Deadlines deadlines, Instant acceptedAt,
		Instant dispatchedAt, Instant handledAt, Instant verifiedAt, Instant closedAt, String overdueStep,
		Instant overdueSince, Instant autoEscalatedAt, String resultText, String publicNote, Long mergedInto,
		Boolean reporterConfirmed, Integer satisfaction, String satisfactionComment, Instant ratedAt, long version,
		Instant updatedAt) {

	public CaseState state() {
		return new CaseState(id, status, level, version);
	}

	/** Whether nobody left a name or phone. */
	public boolean anonymous() {
		return reporterNameEnc == null && reporterPhoneEnc == null && residentId == null;
	}

	/** Whether the case is still with someone (not rejected, closed or merged). */
	public boolean open() {
		return status != CaseStatus.REJECTED && status != CaseStatus.CLOSED && status != CaseStatus.MERGED;
	}

	/** The tracking code as printed on the receipt: {@code ABCD-EFGH-JKMN}. */
	public String trackingCodeDisplay() {
		return TrackingCodes.display(trackingCode);
	}

	/** A changed copy, field by field; {@link CaseStore#update} writes it. */
	public static final class Builder {

		private CaseId id;

		private String trackingCode;

		private OrgPath path;

		private String countyCode;

		private String townCode;

		private String villageCode;

		private String gridCode;

		private String unitCode;

		private HandlingLevel level;

		private String categoryCode;

		private boolean dispute;

		private CaseStatus status;

		private Channel channel;

		private String description;

		private GeoPoint location;

		private String reporterNameEnc;

		private String reporterPhoneEnc;

		private Long residentId;

		private Long householdId;

		private Long assigneeAccountId;

		private String createdBy;

		private Long open311ClientId;

		private Instant submittedAt;

		private TimeLimits.Deadlines deadlines;

		private Instant acceptedAt;

		private Instant dispatchedAt;

		private Instant handledAt;

		private Instant verifiedAt;

		private Instant closedAt;

		private String overdueStep;

		private Instant overdueSince;

		private Instant autoEscalatedAt;

		private String resultText;

		private String publicNote;

		private Long mergedInto;

		private Boolean reporterConfirmed;

		private Integer satisfaction;

		private String satisfactionComment;

		private Instant ratedAt;

		private long version;

		private Instant updatedAt;

		public Builder(CaseRecord c) {
			this.id = c.id();
			this.trackingCode = c.trackingCode();
			this.path = c.path();
			this.countyCode = c.countyCode();
			this.townCode = c.townCode();
			this.villageCode = c.villageCode();
			this.gridCode = c.gridCode();
			this.unitCode = c.unitCode();
			this.level = c.level();
			this.categoryCode = c.categoryCode();
			this.dispute = c.dispute();
			this.status = c.status();
			this.channel = c.channel();
			this.description = c.description();
			this.location = c.location();
			this.reporterNameEnc = c.reporterNameEnc();
			this.reporterPhoneEnc = c.reporterPhoneEnc();
			this.residentId = c.residentId();
			this.householdId = c.householdId();
			this.assigneeAccountId = c.assigneeAccountId();
			this.createdBy = c.createdBy();
			this.open311ClientId = c.open311ClientId();
			this.submittedAt = c.submittedAt();
			this.deadlines = c.deadlines();
			this.acceptedAt = c.acceptedAt();
			this.dispatchedAt = c.dispatchedAt();
			this.handledAt = c.handledAt();
			this.verifiedAt = c.verifiedAt();
			this.closedAt = c.closedAt();
			this.overdueStep = c.overdueStep();
			this.overdueSince = c.overdueSince();
			this.autoEscalatedAt = c.autoEscalatedAt();
			this.resultText = c.resultText();
			this.publicNote = c.publicNote();
			this.mergedInto = c.mergedInto();
			this.reporterConfirmed = c.reporterConfirmed();
			this.satisfaction = c.satisfaction();
			this.satisfactionComment = c.satisfactionComment();
			this.ratedAt = c.ratedAt();
			this.version = c.version();
			this.updatedAt = c.updatedAt();
		}

		public Builder status(CaseStatus status) {
			this.status = status;
			return this;
		}

		public Builder level(HandlingLevel level) {
			this.level = level;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Builder acceptedAt(Instant acceptedAt) {
			this.acceptedAt = acceptedAt;
			return this;
		}

		public Builder dispatchedAt(Instant dispatchedAt) {
			this.dispatchedAt = dispatchedAt;
			return this;
		}

		public Builder handledAt(Instant handledAt) {
			this.handledAt = handledAt;
			return this;
		}

		public Builder verifiedAt(Instant verifiedAt) {
			this.verifiedAt = verifiedAt;
			return this;
		}

		public Builder closedAt(Instant closedAt) {
			this.closedAt = closedAt;
			return this;
		}

		public Builder publicNote(String publicNote) {
			this.publicNote = publicNote;
			return this;
		}

		public Builder resultText(String resultText) {
			this.resultText = resultText;
			return this;
		}

		public Builder reporterConfirmed(Boolean reporterConfirmed) {
			this.reporterConfirmed = reporterConfirmed;
			return this;
		}

		public Builder deadlines(TimeLimits.Deadlines deadlines) {
			this.deadlines = deadlines;
			return this;
		}

		public Builder mergedInto(Long mergedInto) {
			this.mergedInto = mergedInto;
			return this;
		}

		public Builder autoEscalatedAt(Instant autoEscalatedAt) {
			this.autoEscalatedAt = autoEscalatedAt;
			return this;
		}

		public Builder assignee(Long accountId) {
			this.assigneeAccountId = accountId;
			return this;
		}

		/** Moves the case to the route's place and unit. */
		public Builder route(Routing.Route route) {
			this.path = route.path();
			this.countyCode = route.parts().countyCode();
			this.townCode = route.parts().townCode();
			this.villageCode = route.parts().villageCode();
			this.gridCode = route.parts().gridCode();
			this.unitCode = route.unit().code();
			this.level = route.level();
			return this;
		}

		/** Flags the case overdue on a step since a moment. */
		public Builder overdue(String step, Instant since) {
			this.overdueStep = step;
			this.overdueSince = since;
			return this;
		}

		public Builder clearOverdue() {
			this.overdueStep = null;
			this.overdueSince = null;
			return this;
		}

		public Builder satisfaction(int stars, String comment, Instant at) {
			this.satisfaction = stars;
			this.satisfactionComment = comment;
			this.ratedAt = at;
			return this;
		}

		public CaseRecord build() {
			return new CaseRecord(id, trackingCode, path, countyCode, townCode, villageCode, gridCode, unitCode, level,
					categoryCode, dispute, status, channel, description, location, reporterNameEnc, reporterPhoneEnc,
					residentId, householdId, assigneeAccountId, createdBy, open311ClientId, submittedAt, deadlines,
					acceptedAt, dispatchedAt, handledAt, verifiedAt, closedAt, overdueStep, overdueSince,
					autoEscalatedAt, resultText, publicNote, mergedInto, reporterConfirmed, satisfaction,
					satisfactionComment, ratedAt, version, updatedAt);
		}

	}

}
