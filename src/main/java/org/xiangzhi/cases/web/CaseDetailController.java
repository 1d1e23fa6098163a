package org.xiangzhi.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Masking;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Staff;

/**
 * A case for cadres: facts, reporter (masked, revealed on request and audited),
 * deadlines, timeline, photos, and the actions the cadre may take now. Each action is a
 * POST carrying the version the cadre saw; htmx swaps the detail fragment in place,
 * without JavaScript the answer is a redirect with a flash message.
 */
@Controller
@RequestMapping("/cases")
@PreAuthorize(CaseAccess.CAN_READ)
class CaseDetailController {

	/** The object type of photo rows in the audit log. */
	static final String PHOTO = "case-photo";

	private final CaseDesk desk;

	private final CasePhotos photos;

	private final Staff staff;

	private final PersonalData personalData;

	private final DeskSupport support;

	private final ActionOptions options;

	CaseDetailController(CaseDesk desk, CasePhotos photos, Staff staff, PersonalData personalData, DeskSupport support,
			ActionOptions options) {
		this.desk = desk;
		this.photos = photos;
		this.staff = staff;
		this.personalData = personalData;
		this.support = support;
		this.options = options;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		CaseRecord c = support.load(actor, id);
		prepare(actor, c, model, locale);
		return htmx != null ? "cases/desk/detail :: detail" : "cases/desk/detail";
	}

	/** The reporter's name and phone in clear (audited by the desk). */
	@PostMapping("/{id}/reporter")
	@PreAuthorize(CaseAccess.CAN_HANDLE)
	String reveal(@PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
			Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		CaseRecord c = support.load(actor, id);
		CaseDesk.Reporter reporter = desk.revealReporter(actor, c.id());
		model.addAttribute("revealed", reporter);
		if (htmx != null) {
			model.addAttribute("c", c);
			return "cases/desk/detail :: reporter";
		}
		prepare(actor, c, model, locale);
		return "cases/desk/detail";
	}

	@PostMapping("/{id}/act")
	@PreAuthorize(CaseAccess.CAN_HANDLE)
	String act(@PathVariable long id, @ModelAttribute ActionForm form,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
		Actor actor = CurrentActor.get();
		CaseRecord c = support.load(actor, id);
		CaseAction action = form.caseAction();
		Optional<DeskSupport.Refusal> refusal;
		try {
			if (action == null) {
				throw new InvalidInputException("action", "case.desk.action.unknown");
			}
			List<Long> afterPhotos = action == CaseAction.HANDLE ? storePhotos(form, actor) : List.of();
			c = desk.act(actor, c.id(), form.command(action, afterPhotos));
			refusal = Optional.empty();
		}
		catch (RecordNotFoundException ex) {
			// e.g. the actor holds no handling role over the case: as if it were missing
			support.denied(id);
			throw ex;
		}
		catch (RuntimeException ex) {
			refusal = support.refusal(ex, locale);
			if (refusal.isEmpty()) {
				throw ex;
			}
		}
		if (htmx == null) {
			if (refusal.isPresent()) {
				redirect.addFlashAttribute("deskError", refusal.get().message());
			}
			else {
				redirect.addFlashAttribute("flash", "case.desk.done." + action.name());
			}
			return "redirect:/cases/" + id;
		}
		CaseRecord current = refusal.isPresent() ? support.load(actor, id) : c;
		if (refusal.isPresent()) {
			response.setStatus(refusal.get().status());
			model.addAttribute("deskError", refusal.get().message());
		}
		else {
			model.addAttribute("deskDone", "case.desk.done." + action.name());
		}
		prepare(actor, current, model, locale);
		return "cases/desk/detail :: detail";
	}

	/**
	 * A photo of a case in the actor's scope: always a re-encoded JPEG, never sniffed,
	 * never cached by shared caches.
	 */
	@GetMapping("/photos/{id}")
	ResponseEntity<byte[]> photo(@PathVariable long id) {
		Actor actor = CurrentActor.get();
		Optional<CaseId> owner = photos.caseOf(id);
		if (owner.isEmpty()) {
			throw new RecordNotFoundException(PHOTO, id);
		}
		try {
			desk.view(actor, owner.get());
		}
		catch (RecordNotFoundException ex) {
			support.deniedPhoto(id);
			throw new RecordNotFoundException(PHOTO, id);
		}
		CasePhotos.Photo photo = photos.find(owner.get(), id).orElseThrow(() -> new RecordNotFoundException(PHOTO, id));
		byte[] bytes = photos.read(photo);
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("photo-" + id + ".jpg").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(bytes);
	}

	private List<Long> storePhotos(ActionForm form, Actor actor) {
		List<MultipartFile> uploads = form.uploads();
		if (uploads.size() > CasePhotos.MAX_PER_CASE) {
			throw new InvalidInputException("photos", "case.photo.tooMany");
		}
		List<Long> ids = new ArrayList<>();
		for (MultipartFile upload : uploads) {
			try {
				ids.add(photos.store(upload.getBytes(), CasePhotos.Kind.AFTER, actor.username()).id());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return ids;
	}

	/** One line of the timeline as shown. */
	record TimelineRow(CaseStore.Event event, String fromUnitName, String toUnitName) {

		public boolean moved() {
			return event.fromUnit() != null && event.toUnit() != null && !event.fromUnit().equals(event.toUnit());
		}

		public boolean levelChanged() {
			return event.fromLevel() != null && event.toLevel() != null && event.fromLevel() != event.toLevel();
		}

	}

	private void prepare(Actor actor, CaseRecord c, Model model, Locale locale) {
		DeskSupport.Names names = support.names(locale);
		DataScope readScope = CaseAccess.readScope(actor);
		List<CaseAction> actions = desk.actionsFor(actor, c);
		model.addAttribute("c", c);
		model.addAttribute("zone", DeskSupport.ZONE);
		model.addAttribute("categoryName", names.category(c.countyCode(), c.categoryCode()));
		model.addAttribute("villageName", names.place(c.villageCode()));
		model.addAttribute("gridName", c.gridCode() == null ? null : names.place(c.gridCode()));
		model.addAttribute("unitName", names.place(c.unitCode()));
		model.addAttribute("deadlineState", support.deadlineState(c));
		model.addAttribute("deadlines", support.deadlines(c));
		model.addAttribute("maskedName", maskName(c.reporterNameEnc()));
		model.addAttribute("maskedPhone", maskPhone(c.reporterPhoneEnc()));
		model.addAttribute("assignee",
				c.assigneeAccountId() == null ? null : staff.find(c.assigneeAccountId()).orElse(null));
		model.addAttribute("timeline",
				desk.timeline(c.id())
					.stream()
					.map(e -> new TimelineRow(e, names.place(e.fromUnit()), names.place(e.toUnit())))
					.toList());
		List<CasePhotos.Photo> all = photos.of(c.id());
		model.addAttribute("photosBefore", all.stream().filter(p -> p.kind() == CasePhotos.Kind.BEFORE).toList());
		model.addAttribute("photosAfter", all.stream().filter(p -> p.kind() == CasePhotos.Kind.AFTER).toList());
		model.addAttribute("actions", actions);
		model.addAttribute("canReveal", !c.anonymous() && actor.hasAny(CaseAccess.HANDLERS));
		if (actions.contains(CaseAction.DISPATCH)) {
			model.addAttribute("handlers", options.handlers(c.unitCode()));
		}
		if (actions.contains(CaseAction.HAND_DOWN)) {
			model.addAttribute("unitsBelow", options.below(c.unitCode()));
		}
		if (actions.contains(CaseAction.TRANSFER)) {
			model.addAttribute("unitsBeside", options.beside(c.unitCode()));
		}
		if (actions.contains(CaseAction.ESCALATE)) {
			model.addAttribute("levelsAbove", ActionOptions.above(c.level()));
		}
		if (actions.contains(CaseAction.MERGE)) {
			model.addAttribute("duplicates", options.duplicates(c, readScope));
		}
		model.addAttribute("lang", locale.getLanguage());
	}

	private String maskName(String encrypted) {
		String name = decrypt(encrypted);
		if (name == null || name.isEmpty() || name.equals(Masking.UNREADABLE)) {
			return name;
		}
		return name.substring(0, 1) + "*".repeat(Math.max(1, Math.min(name.length() - 1, 3)));
	}

	private String maskPhone(String encrypted) {
		String phone = decrypt(encrypted);
		return phone == null || phone.equals(Masking.UNREADABLE) ? phone : Masking.phone(phone);
	}

	private String decrypt(String encrypted) {
		if (encrypted == null) {
			return null;
		}
		try {
			return personalData.decrypt(encrypted);
		}
		catch (PersonalData.PersonalDataException ex) {
			return Masking.UNREADABLE;
		}
	}

}
