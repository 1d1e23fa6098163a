package org.xiangzhi.cases.mediation;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of the mediation page. */
final class MediationForms {

	private MediationForms() {
	}

	/** Who mediates. */
	record MediatorForm(MediatorKind mediatorKind, String mediatorName) {
	}

	/** A party: a registry resident, or a name for someone from outside. */
	record PartyForm(Long residentId, String name, Side side) {
	}

	/** A session with its record. */
	record SessionForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String location,
			String recordText) {
	}

	/** The agreement and the outcome. */
	record AgreementForm(String agreementText, Boolean agreementSigned,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreementOn, MediationOutcome outcome) {
	}

}
