package org.xiangzhi.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;
import org.xiangzhi.platform.Role;

/** The platform's own menu entries: home, accounts, integration tokens, audit log. */
@Component
class PlatformNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new ArrayList<>();
		items.add(new Item("/", "nav.home", 0));
		boolean admin = actor.assignments().stream().anyMatch(a -> a.role().isAdmin());
		if (admin || actor.has(Role.TOWN_CADRE) || actor.has(Role.VILLAGE_CADRE)) {
			items.add(new Item("/accounts", "nav.accounts", 800));
		}
		if (admin) {
			items.add(new Item("/api-tokens", "nav.tokens", 810));
		}
		if (actor.has(Role.AUDITOR)) {
			items.add(new Item("/audit", "nav.audit", 900));
		}
		return items;
	}

}
