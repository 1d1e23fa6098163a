package org.xiangzhi.party.study;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The session form as posted (all text, so that a bad value comes back with its message
 * instead of a binding error page).
 */
record SessionForm(String orgId, String kind, String title, String startsAt, String location, String agenda,
		String materials) {

	static SessionForm of(StudySession s) {
		return new SessionForm(s.orgId().toString(), s.kind().name(), s.title(), s.localStart().toString(),
				s.location(), s.agenda(), s.materials());
	}

	static SessionForm empty() {
		return new SessionForm(null, SessionKind.TUESDAY_CLASS.name(), null, null, null, null, null);
	}

	StudySessions.Draft toDraft() {
		PartyOrgId org = null;
		if (orgId != null && !orgId.isBlank()) {
			try {
				org = new PartyOrgId(Long.parseLong(orgId.strip()));
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("orgId", "party.study.session.org.invalid");
			}
		}
		SessionKind k = null;
		if (kind != null && !kind.isBlank()) {
			try {
				k = SessionKind.valueOf(kind.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("kind", "party.study.session.kind.required");
			}
		}
		LocalDateTime start = null;
		if (startsAt != null && !startsAt.isBlank()) {
			try {
				start = LocalDateTime.parse(startsAt.strip());
			}
			catch (DateTimeParseException ex) {
				throw new InvalidInputException("startsAt", "party.study.session.startsAt.required");
			}
		}
		return new StudySessions.Draft(org, k, title, start, location, agenda, materials);
	}

}
