package org.xiangzhi.platform.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Role;

/**
 * The auditor's screen (审计员). Only auditors may read the audit log, and only rows placed
 * inside their own subtree; administrators of any rank get 403, so whoever manages
 * accounts cannot inspect or clean up the traces of it (separation of duties, 等保 2.0
 * §8.1.4.2 d). Every look at the log is itself logged.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditController {

	static final int PAGE_SIZE = 50;

	// beyond this, an offset scan gets expensive and nobody reads that far back by paging
	static final int MAX_PAGE = 10_000;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS xxx");

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final AuditVerifier verifier;

	private final ZoneId zone;

	AuditController(JdbcClient jdbc, AuditLog auditLog, AuditVerifier verifier,
			@Value("${xiangzhi.audit.display-zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.verifier = verifier;
		this.zone = zone;
	}

	@GetMapping
	String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String page, Model model) {
		// Parsed here rather than bound, so that a malformed value is ignored with a
		// warning instead of failing the whole page.
		Filter filter = new Filter(clean(actor), clean(action), clean(objectType), clean(objectId), date(from),
				date(to), number(page));
		boolean invalid = (from != null && !from.isBlank() && filter.from() == null)
				|| (to != null && !to.isBlank() && filter.to() == null)
				|| (page != null && !page.isBlank() && filter.page() == null);
		return list(filter, invalid, model);
	}

	private String list(Filter filter, boolean invalidFilter, Model model) {
		int page = filter.page() == null ? 0 : Math.max(0, Math.min(filter.page(), MAX_PAGE));
		auditLog.record(new AuditEntry("AUDIT_VIEWED", "audit_event", null, AuditOutcome.SUCCESS,
				truncate(filter.describe(page), 1000)));

		DataScope scope = CurrentActor.get().scopeFor(Set.of(Role.AUDITOR));
		DataScope.SqlCondition condition = scope.condition("org_path");
		// Only fixed fragments are appended; every value travels as a bound parameter.
		StringBuilder where = new StringBuilder(condition.sql());
		Map<String, Object> params = new LinkedHashMap<>(condition.params());
		addEquals(where, params, "actor", filter.actor());
		addEquals(where, params, "action", filter.action());
		addEquals(where, params, "object_type", filter.objectType());
		addEquals(where, params, "object_id", filter.objectId());
		if (filter.from() != null) {
			where.append(" and occurred_at >= :fromTime");
			params.put("fromTime", startOf(filter.from()));
		}
		if (filter.to() != null) {
			where.append(" and occurred_at < :toTime");
			params.put("toTime", startOf(filter.to().plusDays(1)));
		}
		params.put("limit", PAGE_SIZE + 1);
		params.put("offset", (long) page * PAGE_SIZE);
		List<Row> rows = new ArrayList<>(jdbc.sql("""
				select seq, occurred_at, actor, actor_scope, org_path, action, object_type, object_id,
				       outcome, client_ip, detail
				from audit_event where %s
				order by seq desc limit :limit offset :offset
				""".formatted(where))
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("seq"),
					shown(rs.getObject("occurred_at", OffsetDateTime.class).toInstant()), rs.getString("actor"),
					rs.getString("actor_scope"), rs.getString("org_path"), rs.getString("action"),
					rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
					rs.getString("client_ip"), rs.getString("detail")))
			.list());
		boolean hasNext = rows.size() > PAGE_SIZE;
		if (hasNext) {
			rows.remove(PAGE_SIZE);
		}
		model.addAttribute("rows", rows);
		model.addAttribute("page", page);
		model.addAttribute("hasNext", hasNext);
		model.addAttribute("filter", filter);
		model.addAttribute("invalidFilter", invalidFilter);
		model.addAttribute("zone", zone.getId());
		return "audit/list";
	}

	@PostMapping("/verify")
	String verify(Model model) {
		AuditVerification result = verifier.verify();
		auditLog.record(new AuditEntry("AUDIT_VERIFIED", "audit_event",
				result.firstBadSeq() == null ? null : result.firstBadSeq().toString(),
				result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				result.intact() ? "intact;rows=" + result.rowsChecked()
						: result.problem() + ";seq=" + result.firstBadSeq() + ";rows=" + result.rowsChecked()));
		model.addAttribute("result", result);
		return "audit/verify";
	}

	private static void addEquals(StringBuilder where, Map<String, Object> params, String column, String value) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(column).append(" = :").append(column);
			params.put(column, value.strip());
		}
	}

	private static String clean(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private OffsetDateTime startOf(LocalDate date) {
		return date.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
	}

	private String shown(Instant instant) {
		return SHOWN.format(instant.atZone(zone));
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	/**
	 * The filters of the list, all optional. Dates are whole days in the display zone,
	 * both ends included.
	 */
	record Filter(String actor, String action, String objectType, String objectId, LocalDate from, LocalDate to,
			Integer page) {

		String describe(int page) {
			StringBuilder text = new StringBuilder();
			append(text, "actor", actor);
			append(text, "action", action);
			append(text, "objectType", objectType);
			append(text, "objectId", objectId);
			append(text, "from", from == null ? null : from.toString());
			append(text, "to", to == null ? null : to.toString());
			append(text, "page", Integer.toString(page));
			return text.toString();
		}

		private static void append(StringBuilder text, String name, String value) {
			if (value != null && !value.isBlank()) {
				if (!text.isEmpty()) {
					text.append(';');
				}
				text.append(name).append('=').append(value.strip());
			}
		}

	}

	/** One row as shown: the time already in the display zone. */
	record Row(long seq, String occurredAt, String actor, String actorScope, String orgPath, String action,
			String objectType, String objectId, String outcome, String clientIp, String detail) {
	}

}
