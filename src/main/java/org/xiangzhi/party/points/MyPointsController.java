package org.xiangzhi.party.points;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.platform.CurrentActor;

/**
 * A party member's own points on the phone (我的积分): balance, awards and their status, rank
 * in the branch this quarter and this year, and appraisal results. Only their own: the
 * member record is the one linked to the signed-in account.
 */
@Controller
@PreAuthorize(PartyAccess.IS_MEMBER)
class MyPointsController {

	private final MyPoints mine;

	private final PartyDirectory directory;

	MyPointsController(MyPoints mine, PartyDirectory directory) {
		this.mine = mine;
		this.directory = directory;
	}

	@GetMapping("/party/me/points")
	String page(Model model, Locale locale) {
		Optional<MemberRef> member = directory.memberOfAccount(CurrentActor.get().accountId());
		model.addAttribute("me", member.map(mine::of).orElse(null));
		model.addAttribute("lang", locale.getLanguage());
		return "party/me-points";
	}

}
