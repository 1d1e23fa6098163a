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
		return actor.hasAny(RegistryAccess.READERS) ? List.of(new Item("/registry", "nav.registry", 100)) : List.of();
	}

}
