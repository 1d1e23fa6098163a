package org.xiangzhi.cases.mediation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.registry.RegistryDirectory;
import org.xiangzhi.registry.ResidentId;

/**
 * The mediation of a dispute case (矛盾纠纷调解): mediator, parties, sessions with their
 * records, the agreement and the outcome. Only dispute cases in the actor's handling
 * scope have one; any other id is "not found", and a refusal of an existing case is
 * audited.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class Mediations {

	/** Record kind of a dispute case in "not found" answers and audit rows. */
	public static final String DISPUTE_CASE = "dispute-case";

	static final int MAX_TEXT = 4000;

	private final JdbcClient jdbc;

	private final CaseStore cases;

	private final Places places;

	private final RegistryDirectory registry;

	private final AuditLog audit;

	private final Clock clock;

	Mediations(JdbcClient jdbc, CaseStore cases, Places places, RegistryDirectory registry, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.places = places;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** The mediation record as stored. */
	record Mediation(MediatorKind mediatorKind, String mediatorName, String agreementText, Boolean agreementSigned,
			LocalDate agreementOn, MediationOutcome outcome) {
	}

	record Party(long id, Long residentId, String name, Side side) {
	}

	record Session(long id, LocalDate heldOn, String location, String recordText, String recordedBy) {
	}

	/** Everything the mediation page shows. */
	record View(CaseRecord dispute, Mediation mediation, List<Party> parties, List<Session> sessions) {
	}

	/**
	 * The dispute case, if it exists, is a dispute and lies in the actor's handling
	 * scope.
	 */
	CaseRecord disputeCase(Actor actor, long caseId) {
		CaseRecord c = cases.find(new CaseId(caseId))
			.filter(CaseRecord::dispute)
			.orElseThrow(() -> new RecordNotFoundException(DISPUTE_CASE, caseId));
		if (!CaseAccess.handleScope(actor).contains(c.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, DISPUTE_CASE, caseId, AuditOutcome.DENIED));
			throw new RecordNotFoundException(DISPUTE_CASE, caseId);
		}
		return c;
	}

	View view(Actor actor, long caseId) {
		CaseRecord c = disputeCase(actor, caseId);
		return new View(c, find(caseId).orElse(null), parties(caseId), sessions(caseId));
	}

	Optional<Mediation> find(long caseId) {
		return jdbc
			.sql("select mediator_kind, mediator_name, agreement_text, agreement_signed, agreement_at, outcome "
					+ "from mediation where case_id = :id")
			.param("id", caseId)
			.query((rs, i) -> new Mediation(MediatorKind.valueOf(rs.getString("mediator_kind")),
					rs.getString("mediator_name"), rs.getString("agreement_text"),
					(Boolean) rs.getObject("agreement_signed", Boolean.class),
					rs.getTimestamp("agreement_at") == null ? null
							: rs.getTimestamp("agreement_at").toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate(),
					rs.getString("outcome") == null ? null : MediationOutcome.valueOf(rs.getString("outcome"))))
			.optional();
	}

	List<Party> parties(long caseId) {
		return jdbc.sql("select id, resident_id, name, side from mediation_party where case_id = :id order by side, id")
			.param("id", caseId)
			.query((rs, i) -> new Party(rs.getLong("id"), (Long) rs.getObject("resident_id", Long.class),
					rs.getString("name"), Side.valueOf(rs.getString("side"))))
			.list();
	}

	List<Session> sessions(long caseId) {
		return jdbc
			.sql("select id, held_at, location, record_text, recorded_by from mediation_session where case_id = :id "
					+ "order by held_at, id")
			.param("id", caseId)
			.query((rs, i) -> new Session(rs.getLong("id"),
					rs.getTimestamp("held_at").toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate(),
					rs.getString("location"), rs.getString("record_text"), rs.getString("recorded_by")))
			.list();
	}

	/** Residents of the actor's area whose name starts with the text, to pick a party. */
	List<RegistryDirectory.ResidentRef> candidates(Actor actor, String namePrefix) {
		if (namePrefix == null || namePrefix.isBlank()) {
			return List.of();
		}
		return registry.residentsNamed(namePrefix.strip(), CaseAccess.handleScope(actor), 20);
	}

	/** Sets who mediates. */
	void setMediator(Actor actor, long caseId, MediatorKind kind, String name) {
		CaseRecord c = disputeCase(actor, caseId);
		if (kind == null) {
			throw new InvalidInputException("mediatorKind", "mediation.mediator.kind.required");
		}
		String text = required(name, 100, "mediatorName", "mediation.mediator.name.required");
		ensure(c);
		jdbc.sql("update mediation set mediator_kind = :kind, mediator_name = :name, version = version + 1 "
				+ "where case_id = :id")
			.param("kind", kind.name())
			.param("name", text)
			.param("id", caseId)
			.update();
	}

	/** Adds a party: a registry resident of the actor's area, or an outsider by name. */
	void addParty(Actor actor, long caseId, Long residentId, String name, Side side) {
		CaseRecord c = disputeCase(actor, caseId);
		if (side == null) {
			throw new InvalidInputException("side", "mediation.party.side.required");
		}
		String partyName;
		if (residentId != null) {
			partyName = registry.resident(new ResidentId(residentId), CaseAccess.handleScope(actor))
				.orElseThrow(() -> new InvalidInputException("residentId", "mediation.party.resident.unknown"))
				.name();
		}
		else {
			partyName = required(name, 50, "name", "mediation.party.name.required");
		}
		ensure(c);
		jdbc.sql("insert into mediation_party (case_id, resident_id, name, side) values (:id, :resident, :name, :side)")
			.param("id", caseId)
			.param("resident", residentId)
			.param("name", partyName)
			.param("side", side.name())
			.update();
	}

	/** Records a mediation session (调解记录). */
	void addSession(Actor actor, long caseId, LocalDate heldOn, String location, String recordText) {
		CaseRecord c = disputeCase(actor, caseId);
		if (heldOn == null || heldOn.isAfter(LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)))) {
			throw new InvalidInputException("heldOn", "mediation.session.date.invalid");
		}
		String record = required(recordText, MAX_TEXT, "recordText", "mediation.session.record.required");
		String place = location == null || location.isBlank() ? null : location.strip();
		if (place != null && place.length() > 200) {
			throw new InvalidInputException("location", "mediation.input.tooLong");
		}
		ensure(c);
		jdbc.sql("insert into mediation_session (case_id, held_at, location, record_text, recorded_by) "
				+ "values (:id, :at, :location, :record, :by)")
			.param("id", caseId)
			.param("at", Timestamp.from(WorkingDayCalendar.startOfDay(heldOn).plusSeconds(12 * 3600)))
			.param("location", place)
			.param("record", record)
			.param("by", actor.username())
			.update();
	}

	/** Records the agreement (调解协议) and the outcome. */
	void setAgreement(Actor actor, long caseId, String agreementText, boolean signed, LocalDate agreementOn,
			MediationOutcome outcome) {
		CaseRecord c = disputeCase(actor, caseId);
		String text = agreementText == null || agreementText.isBlank() ? null : agreementText.strip();
		if (text != null && text.length() > MAX_TEXT) {
			throw new InvalidInputException("agreementText", "mediation.input.tooLong");
		}
		if (outcome == MediationOutcome.AGREED && text == null) {
			throw new InvalidInputException("agreementText", "mediation.agreement.text.required");
		}
		LocalDate on = agreementOn;
		if (text != null && on == null) {
			on = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
		}
		ensure(c);
		jdbc.sql("update mediation set agreement_text = :text, agreement_signed = :signed, agreement_at = :at, "
				+ "outcome = :outcome, version = version + 1 where case_id = :id")
			.param("text", text)
			.param("signed", text == null ? null : signed)
			.param("at", on == null ? null : Timestamp.from(WorkingDayCalendar.startOfDay(on).plusSeconds(12 * 3600)))
			.param("outcome", outcome == null ? null : outcome.name())
			.param("id", caseId)
			.update();
	}

	/**
	 * Creates the mediation on first use, mediated by default by the people's mediation
	 * committee of the case's village (or its unit).
	 */
	private void ensure(CaseRecord c) {
		String code = c.villageCode() != null ? c.villageCode() : c.unitCode();
		String unitName = places.find(code).map(p -> p.name()).orElse(code);
		jdbc.sql("insert into mediation (case_id, org_path, mediator_kind, mediator_name) "
				+ "select :id, :path, 'COMMITTEE', :name where not exists (select 1 from mediation where case_id = :id)")
			.param("id", c.id().value())
			.param("path", c.path().value())
			.param("name", truncate(unitName + "人民调解委员会", 100))
			.update();
	}

	private static String required(String text, int max, String field, String key) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, key);
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw new InvalidInputException(field, "mediation.input.tooLong");
		}
		return stripped;
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

	Instant now() {
		return clock.instant();
	}

}
