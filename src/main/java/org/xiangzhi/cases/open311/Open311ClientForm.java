package org.xiangzhi.cases.open311;

/**
 * The form that creates an integration client: a name to recognise it by and the county
 * whose cases it may report and read.
 */
class Open311ClientForm {

	private String name = "";

	private String countyCode = "";

	private String submissionToken = "";

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getCountyCode() {
		return countyCode;
	}

	public void setCountyCode(String countyCode) {
		this.countyCode = countyCode;
	}

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

}
