package org.xiangzhi.cases.stats;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/** Menu entries of the case statistics and of the Open311 clients. */
@Component
class StatisticsNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new ArrayList<>();
		if (actor.hasAny(CaseAccess.READERS)) {
			items.add(new Item("/cases/statistics", "nav.caseStatistics", 260));
		}
		if (actor.hasAny(CaseAccess.CONFIGURERS)) {
			items.add(new Item("/cases/open311-clients", "nav.open311Clients", 270));
		}
		return items;
	}

}
