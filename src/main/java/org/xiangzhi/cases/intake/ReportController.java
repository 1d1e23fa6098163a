package org.xiangzhi.cases.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseDesk.Receipt;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.CategoryCatalog;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Submissions;

/**
 * The report page a QR code opens ({@code /r/{placeCode}}): mobile first, no framework,
 * works without JavaScript. The post files the report once per form token and redirects
 * to the tracking page of the new case, so the receipt is shown only after the commit.
 */
@Controller
class ReportController {

	/** The device cookie of the per-device limit: a random id, nothing else. */
	static final String DEVICE_COOKIE = "XZDEV";

	private static final Duration DEVICE_COOKIE_AGE = Duration.ofDays(365);

	private final SecureRandom random = new SecureRandom();

	private final ReportPlaces places;

	private final CategoryCatalog categories;

	private final Submissions submissions;

	private final ReportIntake intake;

	private final IntakeRateLimits rateLimits;

	private final IntakeSettings settings;

	private final CaseSettings caseSettings;

	private final Clock clock;

	ReportController(ReportPlaces places, CategoryCatalog categories, Submissions submissions, ReportIntake intake,
			IntakeRateLimits rateLimits, IntakeSettings settings, CaseSettings caseSettings, Clock clock) {
		this.places = places;
		this.categories = categories;
		this.submissions = submissions;
		this.intake = intake;
		this.rateLimits = rateLimits;
		this.settings = settings;
		this.caseSettings = caseSettings;
		this.clock = clock;
	}

	@GetMapping("/r/{placeCode}")
	String form(@PathVariable String placeCode, Model model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Place> place = places.find(placeCode);
		if (place.isEmpty()) {
			return PublicPages.notFound(model, response);
		}
		deviceId(request, response);
		ReportForm form = new ReportForm();
		form.setSubmissionToken(submissions.issue(CaseDesk.REPORT_FORM));
		return page(place.get(), form, List.of(), model, locale, response, HttpStatus.OK);
	}

	@PostMapping("/r/{placeCode}")
	String report(@PathVariable String placeCode, @ModelAttribute("form") ReportForm form, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Place> found = places.find(placeCode);
		if (found.isEmpty()) {
			return PublicPages.notFound(model, response);
		}
		Place place = found.get();
		if (form.honeypotFilled()) {
			// a bot: it gets a thank-you that looks final and nothing is created
			return PublicPages.message(model, response, HttpStatus.OK, "intake.dropped.title", "intake.dropped.text");
		}
		IntakeRateLimits.Sender sender = new IntakeRateLimits.Sender(request.getRemoteAddr(),
				deviceId(request, response));
		if (rateLimits.exhausted(sender)) {
			return PublicPages.tooMany(model, response);
		}
		Optional<Instant> issued = submissions.issuedAt(form.getSubmissionToken(), CaseDesk.REPORT_FORM);
		if (issued.isEmpty()) {
			form.setSubmissionToken(submissions.issue(CaseDesk.REPORT_FORM));
			return page(place, form, List.of("submission.expired"), model, locale, response,
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		if (issued.get().plus(settings.minFillTime()).isAfter(clock.instant())) {
			return page(place, form, List.of("intake.report.tooFast"), model, locale, response,
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		List<MultipartFile> chosen = form.chosenPhotos();
		List<String> errors = new ArrayList<>();
		if (chosen.size() > CasePhotos.MAX_PER_CASE) {
			errors.add("case.photo.tooMany");
		}
		if (chosen.stream().anyMatch(p -> p.getSize() > caseSettings.maxPhotoBytes())) {
			errors.add("case.photo.tooLarge");
		}
		if (!errors.isEmpty()) {
			return page(place, form, errors, model, locale, response, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		Receipt receipt;
		try {
			receipt = intake.file(place.code(), form, bytes(chosen), sender);
		}
		catch (ReportIntake.ReplayedException replayed) {
			receipt = replayed.receipt();
		}
		catch (InvalidInputException invalid) {
			List<String> keys = new ArrayList<>(invalid.messageKeys());
			if (keys.contains("submission.expired")) {
				form.setSubmissionToken(submissions.issue(CaseDesk.REPORT_FORM));
			}
			if (!chosen.isEmpty()) {
				keys.add("intake.report.photosAgain");
			}
			return page(place, form, keys, model, locale, response, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		catch (IntakeRateLimits.RateLimitedException limited) {
			return PublicPages.tooMany(model, response);
		}
		redirect.addFlashAttribute("reported", true);
		return "redirect:/track/" + receipt.trackingCode();
	}

	private String page(Place place, ReportForm form, List<String> errors, Model model, Locale locale,
			HttpServletResponse response, HttpStatus status) {
		response.setStatus(status.value());
		// the page carries a one-time token: never from a cache, never for someone else
		response.setHeader("Cache-Control", "no-store");
		String county = places.county(place).map(Place::code).orElse(null);
		model.addAttribute("place", place);
		model.addAttribute("placeName", places.displayName(place));
		model.addAttribute("countyName", places.county(place).map(Place::name).orElse(""));
		model.addAttribute("categories",
				CategoryChoices.of(county == null ? List.of() : categories.forCounty(county), locale));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxPhotos", CasePhotos.MAX_PER_CASE);
		model.addAttribute("maxPhotoMegabytes", caseSettings.maxPhotoBytes() / (1024 * 1024));
		return "cases/public/report";
	}

	private static List<byte[]> bytes(List<MultipartFile> files) {
		List<byte[]> out = new ArrayList<>();
		for (MultipartFile file : files) {
			try {
				out.add(file.getBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return out;
	}

	/** The device cookie's id, set if the browser has none yet. */
	private String deviceId(HttpServletRequest request, HttpServletResponse response) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (DEVICE_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{22}")) {
					return cookie.getValue();
				}
			}
		}
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		response.addHeader("Set-Cookie",
				ResponseCookie.from(DEVICE_COOKIE, id)
					.path("/r/")
					.httpOnly(true)
					.secure(request.isSecure())
					.sameSite("Lax")
					.maxAge(DEVICE_COOKIE_AGE)
					.build()
					.toString());
		return id;
	}

}
