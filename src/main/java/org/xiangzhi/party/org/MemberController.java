package org.xiangzhi.party.org;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.party.MemberStatus;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.Position;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;

/**
 * A member's page for the cadres of their area: the record, positions with their history,
 * and the forms for positions, 转正, status changes, 流动党员 and the account link. Party
 * members see their own record at {@code /party/me}, never here.
 */
@Controller
@RequestMapping("/party/members/{id}")
@PreAuthorize(PartyAccess.CAN_READ)
class MemberController {

	private final PartyMembers members;

	private final PartyOrgs orgs;

	private final OneTimeForms forms;

	MemberController(PartyMembers members, PartyOrgs orgs, OneTimeForms forms) {
		this.members = members;
		this.orgs = orgs;
		this.forms = forms;
	}

	@GetMapping
	String detail(@PathVariable long id, Model model) {
		Actor actor = CurrentActor.get();
		PartyMembers.Detail detail = members.detail(actor, id);
		model.addAttribute("detail", detail);
		model.addAttribute("m", detail.member());
		boolean manage = actor.hasAny(PartyAccess.MANAGERS) && detail.member().active();
		model.addAttribute("manage", manage);
		if (manage) {
			// the member's own organisation and those above it, in the actor's area
			List<PartyOrgs.OrgView> line = orgs.lineOf(detail.member().orgId())
				.stream()
				.map(orgs::find)
				.flatMap(java.util.Optional::stream)
				.filter(o -> PartyAccess.manageScope(actor).contains(o.path()))
				.toList();
			model.addAttribute("line", line);
			model.addAttribute("positions", Position.values());
			model.addAttribute("statuses", List.of(MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED));
			model.addAttribute("today", orgs.today());
			model.addAttribute("positionToken", forms.issue(PartyMembers.POSITION_FORM));
			Map<Long, String> endTokens = new LinkedHashMap<>();
			detail.currentPositions().forEach(p -> endTokens.put(p.id(), forms.issue(PartyMembers.POSITION_END_FORM)));
			model.addAttribute("endTokens", endTokens);
			model.addAttribute("statusToken", forms.issue(PartyMembers.STATUS_FORM));
			model.addAttribute("fullToken", forms.issue(PartyMembers.FULL_FORM));
			model.addAttribute("mobileToken", forms.issue(PartyMembers.MOBILE_FORM));
			model.addAttribute("accountToken", forms.issue(PartyMembers.ACCOUNT_FORM));
		}
		return "party/org/member";
	}

	@PostMapping("/positions")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String position(@PathVariable long id, @ModelAttribute PartyForms.PositionForm form, RedirectAttributes redirect) {
		return PartyForms.after(target(id), redirect, "party.position.added",
				() -> members.addPosition(CurrentActor.get(), id, form.orgId(), form.position(), form.since(),
						PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/positions/end")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String endPosition(@PathVariable long id, @ModelAttribute PartyForms.PositionEndForm form,
			RedirectAttributes redirect) {
		return PartyForms.after(target(id), redirect, "party.position.ended.done",
				() -> members.endPosition(CurrentActor.get(), id, form.positionId(), form.until(),
						PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/status")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String status(@PathVariable long id, @ModelAttribute PartyForms.StatusForm form, RedirectAttributes redirect) {
		return PartyForms.after(target(id), redirect, "party.member.status.changed",
				() -> members.changeStatus(CurrentActor.get(), id, form.status(), form.on(), form.note(),
						PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/full")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String full(@PathVariable long id, @ModelAttribute PartyForms.DayForm form, RedirectAttributes redirect) {
		return PartyForms.after(target(id), redirect, "party.member.full.done",
				() -> members.confirmFull(CurrentActor.get(), id, form.on(), PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/mobile")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String mobile(@PathVariable long id, @ModelAttribute PartyForms.MobileForm form, RedirectAttributes redirect) {
		return PartyForms.after(target(id), redirect, "party.member.mobile.saved",
				() -> members.setMobile(CurrentActor.get(), id, Boolean.TRUE.equals(form.mobile()), form.mobileNote(),
						PartyForms.token(form.submissionToken())));
	}

	@PostMapping("/account")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String account(@PathVariable long id, @ModelAttribute PartyForms.AccountForm form, RedirectAttributes redirect) {
		return PartyForms.after(target(id), redirect, "party.member.account.saved", () -> members
			.linkAccount(CurrentActor.get(), id, form.username(), PartyForms.token(form.submissionToken())));
	}

	private static String target(long id) {
		return "/party/members/" + id;
	}

}
