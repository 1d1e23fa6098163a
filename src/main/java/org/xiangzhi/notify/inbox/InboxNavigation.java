package org.xiangzhi.notify.inbox;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/**
 * The inbox entry of the main navigation, for every signed-in account. The shell shows
 * labels only, so the unread count is on the inbox page itself.
 */
@Component
class InboxNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		return List.of(new Item("/inbox", "nav.inbox", 700));
	}

}
