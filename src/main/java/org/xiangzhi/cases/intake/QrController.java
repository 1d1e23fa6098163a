package org.xiangzhi.cases.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.QrCodes;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * QR codes of villages and grids for cadres (码上办二维码): SVG and PNG downloads and a
 * printable A4 poster. A code holds the absolute address of the place's report page
 * ({@code xiangzhi.public-base-url}, else the address this request came in on). A place
 * outside the cadre's scope is "not found", and the attempt is audited.
 */
@Controller
@PreAuthorize(CaseAccess.CAN_READ)
class QrController {

	/** The audit object type of a refused QR code. */
	static final String OBJECT_TYPE = "qr-place";

	private static final int LIST_LIMIT = 2000;

	private static final int PNG_SIZE = 1024;

	private final Places places;

	private final ReportPlaces reportPlaces;

	private final AuditLog audit;

	private final String publicBaseUrl;

	QrController(Places places, ReportPlaces reportPlaces, AuditLog audit,
			@Value("${xiangzhi.public-base-url:}") String publicBaseUrl) {
		this.places = places;
		this.reportPlaces = reportPlaces;
		this.audit = audit;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	@GetMapping("/cases/qr")
	String list(Model model) {
		DataScope scope = CaseAccess.readScope(CurrentActor.get());
		List<Place> reportable = places.within(scope, LIST_LIMIT).stream().filter(ReportPlaces::reportable).toList();
		model.addAttribute("places", reportable);
		return "cases/qr/list";
	}

	@GetMapping("/cases/qr/{placeCode}")
	String poster(@PathVariable String placeCode, Model model, HttpServletRequest request) {
		Place place = require(placeCode);
		String url = reportUrl(place, request);
		model.addAttribute("place", place);
		model.addAttribute("placeName", reportPlaces.displayName(place));
		model.addAttribute("url", url);
		model.addAttribute("qr", QrCodes.svgDataUri(url));
		return "cases/qr/poster";
	}

	@GetMapping("/cases/qr/{placeCode}.svg")
	ResponseEntity<byte[]> svg(@PathVariable String placeCode, HttpServletRequest request) {
		Place place = require(placeCode);
		return download(QrCodes.svg(reportUrl(place, request)).getBytes(StandardCharsets.UTF_8),
				MediaType.valueOf("image/svg+xml"), "qr-" + place.code() + ".svg");
	}

	@GetMapping("/cases/qr/{placeCode}.png")
	ResponseEntity<byte[]> png(@PathVariable String placeCode, HttpServletRequest request) {
		Place place = require(placeCode);
		return download(QrImages.png(reportUrl(place, request), PNG_SIZE), MediaType.IMAGE_PNG,
				"qr-" + place.code() + ".png");
	}

	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(body);
	}

	/** A village or grid in the actor's read scope; else audited and not found. */
	private Place require(String code) {
		Actor actor = CurrentActor.get();
		Place place = reportPlaces.find(code).orElseThrow(() -> new RecordNotFoundException(OBJECT_TYPE, code));
		if (!CaseAccess.readScope(actor).contains(place.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, OBJECT_TYPE, code, AuditOutcome.DENIED));
			throw new RecordNotFoundException(OBJECT_TYPE, code);
		}
		return place;
	}

	/** The absolute address the QR code opens. */
	String reportUrl(Place place, HttpServletRequest request) {
		String base = publicBaseUrl.isBlank()
				? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
				: publicBaseUrl;
		return base + "/r/" + place.code();
	}

}
