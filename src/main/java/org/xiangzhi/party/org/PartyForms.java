package org.xiangzhi.party.org;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.party.MemberCategory;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The forms of the organisation pages; each carries its one-time {@code submissionToken}.
 */
final class PartyForms {

	private PartyForms() {
	}

	/** A new organisation, or an edit of one (kind, parent and place fixed then). */
	record OrgForm(OrgKind kind, Long parentId, String placeCode, String name, String purpose,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn, Integer version, String submissionToken) {

		OrgForm withToken(String token) {
			return new OrgForm(kind, parentId, placeCode, name, purpose, startsOn, endsOn, version, token);
		}

		static OrgForm of(PartyOrgs.OrgView org, String token) {
			return new OrgForm(org.kind(), org.parentId(), org.placeCode(), org.name(), org.purpose(), org.startsOn(),
					org.endsOn(), org.version(), token);
		}

	}

	record MemberForm(Long residentId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn,
			MemberCategory category, String submissionToken) {
	}

	record PositionForm(Position position, Long orgId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
			String submissionToken) {
	}

	record PositionEndForm(Long positionId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			String submissionToken) {
	}

	record StatusForm(MemberStatus status, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String note,
			String submissionToken) {
	}

	record DayForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, String submissionToken) {
	}

	record MobileForm(Boolean mobile, String mobileNote, String submissionToken) {
	}

	record AccountForm(String username, String submissionToken) {
	}

	record PostForm(String name, String placeCode, Long orgId, String purpose, String submissionToken) {
	}

	record DutyForm(Long memberId, Boolean onDuty, String submissionToken) {
	}

	record ActiveForm(Boolean active, String submissionToken) {
	}

	record PlaqueForm(Long memberId, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn,
			String submissionToken) {
	}

	/** A token as the services take it: a form without one is refused, never run. */
	static String token(String submitted) {
		return submitted == null ? "" : submitted;
	}

	/** Post-redirect-get: a flash on success, the reasons on refusal. */
	static String after(String target, RedirectAttributes redirect, String successKey, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", successKey);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("errorKeys", List.copyOf(ex.messageKeys()));
		}
		return "redirect:" + target;
	}

}
