package org.xiangzhi.cases.open311;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.xiangzhi.cases.time.CaseCategory;
import org.xiangzhi.platform.OrgPath;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) in XML and JSON, chosen by
 * the {@code .xml} or {@code .json} suffix. Discovery and the services are public (the
 * county is the api_key's, else {@code jurisdiction_id}); posting and reading requests
 * need an {@code api_key} of an integration client, which sees its own county only.
 * Errors use the spec's format: a list of {@code code} and {@code description}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Open311Controller.class);

	static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

	static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_]{1,64})](\\[])?");

	/** The version of this interface; changes when the services' shape changes. */
	static final String CHANGESET = "2026-11-22T00:00:00+08:00";

	private final Open311Clients clients;

	private final Open311Services services;

	private final Open311Requests requests;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final String contact;

	private final String type;

	/** The county of key-less service lists when no jurisdiction_id is sent; optional. */
	private final String defaultJurisdiction;

	Open311Controller(Open311Clients clients, Open311Services services, Open311Requests requests,
			MessageSource messages, JdbcClient jdbc,
			@Value("${xiangzhi.open311.contact:乡治平台运维 / Xiangzhi operations}") String contact,
			@Value("${xiangzhi.open311.type:production}") String type,
			@Value("${xiangzhi.open311.default-jurisdiction:}") String defaultJurisdiction) {
		this.clients = clients;
		this.services = services;
		this.requests = requests;
		this.messages = messages;
		this.jdbc = jdbc;
		this.contact = contact;
		this.type = type;
		this.defaultJurisdiction = defaultJurisdiction == null || defaultJurisdiction.isBlank() ? null
				: defaultJurisdiction.strip();
	}

	// ---------------------------------------------------------------- discovery

	@GetMapping({ "/discovery.json", "/discovery.xml" })
	ResponseEntity<String> discovery(HttpServletRequest request, Locale locale) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/open311/v2/").toUriString();
		Open311Document.Arr formats = new Open311Document.Arr("formats", "format").add("text/xml")
			.add("application/json");
		Open311Document.Arr endpoints = new Open311Document.Arr("endpoints", "endpoint")
			.add(new Open311Document.Obj("endpoint").put("specification", "http://wiki.open311.org/GeoReport_v2")
				.put("url", base)
				.put("changeset", CHANGESET)
				.put("type", type)
				.put("formats", formats));
		Open311Document.Obj discovery = new Open311Document.Obj("discovery").put("changeset", CHANGESET)
			.put("contact", contact)
			.put("key_service", services.text("open311.keyService", locale))
			.put("endpoints", endpoints);
		return answer(request, HttpStatus.OK, discovery);
	}

	// ---------------------------------------------------------------- services

	@GetMapping({ "/services.json", "/services.xml" })
	ResponseEntity<String> services(HttpServletRequest request, Locale locale) {
		County county = county(request);
		return answer(request, HttpStatus.OK, services.services(county.code(), locale));
	}

	@GetMapping({ "/services/{code}.json", "/services/{code}.xml" })
	ResponseEntity<String> service(@PathVariable String code, HttpServletRequest request, Locale locale) {
		County county = county(request);
		CaseCategory category = services.category(county.code(), code)
			.orElseThrow(() -> Open311Exception.notFound("open311.error.serviceCode.unknown", code));
		return answer(request, HttpStatus.OK, services.definition(county.code(), county.path(), category, locale));
	}

	// ---------------------------------------------------------------- requests

	@PostMapping({ "/requests.json", "/requests.xml" })
	ResponseEntity<String> post(HttpServletRequest request, Locale locale) {
		Open311Clients.Client client = client(request);
		checkJurisdiction(request, client);
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			Matcher matcher = ATTRIBUTE.matcher(name);
			if (matcher.matches()) {
				attributes.computeIfAbsent(matcher.group(1), k -> new ArrayList<>()).addAll(List.of(values));
			}
		});
		Open311Requests.Submission form = new Open311Requests.Submission(request.getParameter("service_code"),
				request.getParameter("lat"), request.getParameter("long"), request.getParameter("address_string"),
				request.getParameter("address_id"), request.getParameter("description"),
				request.getParameter("media_url"), request.getParameter("first_name"),
				request.getParameter("last_name"), request.getParameter("phone"), attributes,
				request.getHeader("Idempotency-Key"));
		Open311Requests.Posted posted = requests.submit(client, form, locale);
		Open311Document.Obj one = new Open311Document.Obj("request").put("service_request_id",
				posted.serviceRequestId());
		if (posted.token() != null) {
			one.put("token", posted.token());
		}
		one.put("service_notice", posted.serviceNotice()).put("account_id", null);
		return answer(request, HttpStatus.OK, new Open311Document.Arr("service_requests", "request").add(one));
	}

	@GetMapping({ "/requests.json", "/requests.xml" })
	ResponseEntity<String> list(HttpServletRequest request, Locale locale) {
		Open311Clients.Client client = client(request);
		checkJurisdiction(request, client);
		Open311Requests.Query query = new Open311Requests.Query(request.getParameter("service_request_id"),
				request.getParameter("service_code"), request.getParameter("start_date"),
				request.getParameter("end_date"), request.getParameter("status"));
		return answer(request, HttpStatus.OK, list(requests.find(client, query, locale)));
	}

	@GetMapping({ "/requests/{id}.json", "/requests/{id}.xml" })
	ResponseEntity<String> one(@PathVariable String id, HttpServletRequest request, Locale locale) {
		Open311Clients.Client client = client(request);
		checkJurisdiction(request, client);
		return answer(request, HttpStatus.OK, list(requests.one(client, id, locale)));
	}

	@GetMapping({ "/tokens/{token}.json", "/tokens/{token}.xml" })
	ResponseEntity<String> token(@PathVariable String token, HttpServletRequest request) {
		Open311Clients.Client client = client(request);
		checkJurisdiction(request, client);
		String id = requests.byToken(client, token)
			.orElseThrow(() -> Open311Exception.notFound("open311.error.token.unknown"));
		return answer(request, HttpStatus.OK, new Open311Document.Arr("service_requests", "request")
			.add(new Open311Document.Obj("request").put("token", token).put("service_request_id", id)));
	}

	private static Open311Document.Arr list(List<Open311Document.Obj> items) {
		Open311Document.Arr list = new Open311Document.Arr("service_requests", "request");
		items.forEach(list::add);
		return list;
	}

	// ---------------------------------------------------------------- clients and
	// counties

	private record County(String code, OrgPath path) {
	}

	private Open311Clients.Client client(HttpServletRequest request) {
		String key = request.getParameter("api_key");
		if (key == null || key.isBlank()) {
			throw Open311Exception.forbidden("open311.error.apiKey.missing");
		}
		return clients.authenticate(key.strip())
			.orElseThrow(() -> Open311Exception.forbidden("open311.error.apiKey.invalid"));
	}

	private static void checkJurisdiction(HttpServletRequest request, Open311Clients.Client client) {
		String jurisdiction = request.getParameter("jurisdiction_id");
		if (jurisdiction != null && !jurisdiction.isBlank() && !jurisdiction.strip().equals(client.countyCode())) {
			throw Open311Exception.badRequest("open311.error.jurisdiction.mismatch");
		}
	}

	/**
	 * The county whose services are asked for: the api_key's if one is given, else the
	 * {@code jurisdiction_id}, else {@code xiangzhi.open311.default-jurisdiction}, else
	 * the only county of the deployment.
	 */
	private County county(HttpServletRequest request) {
		String key = request.getParameter("api_key");
		if (key != null && !key.isBlank()) {
			Open311Clients.Client client = client(request);
			checkJurisdiction(request, client);
			return new County(client.countyCode(), client.countyPath());
		}
		String jurisdiction = request.getParameter("jurisdiction_id");
		if (jurisdiction == null || jurisdiction.isBlank()) {
			jurisdiction = defaultJurisdiction;
		}
		if (jurisdiction != null && !jurisdiction.isBlank()) {
			return counties(jurisdiction.strip()).stream()
				.findFirst()
				.orElseThrow(() -> Open311Exception.notFound("open311.error.jurisdiction.unknown"));
		}
		List<County> all = counties(null);
		if (all.size() != 1) {
			throw Open311Exception.badRequest("open311.error.jurisdiction.required");
		}
		return all.get(0);
	}

	private List<County> counties(String code) {
		return jdbc
			.sql("select code, org_path from place where level = 'COUNTY'" + (code == null ? "" : " and code = :code")
					+ " order by code limit 2")
			.params(code == null ? Map.of() : Map.of("code", code))
			.query((rs, i) -> new County(rs.getString(1), OrgPath.of(rs.getString(2))))
			.list();
	}

	// ---------------------------------------------------------------- answers

	private static boolean wantsXml(HttpServletRequest request) {
		return request.getRequestURI().endsWith(".xml");
	}

	private static ResponseEntity<String> answer(HttpServletRequest request, HttpStatus status, Object document) {
		boolean xml = wantsXml(request);
		return ResponseEntity.status(status)
			.contentType(xml ? XML : JSON)
			.body(xml ? Open311Document.xml(document) : Open311Document.json(document));
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<String> refused(Open311Exception ex, HttpServletRequest request, Locale locale) {
		return error(request, ex.status(),
				messages.getMessage(ex.messageKey(), ex.arguments(), ex.messageKey(), locale));
	}

	/**
	 * Anything else still answers in the spec's format, so that a client's parser never
	 * meets an HTML error page; the cause goes to the log, not to the client.
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<String> failed(RuntimeException ex, HttpServletRequest request, Locale locale) {
		LOG.error("Open311 request {} failed", request.getRequestURI(), ex);
		return error(request, 500, messages.getMessage("open311.error.internal", null, "internal error", locale));
	}

	private static ResponseEntity<String> error(HttpServletRequest request, int status, String description) {
		Open311Document.Arr errors = new Open311Document.Arr("errors", "error")
			.add(new Open311Document.Obj("error").put("code", status).put("description", description));
		boolean xml = wantsXml(request);
		return ResponseEntity.status(status)
			.contentType(xml ? XML : JSON)
			.body(xml ? Open311Document.xml(errors) : Open311Document.json(errors));
	}

}
