package org.xiangzhi.party.links;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.CurrentActor;

/**
 * A party member's own linked households on the phone: head, address and how many live
 * there, never an ID number. Another member's household is "not found".
 */
@Controller
@PreAuthorize(PartyAccess.IS_MEMBER)
class MyHouseholdsController {

	private final LinkDesk desk;

	MyHouseholdsController(LinkDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/party/me/households")
	String mine(Model model) {
		model.addAttribute("mine", desk.mine(CurrentActor.get()));
		return "party/me-households";
	}

	@GetMapping("/party/me/households/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("household", desk.myHousehold(CurrentActor.get(), id));
		return "party/links/my-household";
	}

}
