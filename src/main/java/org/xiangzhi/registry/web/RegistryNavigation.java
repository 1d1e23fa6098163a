package org.xiangzhi.registry.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;
import org.xiangzhi.platform.Role;
import org.xiangzhi.registry.RegistryAccess;

/**
 * The registry's menu entries: the roster for readers, grids and imports for importers.
 */
@Component
class RegistryNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new java.util.ArrayList<>();
		if (actor.hasAny(RegistryAccess.READERS)) {
			items.add(new Item("/registry", "nav.registry", 100));
		}
		if (actor.hasAny(RegistryAccess.IMPORTERS)) {
			items.add(new Item("/registry/grids", "places.villages.title", 105));
			items.add(new Item("/registry/import", "import.title", 110));
		}
		if (actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.COUNTY_ADMIN)) {
			items.add(new Item("/registry/tags", "nav.tags", 115));
			items.add(new Item("/registry/divisions", "places.divisions.title", 120));
		}
		return items;
	}

}
