package org.xiangzhi.cases.intake;

import java.util.List;

import org.springframework.stereotype.Component;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.Navigation;

/** The QR codes of the cadre's villages and grids, in the main navigation. */
@Component
class IntakeNavigation implements Navigation {

	@Override
	public List<Item> itemsFor(Actor actor) {
		return actor.hasAny(CaseAccess.READERS) ? List.of(new Item("/cases/qr", "intake.nav.qr", 210)) : List.of();
	}

}
