package org.xiangzhi.cases.open311;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseQueries;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.cases.core.TrackingCodes;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Submissions;
import org.xiangzhi.registry.RegistryDirectory;

/**
 * Service requests of GeoReport v2 on top of the case desk: a POST becomes a report of
 * channel {@link Channel#OPEN311} in the client's county, a GET reads the county's cases.
 * The service request id is the case's tracking code.
 */
@Service
class Open311Requests {

	/** Purpose of the client-chosen idempotency keys in {@link Submissions}. */
	static final String PURPOSE = "open311-request";

	static final int MAX_RESULTS = 1000;

	static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

	private final CaseDesk desk;

	private final CaseQueries queries;

	private final Open311Services services;

	private final Submissions submissions;

	private final RegistryDirectory registry;

	private final Places places;

	private final JdbcClient jdbc;

	private final Clock clock;

	Open311Requests(CaseDesk desk, CaseQueries queries, Open311Services services, Submissions submissions,
			RegistryDirectory registry, Places places, JdbcClient jdbc, Clock clock) {
		this.desk = desk;
		this.queries = queries;
		this.services = services;
		this.submissions = submissions;
		this.registry = registry;
		this.places = places;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What a POST carries, already split out of the form. */
	record Submission(String serviceCode, String lat, String lng, String addressString, String addressId,
			String description, String mediaUrl, String firstName, String lastName, String phone,
			Map<String, List<String>> attributes, String idempotencyKey) {
	}

	/** The answer to a POST. */
	record Posted(String serviceRequestId, String token, String serviceNotice) {
	}

	// ---------------------------------------------------------------- POST requests

	// no transaction here: validation reads first, then the case and its Open311 row are
	// written together in the desk's group commit
	Posted submit(Open311Clients.Client client, Submission form, Locale locale) {
		String code = blankToNull(form.serviceCode());
		if (code == null) {
			throw Open311Exception.badRequest("open311.error.serviceCode.required");
		}
		CaseCategory category = services.category(client.countyCode(), code)
			.orElseThrow(() -> Open311Exception.badRequest("open311.error.serviceCode.unknown", code));
		GeoPoint point = point(form.lat(), form.lng());
		String address = limit(blankToNull(form.addressString()), 1000, "address_string");
		String addressId = limit(blankToNull(form.addressId()), 255, "address_id");
		Map<String, String> values = attributes(client, category, form.attributes(), locale);
		// the village attribute is a location too: it is what places the case
		if (point == null && address == null && addressId == null && !values.containsKey(Open311Services.VILLAGE)) {
			throw Open311Exception.badRequest("open311.error.location.required");
		}
		String placeCode = place(client, values.get(Open311Services.VILLAGE), point);
		String mediaUrl = mediaUrl(form.mediaUrl());
		String description = blankToNull(form.description());
		if (description != null && description.length() > 4000) {
			throw Open311Exception.badRequest("open311.error.description.tooLong");
		}
		String caseText = caseText(category, description, address, addressId, values, locale);
		String name = name(form.firstName(), form.lastName());
		NewCase report = new NewCase(placeCode, category.code(), caseText, point, name, blankToNull(form.phone()),
				Channel.OPEN311, null, null, List.of());
		String key = blankToNull(form.idempotencyKey());
		String token = null;
		if (key != null) {
			if (key.length() > 255 || !key.matches("[\\x21-\\x7E]+")) {
				throw Open311Exception.badRequest("open311.error.idempotencyKey");
			}
			token = Submissions.hash("open311", client.id(), key);
			submissions.register(token, PURPOSE);
		}
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("client_id", client.id());
		request.put("description", description);
		request.put("address_string", address);
		request.put("address_id", addressId);
		request.put("media_url", mediaUrl);
		request.put("attributes", values.isEmpty() ? null : encode(values));
		request.put("token_hash", key == null ? null : Open311Clients.sha256(key));
		request.put("created_at", Timestamp.from(clock.instant()));
		CaseDesk.Receipt receipt;
		try {
			receipt = desk.report(report, token, PURPOSE, client.id(),
					List.of(new CaseStore.CompanionRow("open311_request", request)));
		}
		catch (InvalidInputException ex) {
			String messageKey = ex.messageKeys().get(0);
			if ("submission.conflict".equals(messageKey)) {
				throw new Open311Exception(422, "open311.error.idempotencyKey.conflict");
			}
			throw new Open311Exception(400, messageKey);
		}
		String notice = services.text("open311.notice", locale, receipt.trackingCodeDisplay(),
				Open311Document.dateTime(receipt.deadlines().handle()));
		return new Posted(receipt.trackingCode(), key, notice);
	}

	private static GeoPoint point(String lat, String lng) {
		if ((blankToNull(lat) == null) != (blankToNull(lng) == null)) {
			throw Open311Exception.badRequest("open311.error.location.pair");
		}
		try {
			return GeoPoint.parse(lat, lng).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			throw Open311Exception.badRequest("open311.error.location.invalid");
		}
	}

	/**
	 * Checks the posted attributes against the service definition: required ones present,
	 * list values among the keys, numbers numeric. An empty optional value counts as
	 * absent; attributes the definition does not name are ignored, as the spec allows.
	 */
	private Map<String, String> attributes(Open311Clients.Client client, CaseCategory category,
			Map<String, List<String>> posted, Locale locale) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Open311Services.Attribute attribute : services.attributes(client.countyPath(), category, locale, false)) {
			List<String> given = posted.getOrDefault(attribute.code(), List.of())
				.stream()
				.map(Open311Requests::blankToNull)
				.filter(v -> v != null)
				.toList();
			if (given.isEmpty()) {
				if (attribute.required()) {
					throw Open311Exception.badRequest("open311.error.attribute.required", attribute.code());
				}
				continue;
			}
			if (given.size() > 1 && !"multivaluelist".equals(attribute.datatype())) {
				throw Open311Exception.badRequest("open311.error.attribute.single", attribute.code());
			}
			String value = given.get(0);
			switch (attribute.datatype()) {
				case "singlevaluelist" -> {
					boolean listed = attribute.code().equals(Open311Services.VILLAGE)
							? services.isVillageOf(client.countyPath(), value)
							: attribute.values().stream().anyMatch(v -> v.key().equals(value));
					if (!listed) {
						throw Open311Exception.badRequest("open311.error.attribute.value", attribute.code());
					}
				}
				case "number" -> {
					if (!value.matches("\\d{1,6}")) {
						throw Open311Exception.badRequest("open311.error.attribute.number", attribute.code());
					}
				}
				default -> {
					if (value.length() > Open311Services.MAX_TEXT) {
						throw Open311Exception.badRequest("open311.error.attribute.tooLong", attribute.code());
					}
				}
			}
			values.put(attribute.code(), value);
		}
		return values;
	}

	/**
	 * The village or grid the case concerns: the {@code village} attribute when given,
	 * else the grid of the county whose boundary holds the point.
	 */
	private String place(Open311Clients.Client client, String village, GeoPoint point) {
		if (village != null) {
			return village;
		}
		if (point != null) {
			Optional<String> grid = registry.gridContaining(client.countyPath(), point.latitude(), point.longitude());
			if (grid.isPresent()) {
				return grid.get();
			}
			throw Open311Exception.badRequest("open311.error.location.outside");
		}
		throw Open311Exception.badRequest("open311.error.location.unplaced");
	}

	private static String mediaUrl(String url) {
		String value = blankToNull(url);
		if (value == null) {
			return null;
		}
		if (value.length() > 2048 || !value.matches("(?i)https?://[^\\s<>\"]+")) {
			throw Open311Exception.badRequest("open311.error.mediaUrl");
		}
		return value;
	}

	/**
	 * The description the cadres read: the resident's words, then the address and the
	 * answers to the service's questions, each on its own labelled line.
	 */
	private String caseText(CaseCategory category, String description, String address, String addressId,
			Map<String, String> values, Locale locale) {
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		StringBuilder text = new StringBuilder(description == null ? category.nameZh() : description);
		if (address != null) {
			text.append('\n').append(services.text("open311.case.address", zh)).append(address);
		}
		if (addressId != null) {
			text.append('\n').append(services.text("open311.case.addressId", zh)).append(addressId);
		}
		values.forEach((code, value) -> {
			if (!code.equals(Open311Services.VILLAGE)) {
				String shown = code.equals(Open311Services.DISPUTE_KIND)
						? services.text("open311.dispute_kind." + value, zh) : value;
				text.append('\n').append(services.text("open311.attribute.label." + code, zh)).append(shown);
			}
		});
		return text.toString();
	}

	private static String name(String first, String last) {
		String given = blankToNull(first);
		String family = blankToNull(last);
		if (given == null && family == null) {
			return null;
		}
		// Chinese order: family name first, no space
		return (family == null ? "" : family) + (given == null ? "" : given);
	}

	private static String limit(String value, int max, String field) {
		if (value != null && value.length() > max) {
			throw Open311Exception.badRequest("open311.error.tooLong", field);
		}
		return value;
	}

	private static String encode(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue().replace("\n", " "))
			.collect(Collectors.joining("\n"));
	}

	// ---------------------------------------------------------------- GET requests

	/** What GET requests may filter by. */
	record Query(String serviceRequestIds, String serviceCode, String startDate, String endDate, String status) {
	}

	List<Open311Document.Obj> find(Open311Clients.Client client, Query query, Locale locale) {
		List<CaseRecord> found;
		String ids = blankToNull(query.serviceRequestIds());
		if (ids != null) {
			Set<String> codes = new LinkedHashSet<>();
			for (String id : ids.split(",")) {
				String code = TrackingCodes.normalize(id.strip());
				if (code != null) {
					codes.add(code);
				}
			}
			if (codes.size() > MAX_RESULTS) {
				throw Open311Exception.badRequest("open311.error.ids.tooMany");
			}
			found = new ArrayList<>();
			for (String code : codes) {
				ofCounty(client, code).ifPresent(found::add);
			}
		}
		else {
			CaseQueries.Filter filter = CaseQueries.Filter.all();
			String code = blankToNull(query.serviceCode());
			if (code != null) {
				filter = filter.withCategory(code);
			}
			Instant start = instant(query.startDate(), "start_date");
			Instant end = instant(query.endDate(), "end_date");
			if (start == null) {
				start = (end == null ? clock.instant() : end).minus(DEFAULT_WINDOW);
			}
			if (end != null && end.isBefore(start)) {
				throw Open311Exception.badRequest("open311.error.date.order");
			}
			filter = filter.withPeriod(start, end == null ? null : end.plusNanos(1000));
			Set<CaseStatus> statuses = statuses(query.status());
			if (!statuses.isEmpty()) {
				filter = filter.withStatuses(statuses);
			}
			found = queries.newest(DataScope.of(client.countyPath()), filter, null, MAX_RESULTS).cases();
		}
		return render(client, found, locale);
	}

	/** The one request by id, in the client's county. */
	List<Open311Document.Obj> one(Open311Clients.Client client, String id, Locale locale) {
		String code = TrackingCodes.normalize(id);
		CaseRecord c = (code == null ? Optional.<CaseRecord>empty() : ofCounty(client, code))
			.orElseThrow(() -> Open311Exception.notFound("open311.error.request.unknown"));
		return render(client, List.of(c), locale);
	}

	/** The request an Idempotency-Key of this client created. */
	Optional<String> byToken(Open311Clients.Client client, String token) {
		if (token == null || token.length() > 255) {
			return Optional.empty();
		}
		return jdbc
			.sql("select c.tracking_code from open311_request r join case_record c on c.id = r.case_id "
					+ "where r.client_id = :client and r.token_hash = :hash")
			.param("client", client.id())
			.param("hash", Open311Clients.sha256(token))
			.query(String.class)
			.optional()
			.flatMap(code -> ofCounty(client, code).map(CaseRecord::trackingCode));
	}

	private Optional<CaseRecord> ofCounty(Open311Clients.Client client, String trackingCode) {
		// a case of another county is answered exactly like a missing one
		return desk.tracked(trackingCode).filter(c -> client.countyPath().contains(c.path()));
	}

	private static Instant instant(String text, String field) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw Open311Exception.badRequest("open311.error.date", field);
		}
	}

	private static Set<CaseStatus> statuses(String text) {
		String value = blankToNull(text);
		if (value == null) {
			return Set.of();
		}
		Set<CaseStatus> statuses = EnumSet.noneOf(CaseStatus.class);
		for (String part : value.split(",")) {
			switch (part.strip().toLowerCase(Locale.ROOT)) {
				case "open" -> statuses.addAll(CaseQueries.OPEN);
				case "closed" -> {
					Set<CaseStatus> closed = EnumSet.allOf(CaseStatus.class);
					closed.removeAll(CaseQueries.OPEN);
					statuses.addAll(closed);
				}
				default -> throw Open311Exception.badRequest("open311.error.status");
			}
		}
		return statuses;
	}

	/** Stored extras of requests that came in through Open311. */
	private record Extra(String description, String address, String addressId, String mediaUrl) {
	}

	private List<Open311Document.Obj> render(Open311Clients.Client client, List<CaseRecord> cases, Locale locale) {
		Map<Long, Extra> extras = extras(cases);
		Map<String, CaseCategory> categories = services.categories(client.countyCode())
			.stream()
			.collect(Collectors.toMap(CaseCategory::code, Function.identity(), (a, b) -> a));
		Map<String, String> placeNames = new HashMap<>();
		Function<String, String> placeName = code -> code == null ? null
				: placeNames.computeIfAbsent(code, c -> places.find(c).map(Place::name).orElse(null));
		String language = Open311Services.language(locale);
		List<Open311Document.Obj> requests = new ArrayList<>();
		for (CaseRecord c : cases) {
			Extra extra = extras.get(c.id().value());
			CaseCategory category = categories.get(c.categoryCode());
			String leaf = c.gridCode() != null ? c.villageCode() : c.path().leafCode();
			requests.add(new Open311Document.Obj("request").put("service_request_id", c.trackingCode())
				.put("status", c.open() ? "open" : "closed")
				.put("status_notes", statusNotes(c, locale))
				.put("service_name", category == null ? c.categoryCode() : category.name(language))
				.put("service_code", c.categoryCode())
				.put("description",
						extra != null && extra.description() != null ? extra.description()
								: extra != null ? null : c.description())
				.put("agency_responsible", placeName.apply(c.unitCode()))
				.put("service_notice", null)
				.put("requested_datetime", Open311Document.dateTime(c.submittedAt()))
				.put("updated_datetime", Open311Document.dateTime(c.updatedAt()))
				.put("expected_datetime", Open311Document.dateTime(expected(c)))
				.put("address", extra != null && extra.address() != null ? extra.address() : placeName.apply(leaf))
				.put("address_id", extra == null ? null : extra.addressId())
				.put("zipcode", null)
				.put("lat", c.location() == null ? null : c.location().latitude())
				.put("long", c.location() == null ? null : c.location().longitude())
				.put("media_url", extra == null ? null : extra.mediaUrl()));
		}
		return requests;
	}

	private Map<Long, Extra> extras(List<CaseRecord> cases) {
		if (cases.isEmpty()) {
			return Map.of();
		}
		Map<Long, Extra> extras = new HashMap<>();
		List<Long> ids = cases.stream().map(c -> c.id().value()).toList();
		for (int from = 0; from < ids.size(); from += 500) {
			jdbc.sql("select case_id, description, address_string, address_id, media_url from open311_request "
					+ "where case_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
				.query((rs, i) -> extras.put(rs.getLong("case_id"),
						new Extra(rs.getString("description"), rs.getString("address_string"),
								rs.getString("address_id"), rs.getString("media_url"))))
				.list();
		}
		return extras;
	}

	/** The status in words, with the refusal's reason or the handling result. */
	private String statusNotes(CaseRecord c, Locale locale) {
		String label = services.text(c.status().messageKey(), locale);
		if (c.status() == CaseStatus.REJECTED && c.publicNote() != null) {
			return label + ": " + c.publicNote();
		}
		if (c.resultText() != null && (c.status() == CaseStatus.HANDLED || c.status() == CaseStatus.VERIFIED
				|| c.status() == CaseStatus.CLOSED)) {
			return label + ": " + c.resultText();
		}
		return label;
	}

	/** The deadline of the step the case waits for; none once it is finished. */
	static Instant expected(CaseRecord c) {
		return switch (c.status()) {
			case SUBMITTED -> c.deadlines().accept();
			case ACCEPTED -> c.deadlines().dispatch();
			case DISPATCHED, HANDLING, REOPENED -> c.deadlines().handle();
			case HANDLED, VERIFIED -> c.deadlines().revisit();
			default -> null;
		};
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
