package org.xiangzhi.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.Places;

/** The start page after login: who I am and where I act. */
@Controller
class HomeController {

	private final Places places;

	HomeController(Places places) {
		this.places = places;
	}

	@GetMapping("/")
	String home(Model model) {
		var actor = CurrentActor.get();
		model.addAttribute("assignments",
				actor.assignments()
					.stream()
					.map(a -> new AssignmentView(a.role().messageKey(),
							places.find(a.placeCode()).map(p -> p.name()).orElse(a.placeCode()), a.placeCode()))
					.toList());
		return "home";
	}

	record AssignmentView(String roleKey, String placeName, String placeCode) {
	}

}
