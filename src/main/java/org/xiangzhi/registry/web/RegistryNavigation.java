package org.xiangzhi.registry.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;
import org.xiangzhi.registry.RegistryAccess;

/** The registry's menu entry (户籍台账) for everyone who may read it. */
@Component
class RegistryNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new java.util.ArrayList<>();
		if (actor.hasAny(RegistryAccess.READERS)) {
			items.add(new Item("/registry", "nav.registry", 100));
		}
		if (actor.hasAny(RegistryAccess.IMPORTERS)) {
			items.add(new Item("/registry/import", "import.title", 110));
		}
		return items;
	}

}
