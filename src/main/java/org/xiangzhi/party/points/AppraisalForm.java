package org.xiangzhi.party.points;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** One member's result on the appraisal screen. */
public class AppraisalForm {

	private Long memberId;

	private Integer year;

	private String grade;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate appraisedOn;

	private String note;

	AppraisalGrade gradeOrNull() {
		for (AppraisalGrade g : AppraisalGrade.values()) {
			if (g.name().equals(grade)) {
				return g;
			}
		}
		return null;
	}

	public Long getMemberId() {
		return memberId;
	}

	public void setMemberId(Long memberId) {
		this.memberId = memberId;
	}

	public Integer getYear() {
		return year;
	}

	public void setYear(Integer year) {
		this.year = year;
	}

	public String getGrade() {
		return grade;
	}

	public void setGrade(String grade) {
		this.grade = grade;
	}

	public LocalDate getAppraisedOn() {
		return appraisedOn;
	}

	public void setAppraisedOn(LocalDate appraisedOn) {
		this.appraisedOn = appraisedOn;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
