package org.xiangzhi.cases.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/**
 * The 码上办 menu: the queues for every case reader, intake on behalf for handlers, the
 * category settings for county administrators.
 */
@Component
class CasesNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new ArrayList<>();
		if (actor.hasAny(CaseAccess.READERS)) {
			items.add(new Item("/cases?tab=mine", "case.desk.nav.mine", 200));
			items.add(new Item("/cases?tab=unit", "case.desk.nav.unit", 201));
			items.add(new Item("/cases?tab=overdue", "case.desk.nav.overdue", 202));
			items.add(new Item("/cases?tab=all", "case.desk.nav.all", 203));
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
