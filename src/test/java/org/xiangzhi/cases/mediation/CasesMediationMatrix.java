package org.xiangzhi.cases.mediation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.RecordFactory;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Role;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;

/**
 * Rows of the authorization matrix for dispute work (mediation, revisits, screening,
 * monthly summary) and the overdue ledger.
 */
public class CasesMediationMatrix implements MatrixContribution {

	private static final Role[] HANDLERS = CaseAccess.HANDLERS.toArray(Role[]::new);

	private static final Role[] READERS = CaseAccess.READERS.toArray(Role[]::new);

	@Override
	public List<Endpoint> endpoints() {
		return List.of(get("/cases/overdue-ledger").anonymous(302).only(200, READERS),
				// mediation of a dispute case: 404 outside the scope, audited
				get("/cases/{id}/mediation").record(Mediations.DISPUTE_CASE).anonymous(302).only(200, HANDLERS),
				// empty forms come back with their messages (post-redirect-get)
				post("/cases/{id}/mediation").record(Mediations.DISPUTE_CASE).anonymous(302).only(302, HANDLERS),
				post("/cases/{id}/mediation/parties").record(Mediations.DISPUTE_CASE)
					.anonymous(302)
					.only(302, HANDLERS),
				post("/cases/{id}/mediation/sessions").record(Mediations.DISPUTE_CASE)
					.anonymous(302)
					.only(302, HANDLERS),
				post("/cases/{id}/mediation/agreement").record(Mediations.DISPUTE_CASE)
					.anonymous(302)
					.only(302, HANDLERS),
				get("/cases/revisits").anonymous(302).only(200, HANDLERS),
				post("/cases/revisits/{id}").record(Revisits.REVISIT).anonymous(302).only(302, HANDLERS),
				get("/cases/screening").anonymous(302).only(200, HANDLERS),
				// a village outside the scope is refused like an unknown one, on the form
				post("/cases/screening").param("village", "620621110212")
					.param("zeroReport", "true")
					.anonymous(302)
					.only(302, HANDLERS),
				get("/cases/monthly-summary").anonymous(302).only(200, HANDLERS));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of(Mediations.DISPUTE_CASE, (place, context) -> String.valueOf(disputeAt(place, context)),
				Revisits.REVISIT, (place, context) -> {
					long caseId = disputeAt(place, context);
					JdbcClient jdbc = context.getBean(JdbcClient.class);
					jdbc.sql("insert into case_revisit (case_id, org_path, due_on) values (:id, :path, :due)")
						.param("id", caseId)
						.param("path", place.path().value())
						.param("due", LocalDate.now(WorkingDayCalendar.ZONE))
						.update();
					return String.valueOf(jdbc.sql("select id from case_revisit where case_id = :id")
						.param("id", caseId)
						.query(Long.class)
						.single());
				});
	}

	/** A dispute case concerning exactly the place (written directly: any level). */
	static long disputeAt(Place place, ApplicationContext context) {
		Instant now = Instant.now();
		String code = "MX" + Long.toString(System.nanoTime(), 36).toUpperCase();
		CaseRecord draft = new CaseRecord(null, code.length() > 16 ? code.substring(0, 16) : code, place.path(),
				"620621", null, null, null, place.code(), HandlingLevel.VILLAGE, "dispute", true, CaseStatus.ACCEPTED,
				Channel.VISIT, "矩阵测试纠纷", null, null, null, null, null, null, "matrix", null, now,
				TimeLimits.DEFAULT_13710.deadlines(now, WorkingDayCalendar.weekendsOnly()), null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, 0, now);
		return context.getBean(CaseStore.class).insert(draft).value();
	}

	static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
