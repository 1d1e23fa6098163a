package org.xiangzhi.notify.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;

/**
 * 站内信: the signed-in account's own notices, newest first; nobody sees anyone else's.
 * Opening a notice marks it read and follows its link.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class InboxController {

	private final Inbox inbox;

	private final MessageSource messages;

	InboxController(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	/** A message as shown: its text in the reader's language. */
	record Shown(long id, String kind, String text, String link, Instant createdAt, boolean unread) {
	}

	@GetMapping("/inbox")
	String list(Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("messages", shown(actor, LocaleContextHolder.getLocale()));
		model.addAttribute("unread", inbox.unreadCount(actor.accountId()));
		return "notify/inbox";
	}

	@PostMapping("/inbox/read")
	String read(@RequestParam long id) {
		String link = inbox.markRead(CurrentActor.get().accountId(), id);
		return "redirect:" + (link == null ? "/inbox" : link);
	}

	@PostMapping("/inbox/read-all")
	String readAll(RedirectAttributes redirect) {
		inbox.markAllRead(CurrentActor.get().accountId());
		redirect.addFlashAttribute("flash", "inbox.allRead");
		return "redirect:/inbox";
	}

	@GetMapping(path = "/api/v1/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> api(Locale locale) {
		Actor actor = CurrentActor.get();
		return Map.of("unread", inbox.unreadCount(actor.accountId()), "messages", shown(actor, locale));
	}

	private List<Shown> shown(Actor actor, Locale locale) {
		return inbox.newest(actor.accountId(), Inbox.PAGE)
			.stream()
			.map(m -> new Shown(m.id(), m.kind(),
					messages.getMessage(m.messageKey(), m.args().toArray(), m.messageKey(), locale), m.link(),
					m.createdAt(), m.unread()))
			.toList();
	}

}
