package org.xiangzhi.platform.web;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.Navigation;

/**
 * Navigation of the page shell: the entries of every module's {@link Navigation} bean and
 * the signed-in user, added to the model of every page that renders a view. An
 * interceptor, not a {@code @ModelAttribute} advice: the advice ran for every JSON
 * request too (≈ 45 µs of the public intake's CPU) for a model nobody renders.
 */
@Component
class NavigationAdvice implements HandlerInterceptor {

	static final String NAVIGATION = "navigation";

	static final String CURRENT_USER = "currentUser";

	private final List<Navigation> navigations;

	NavigationAdvice(List<Navigation> navigations) {
		this.navigations = navigations;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		if (!view.getModel().containsKey(NAVIGATION)) {
			view.addObject(NAVIGATION, navigation());
		}
		if (!view.getModel().containsKey(CURRENT_USER)) {
			view.addObject(CURRENT_USER, CurrentActor.find().map(Actor::username).orElse(null));
		}
	}

	List<Navigation.Item> navigation() {
		return CurrentActor.find()
			.map(actor -> navigations.stream()
				.flatMap(n -> n.itemsFor(actor).stream())
				.sorted(Comparator.comparingInt(Navigation.Item::order))
				.toList())
			.orElse(List.of());
	}

}
