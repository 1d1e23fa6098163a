package org.xiangzhi.cases.mediation;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/** Menu entries of dispute work: 周排查, 季回访, 月汇总, and the overdue ledger. */
@Component
class DisputeNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		List<Item> items = new ArrayList<>();
		if (actor.hasAny(CaseAccess.HANDLERS)) {
			items.add(new Item("/cases/overdue-ledger", "nav.overdueLedger", 240));
			items.add(new Item("/cases/screening", "nav.screening", 250));
			items.add(new Item("/cases/revisits", "nav.revisits", 255));
			items.add(new Item("/cases/monthly-summary", "nav.monthlySummary", 260));
		}
		return items;
	}

}
