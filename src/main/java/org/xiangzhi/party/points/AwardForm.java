package org.xiangzhi.party.points;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The proposal form of the points screen. */
public class AwardForm {

	private Long memberId;

	private String ruleCode;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate earnedOn;

	private Integer quantity = 1;

	private String evidence;

	private String reference;

	private String submissionToken;

	Awards.NewAward toNewAward() {
		return new Awards.NewAward(memberId, ruleCode, earnedOn, quantity, evidence, reference);
	}

	public Long getMemberId() {
		return memberId;
	}

	public void setMemberId(Long memberId) {
		this.memberId = memberId;
	}

	public String getRuleCode() {
		return ruleCode;
	}

	public void setRuleCode(String ruleCode) {
		this.ruleCode = ruleCode;
	}

	public LocalDate getEarnedOn() {
		return earnedOn;
	}

	public void setEarnedOn(LocalDate earnedOn) {
		this.earnedOn = earnedOn;
	}

	public Integer getQuantity() {
		return quantity;
	}

	public void setQuantity(Integer quantity) {
		this.quantity = quantity;
	}

	public String getEvidence() {
		return evidence;
	}

	public void setEvidence(String evidence) {
		this.evidence = evidence;
	}

	public String getReference() {
		return reference;
	}

	public void setReference(String reference) {
		this.reference = reference;
	}

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

}
