package org.xiangzhi.party.links;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The screens of 党员联户 for branch secretaries and town organisers: choose a village, see
 * its links by member with their load, run the suggestion, preview and save it (one save
 * per form token), the coverage report, a household's history with the forms to change
 * its link or record a choice, and a member's history.
 */
@Controller
@RequestMapping("/party/links")
@PreAuthorize(PartyAccess.CAN_READ)
class LinksController {

	private final LinkDesk desk;

	LinksController(LinkDesk desk) {
		this.desk = desk;
	}

	@GetMapping
	String villages(Model model) {
		model.addAttribute("villages", desk.villages(CurrentActor.get()));
		return "party/links/villages";
	}

	@GetMapping("/{village}")
	String village(@PathVariable String village, Model model) {
		model.addAttribute("view", desk.village(CurrentActor.get(), village));
		return "party/links/village";
	}

	@GetMapping("/{village}/coverage")
	String coverage(@PathVariable String village, Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("view", desk.village(actor, village));
		return "party/links/coverage";
	}

	@GetMapping("/{village}/suggestion")
	String suggestion(@PathVariable String village, Model model) {
		return preview(village, model, null);
	}

	@PostMapping("/{village}/suggestion")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String save(@PathVariable String village, @RequestParam(required = false) String proposals,
			@RequestParam(required = false) String submissionToken, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		try {
			LinkDesk.SaveResult result = desk.save(actor, village, LinkDesk.decode(proposals), submissionToken);
			redirect.addFlashAttribute("flash", "party.links.saved");
			redirect.addFlashAttribute("savedCount", result.saved());
			return "redirect:/party/links/" + village;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			return preview(village, model, ex.messageKeys());
		}
	}

	private String preview(String village, Model model, List<String> errorKeys) {
		Actor actor = CurrentActor.get();
		model.addAttribute("suggestion", desk.suggest(actor, village));
		model.addAttribute("submissionToken", desk.issueToken());
		model.addAttribute("errorKeys", errorKeys);
		return "party/links/suggestion";
	}

	@PostMapping("/{village}/limit")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String limit(@PathVariable String village, @RequestParam(required = false) Integer maxLoad,
			@RequestParam(defaultValue = "VILLAGE") String level, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Actor actor = CurrentActor.get();
		try {
			LinkDesk.LimitLevel at = "COUNTY".equals(level) ? LinkDesk.LimitLevel.COUNTY : LinkDesk.LimitLevel.VILLAGE;
			desk.setMaxLoad(actor, village, at, maxLoad);
			redirect.addFlashAttribute("flash", "party.links.limit.saved");
			return "redirect:/party/links/" + village;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			model.addAttribute("view", desk.village(actor, village));
			model.addAttribute("errorKeys", ex.messageKeys());
			return "party/links/village";
		}
	}

	@GetMapping("/households/{id}")
	String household(@PathVariable long id, Model model) {
		return householdPage(id, model, null);
	}

	/** Links the household to another member by hand (the old link ends). */
	@PostMapping("/households/{id}")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String change(@PathVariable long id, @RequestParam(required = false) Long memberId, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			boolean changed = desk.change(CurrentActor.get(), id, memberId);
			redirect.addFlashAttribute("flash", changed ? "party.links.changed" : "party.links.unchanged");
			return "redirect:/party/links/households/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			return householdPage(id, model, ex.messageKeys());
		}
	}

	@PostMapping("/households/{id}/choices")
	@PreAuthorize(PartyAccess.CAN_MANAGE)
	String choice(@PathVariable long id, @RequestParam(required = false) Long memberId,
			@RequestParam(required = false) String side, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			desk.recordChoice(CurrentActor.get(), id, memberId, side(side), note);
			redirect.addFlashAttribute("flash", "party.links.choice.saved");
			return "redirect:/party/links/households/" + id;
		}
		catch (InvalidInputException ex) {
			response.setStatus(422);
			return householdPage(id, model, ex.messageKeys());
		}
	}

	@GetMapping("/members/{id}")
	String member(@PathVariable long id, Model model) {
		model.addAttribute("history", desk.memberHistory(CurrentActor.get(), id));
		return "party/links/member";
	}

	private String householdPage(long id, Model model, List<String> errorKeys) {
		model.addAttribute("history", desk.householdHistory(CurrentActor.get(), id));
		model.addAttribute("sides", ChoiceSide.values());
		model.addAttribute("errorKeys", errorKeys);
		return "party/links/household";
	}

	static ChoiceSide side(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return ChoiceSide.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
