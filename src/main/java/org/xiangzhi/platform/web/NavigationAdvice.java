package org.xiangzhi.platform.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.Navigation;

/**
 * Navigation of the page shell: the entries of every module's {@link Navigation} bean.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class NavigationAdvice {

	private final List<Navigation> navigations;

	NavigationAdvice(List<Navigation> navigations) {
		this.navigations = navigations;
	}

	@ModelAttribute("navigation")
	List<Navigation.Item> navigation() {
		return CurrentActor.find()
			.map(actor -> navigations.stream()
				.flatMap(n -> n.itemsFor(actor).stream())
				.sorted(Comparator.comparingInt(Navigation.Item::order))
				.toList())
			.orElse(List.of());
	}

	@ModelAttribute("currentUser")
	String currentUser() {
		return CurrentActor.find().map(Actor::username).orElse(null);
	}

}
