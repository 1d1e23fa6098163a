package org.xiangzhi.party.org;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.CurrentActor;

/**
 * 我的党建: a party member's hub on the phone. Their own record (organisation, positions,
 * join date) and the links to their households, visits, points and tests, which the other
 * sections serve under {@code /party/me/...}. An account not linked to a member record
 * gets a clear message instead.
 */
@Controller
@PreAuthorize(PartyAccess.IS_MEMBER)
class MeController {

	private final PartyMembers members;

	MeController(PartyMembers members) {
		this.members = members;
	}

	@GetMapping("/party/me")
	String me(Model model) {
		model.addAttribute("detail", members.mine(CurrentActor.get()).orElse(null));
		return "party/me";
	}

}
