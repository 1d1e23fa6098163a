package org.xiangzhi.cases.intake;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.ConcurrentTransitionException;
import org.xiangzhi.cases.IllegalTransitionException;
import org.xiangzhi.cases.TransitionRefusedException;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.core.CategoryCatalog;
import org.xiangzhi.cases.core.TrackingCodes;
import org.xiangzhi.cases.domain.CaseWorkflow;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The reporter's tracking page (查询办理进度): the status and the timeline with public notes
 * only — unit names and levels, never a cadre's name or phone, never the reporter's own
 * data. Once the case is handled the reporter confirms or rejects the resolution and
 * rates it. Whoever holds the tracking code is the reporter; the code is 60 random bits.
 */
@Controller
class TrackController {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(WorkingDayCalendar.ZONE);

	private final CaseDesk desk;

	private final CasePhotos photos;

	private final ReportPlaces places;

	private final CategoryCatalog categories;

	private final MessageSource messages;

	TrackController(CaseDesk desk, CasePhotos photos, ReportPlaces places, CategoryCatalog categories,
			MessageSource messages) {
		this.desk = desk;
		this.photos = photos;
		this.places = places;
		this.categories = categories;
		this.messages = messages;
	}

	/** One line of the public timeline. */
	public record Step(String at, String actionKey, String statusKey, String unitName, String levelKey, String note) {
	}

	@GetMapping("/track")
	String lookup(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
		if (code != null && !code.isBlank()) {
			String normalized = TrackingCodes.normalize(code);
			if (normalized != null) {
				return "redirect:/track/" + normalized;
			}
			model.addAttribute("error", "intake.track.codeInvalid");
		}
		model.addAttribute("code", code == null ? "" : code);
		return "cases/public/lookup";
	}

	@GetMapping("/track/{code}")
	String track(@PathVariable String code, Model model, Locale locale, HttpServletResponse response) {
		Optional<CaseRecord> found = desk.tracked(code);
		if (found.isEmpty()) {
			return PublicPages.notFound(model, response);
		}
		CaseRecord c = found.get();
		response.setHeader("Cache-Control", "no-store");
		String language = locale.getLanguage();
		Place place = places.any(c.gridCode() != null ? c.gridCode() : c.villageCode()).orElse(null);
		model.addAttribute("c", c);
		model.addAttribute("code", c.trackingCode());
		model.addAttribute("codeDisplay", c.trackingCodeDisplay());
		model.addAttribute("placeName", place == null ? "" : places.displayName(place));
		model.addAttribute("categoryName",
				categories.find(c.countyCode(), c.categoryCode())
					.map(cat -> cat.name(language))
					.orElse(c.categoryCode()));
		model.addAttribute("submitted", TIME.format(c.submittedAt()));
		model.addAttribute("steps", steps(c));
		model.addAttribute("afterPhotos",
				photos.of(c.id()).stream().filter(p -> p.kind() == CasePhotos.Kind.AFTER).toList());
		Set<CaseAction> allowed = CaseWorkflow.allowedActions(c.status());
		model.addAttribute("canConfirm",
				allowed.contains(CaseAction.CONFIRM_BY_REPORTER) && !Boolean.TRUE.equals(c.reporterConfirmed()));
		model.addAttribute("canReject", allowed.contains(CaseAction.REJECT_RESOLUTION));
		model.addAttribute("canRate",
				c.handledAt() != null && c.ratedAt() == null && c.status() != org.xiangzhi.cases.CaseStatus.REOPENED
						&& (c.open() || c.status() == org.xiangzhi.cases.CaseStatus.CLOSED));
		return "cases/public/track";
	}

	private List<Step> steps(CaseRecord c) {
		List<Step> steps = new ArrayList<>();
		for (CaseStore.Event e : desk.timeline(c.id())) {
			if (e.action() == CaseAction.URGE) {
				// supervision between units is not the reporter's business
				continue;
			}
			String unit = places.any(e.toUnit()).map(Place::name).orElse("");
			steps.add(new Step(TIME.format(e.at()), e.action().messageKey(), e.to().messageKey(), unit,
					e.toLevel().messageKey(), e.notePublic() ? e.note() : null));
		}
		return steps;
	}

	@PostMapping("/track/{code}/confirm")
	String confirm(@PathVariable String code, @RequestParam(required = false) Long version, Locale locale,
			RedirectAttributes redirect) {
		return reporterAction(code, CaseAction.CONFIRM_BY_REPORTER, version, null, "intake.track.confirmed", locale,
				redirect);
	}

	@PostMapping("/track/{code}/reject")
	String reject(@PathVariable String code, @RequestParam(required = false) Long version,
			@RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
		return reporterAction(code, CaseAction.REJECT_RESOLUTION, version, reason, "intake.track.rejected", locale,
				redirect);
	}

	@PostMapping("/track/{code}/rate")
	String rate(@PathVariable String code, @RequestParam(required = false) Integer stars,
			@RequestParam(required = false) String comment, Locale locale, RedirectAttributes redirect) {
		String normalized = requireCase(code);
		try {
			desk.rate(normalized, stars == null ? 0 : stars, comment);
			redirect.addFlashAttribute("done", "intake.track.rated");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", text(ex.messageKeys().get(0), locale));
		}
		return "redirect:/track/" + normalized;
	}

	private String reporterAction(String code, CaseAction action, Long version, String reason, String doneKey,
			Locale locale, RedirectAttributes redirect) {
		String normalized = requireCase(code);
		try {
			if (version == null) {
				throw new ConcurrentTransitionException(null, -1, -1);
			}
			desk.actAsReporter(normalized, action, version, reason);
			redirect.addFlashAttribute("done", doneKey);
		}
		catch (IllegalTransitionException ex) {
			Object[] args = { text(ex.current().messageKey(), locale), text(ex.action().messageKey(), locale) };
			redirect.addFlashAttribute("error", messages.getMessage(ex.messageKey(), args, locale));
		}
		catch (TransitionRefusedException ex) {
			redirect.addFlashAttribute("error", text(ex.messageKey(), locale));
		}
		catch (ConcurrentTransitionException ex) {
			redirect.addFlashAttribute("error", text(ConcurrentTransitionException.MESSAGE_KEY, locale));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", text(ex.messageKeys().get(0), locale));
		}
		return "redirect:/track/" + normalized;
	}

	/** The stored code of a tracked case, or the 404 page. */
	private String requireCase(String code) {
		return desk.tracked(code)
			.map(CaseRecord::trackingCode)
			.orElseThrow(() -> new RecordNotFoundException(CaseDesk.CASE, "tracked"));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/**
	 * An after-photo (办理后照片) of the tracked case: the reporter's proof that the work was
	 * done. Served as an attachment with nosniff, re-encoded JPEG only.
	 */
	@GetMapping("/track/{code}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable String code, @PathVariable String photoId) {
		Optional<CasePhotos.Photo> photo = desk.tracked(code)
			.filter(c -> photoId.matches("\\d{1,18}"))
			.flatMap(c -> photos.find(c.id(), Long.parseLong(photoId)))
			.filter(p -> p.kind() == CasePhotos.Kind.AFTER);
		if (photo.isEmpty()) {
			throw new RecordNotFoundException("case-photo", photoId);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("photo-" + photo.get().id() + ".jpg").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(photos.read(photo.get()));
	}

}
