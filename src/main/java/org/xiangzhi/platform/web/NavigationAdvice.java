package org.xiangzhi.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.Role;

/** Navigation of the page shell, by the roles of the signed-in account. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NavigationAdvice {

	/** One menu entry. */
	record NavItem(String path, String labelKey) {
	}

	@ModelAttribute("navigation")
	List<NavItem> navigation() {
		List<NavItem> items = new ArrayList<>();
		CurrentActor.find().ifPresent(actor -> items.addAll(itemsFor(actor)));
		return items;
	}

	@ModelAttribute("currentUser")
	String currentUser() {
		return CurrentActor.find().map(Actor::username).orElse(null);
	}

	static List<NavItem> itemsFor(Actor actor) {
		List<NavItem> items = new ArrayList<>();
		items.add(new NavItem("/", "nav.home"));
		boolean admin = actor.assignments().stream().anyMatch(a -> a.role().isAdmin());
		if (admin || actor.has(Role.TOWN_CADRE) || actor.has(Role.VILLAGE_CADRE)) {
			items.add(new NavItem("/accounts", "nav.accounts"));
		}
		if (admin) {
			items.add(new NavItem("/api-tokens", "nav.tokens"));
		}
		if (actor.has(Role.AUDITOR)) {
			items.add(new NavItem("/audit", "nav.audit"));
		}
		return items;
	}

}
