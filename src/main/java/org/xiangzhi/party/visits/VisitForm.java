package org.xiangzhi.party.visits;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.web.multipart.MultipartFile;
import org.xiangzhi.party.visits.VisitRecords.VisitInput;

/**
 * The "log a visit" form, on a member's phone ({@code /party/me/visits}) and on a
 * household's page for a cadre logging on a member's behalf.
 */
public class VisitForm {

	private Long householdId;

	private Long memberId;

	private String kind = VisitKind.ROUTINE.name();

	private String visitedOn;

	private String notes;

	private boolean followUp;

	private String followUpText;

	private MultipartFile photo;

	private String submissionToken;

	VisitInput input() {
		return new VisitInput(householdId, memberId, kind, visitedOn, notes, followUp, followUpText);
	}

	/** The photo's bytes; null without a photo. */
	byte[] photoBytes() {
		if (photo == null || photo.isEmpty()) {
			return null;
		}
		try {
			return photo.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Long getHouseholdId() {
		return householdId;
	}

	public void setHouseholdId(Long householdId) {
		this.householdId = householdId;
	}

	public Long getMemberId() {
		return memberId;
	}

	public void setMemberId(Long memberId) {
		this.memberId = memberId;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getVisitedOn() {
		return visitedOn;
	}

	public void setVisitedOn(String visitedOn) {
		this.visitedOn = visitedOn;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public boolean isFollowUp() {
		return followUp;
	}

	public void setFollowUp(boolean followUp) {
		this.followUp = followUp;
	}

	public String getFollowUpText() {
		return followUpText;
	}

	public void setFollowUpText(String followUpText) {
		this.followUpText = followUpText;
	}

	public MultipartFile getPhoto() {
		return photo;
	}

	public void setPhoto(MultipartFile photo) {
		this.photo = photo;
	}

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

}
