package org.xiangzhi.cases.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/**
 * The 码上办 menu: the queues (我的待办 first) and the overdue cases for every case reader,
 * intake on behalf for handlers, the category settings for county administrators.
 */
@Component
class CasesNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new ArrayList<>();
		if (actor.hasAny(CaseAccess.READERS)) {
			// one entry for the queues (their tabs are on the page) and one for the
			// overdue ones, which a cadre must not miss; the menu is shared by every
			// module
			items.add(new Item("/cases", "case.desk.nav.cases", 200));
			items.add(new Item("/cases?tab=overdue", "case.desk.nav.overdue", 202));
		}
		if (actor.hasAny(CaseAccess.HANDLERS)) {
			items.add(new Item("/cases/new", "case.desk.nav.new", 204));
		}
		if (actor.hasAny(CaseAccess.CONFIGURERS)) {
			items.add(new Item("/cases/categories", "case.desk.nav.categories", 205));
		}
		return items;
	}

}
