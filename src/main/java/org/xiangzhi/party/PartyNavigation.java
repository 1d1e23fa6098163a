package org.xiangzhi.party;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/**
 * The party module's entries: the cadres' screens (organisations, links, visits, points,
 * study) and a party member's own page.
 */
@Component
class PartyNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new ArrayList<>();
		if (actor.hasAny(PartyAccess.READERS)) {
			items.add(new Item("/party/orgs", "nav.party.orgs", 400));
			items.add(new Item("/party/links", "nav.party.links", 405));
			items.add(new Item("/party/visits", "nav.party.visits", 410));
			items.add(new Item("/party/points", "nav.party.points", 415));
			items.add(new Item("/party/study", "nav.party.study", 420));
			items.add(new Item("/party/posts", "party.posts.title", 425));
			items.add(new Item("/party/plaques", "party.plaques.title", 426));
		}
		if (actor.hasAny(PartyAccess.MEMBERS)) {
			items.add(new Item("/party/me", "nav.party.me", 400));
		}
		return items;
	}

}
