package org.xiangzhi.party.visits;

import org.xiangzhi.party.visits.VisitRecords.TriggerInput;

/** A cadre records a 必访 trigger by hand ({@code /party/visits/triggers/new}). */
public class TriggerForm {

	private Long householdId;

	private String kind;

	private String occurredOn;

	private String note;

	private String submissionToken;

	TriggerInput input() {
		return new TriggerInput(householdId, kind, occurredOn, note);
	}

	public Long getHouseholdId() {
		return householdId;
	}

	public void setHouseholdId(Long householdId) {
		this.householdId = householdId;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getOccurredOn() {
		return occurredOn;
	}

	public void setOccurredOn(String occurredOn) {
		this.occurredOn = occurredOn;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

}
