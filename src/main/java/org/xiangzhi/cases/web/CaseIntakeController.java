package org.xiangzhi.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.registry.RegistryDirectory;

/**
 * A cadre takes a case in on a resident's behalf (走访, 电话, 微信, 来访, 巡查), optionally linked
 * to a registry resident and household. The form's one-time token makes a double submit
 * create one case.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize(CaseAccess.CAN_HANDLE)
class CaseIntakeController {

	/** The purpose of the intake form's one-time tokens. */
	static final String PURPOSE = "case-intake";

	static final int MAX_PLACES = 1000;

	static final int MAX_RESIDENTS = 20;

	private final CaseDesk desk;

	private final CasePhotos photos;

	private final Submissions submissions;

	private final Places places;

	private final RegistryDirectory registry;

	private final DeskSupport support;

	CaseIntakeController(CaseDesk desk, CasePhotos photos, Submissions submissions, Places places,
			RegistryDirectory registry, DeskSupport support) {
		this.desk = desk;
		this.photos = photos;
		this.submissions = submissions;
		this.places = places;
		this.registry = registry;
		this.support = support;
	}

	@GetMapping("/new")
	String form(Model model, Locale locale) {
		IntakeForm form = new IntakeForm();
		form.setChannel(Channel.VISIT.name());
		model.addAttribute("form", form);
		return view(form, model, locale);
	}

	/**
	 * Creates the case; with {@code lookup} set (the form's search button without
	 * JavaScript) only searches residents and shows the form again.
	 */
	@PostMapping("/new")
	String create(@ModelAttribute("form") IntakeForm form, BindingResult binding,
			@RequestParam(required = false) String lookup, Model model, RedirectAttributes redirect,
			HttpServletResponse response, Locale locale) {
		Actor actor = CurrentActor.get();
		if (lookup != null) {
			model.addAttribute("residents", residents(actor, form.getResidentName()));
			return view(form, model, locale);
		}
		try {
			List<Long> photoIds = storePhotos(form.uploads(), actor);
			CaseDesk.Receipt receipt = desk.reportOnBehalf(actor, form.toNewCase(photoIds), form.getSubmissionToken());
			redirect.addFlashAttribute("flash", "case.desk.intake.created");
			return "redirect:/cases/" + receipt.id().value();
		}
		catch (InvalidInputException ex) {
			for (String key : ex.messageKeys()) {
				if (ex.field() != null && binding.getFieldType(ex.field()) != null) {
					binding.rejectValue(ex.field(), key);
				}
				else {
					binding.reject(key);
				}
			}
			response.setStatus(422);
			return view(form, model, locale);
		}
	}

	/** Residents of the cadre's area by name, for the form's search (htmx fragment). */
	@GetMapping("/new/residents")
	String residentSearch(@RequestParam(defaultValue = "") String residentName, Model model) {
		model.addAttribute("residents", residents(CurrentActor.get(), residentName));
		model.addAttribute("form", new IntakeForm());
		return "cases/desk/new :: residents";
	}

	/** A resident found, with their household's address. */
	record Found(RegistryDirectory.ResidentRef resident, String address) {
	}

	private List<Found> residents(Actor actor, String name) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		DataScope scope = CaseAccess.handleScope(actor);
		return registry.residentsNamed(name.strip(), scope, MAX_RESIDENTS)
			.stream()
			.map(r -> new Found(r,
					r.householdId() == null ? ""
							: registry.household(r.householdId(), scope)
								.map(RegistryDirectory.HouseholdRef::address)
								.orElse("")))
			.toList();
	}

	private List<Long> storePhotos(List<MultipartFile> uploads, Actor actor) {
		if (uploads.size() > CasePhotos.MAX_PER_CASE) {
			throw new InvalidInputException("photos", "case.photo.tooMany");
		}
		List<Long> ids = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			try {
				ids.add(photos.store(upload.getBytes(), CasePhotos.Kind.BEFORE, actor.username()).id());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ids;
	}

	private String view(IntakeForm form, Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		DataScope scope = CaseAccess.handleScope(actor);
		if (form.getSubmissionToken() == null || form.getSubmissionToken().isBlank()) {
			form.setSubmissionToken(submissions.issue(PURPOSE));
		}
		List<Place> choices = places.within(scope, MAX_PLACES)
			.stream()
			.filter(p -> p.level().isAtOrBelow(PlaceLevel.VILLAGE))
			.toList();
		model.addAttribute("places", choices);
		model.addAttribute("channels", List.of(Channel.values()).stream().filter(Channel::onBehalf).toList());
		model.addAttribute("categories", support.categoriesFor(scope));
		model.addAttribute("lang", locale.getLanguage());
		return "cases/desk/new";
	}

}
