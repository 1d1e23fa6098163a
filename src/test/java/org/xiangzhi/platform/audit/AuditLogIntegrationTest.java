package org.xiangzhi.platform.audit;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
@TestPropertySource(properties = "spring.messages.basename=messages,i18n/audit")
class AuditLogIntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void clearContexts() {
		SecurityContextHolder.clearContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void recordsTheCurrentActorItsScopeItsCommonNodeAndTheClientAddress() {
		String username = AuditRows.uniqueActor("cadre");
		Actor actor = new Actor(7, username,
				List.of(new Actor.Assignment(Role.TOWN_CADRE, "620621110",
						OrgPath.ofCodes("62", "6206", "620621", "620621110")),
						new Actor.Assignment(Role.TOWN_CADRE, "620621111",
								OrgPath.ofCodes("62", "6206", "620621", "620621111"))));
		var authentication = new TestingAuthenticationToken((CurrentActor.ActorPrincipal) () -> actor, null);
		authentication.setAuthenticated(true);
		SecurityContextHolder.getContext().setAuthentication(authentication);
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr("203.0.113.7");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

		auditLog.record(AuditEntry.success("RESIDENT_UPDATED", "resident", 42).withDetail("name changed"));

		AuditRecord row = rowOf(username);
		assertThat(row.actorScope())
			.isEqualTo("TOWN_CADRE@/62/6206/620621/620621110/,TOWN_CADRE@/62/6206/620621/620621111/");
		assertThat(row.orgPath()).isEqualTo("/62/6206/620621/");
		assertThat(row.clientIp()).isEqualTo("203.0.113.7");
		assertThat(row.action()).isEqualTo("RESIDENT_UPDATED");
		assertThat(row.objectType()).isEqualTo("resident");
		assertThat(row.objectId()).isEqualTo("42");
		assertThat(row.outcome()).isEqualTo("SUCCESS");
		assertThat(row.detail()).isEqualTo("name changed");
		assertThat(row.occurredAt().getNano() % 1_000_000).as("whole milliseconds").isZero();
		assertThat(row.hash()).isEqualTo(AuditHash.of(row)).hasSize(64);
	}

	@Test
	void outsideARequestNobodyIsAnonymousWithoutAnAddress() {
		// the test framework binds a mock request to every test; a scheduled job has none
		RequestContextHolder.resetRequestAttributes();
		String marker = UUID.randomUUID().toString();
		auditLog.record(new AuditEntry("LOGIN_FAILED", "account", marker, AuditOutcome.FAILURE, null));
		AuditRecord row = jdbc.sql("select * from audit_event where object_id = :id")
			.param("id", marker)
			.query((rs, n) -> AuditVerifier.read(rs))
			.single();
		assertThat(row.actor()).isEqualTo("anonymous");
		assertThat(row.actorScope()).isNull();
		assertThat(row.orgPath()).isNull();
		assertThat(row.clientIp()).isNull();
		assertThat(row.outcome()).isEqualTo("FAILURE");
	}

	@Test
	void recordAsNamesTheGivenActor() {
		String username = AuditRows.uniqueActor("login");
		auditLog.recordAs(username, "AUDITOR@/62/", OrgPath.ofCodes("62"),
				AuditEntry.of("LOGIN_FAILED", "account", null, AuditOutcome.DENIED));
		AuditRecord row = rowOf(username);
		assertThat(row.actorScope()).isEqualTo("AUDITOR@/62/");
		assertThat(row.orgPath()).isEqualTo("/62/");
		assertThat(row.objectId()).isNull();
		assertThat(row.outcome()).isEqualTo("DENIED");
	}

	@Test
	void aFailedAuditInsertRollsBackTheAuditedWrite() {
		String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		long headBefore = lastSeq();
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			insertPlace(code);
			auditLog.record(AuditEntry.success("X".repeat(65), "place", code));
		})).isInstanceOf(DataAccessException.class);
		assertThat(placeCount(code)).isZero();
		assertThat(lastSeq()).isEqualTo(headBefore);
	}

	@Test
	void aFailedWriteAfterItsAuditRowTakesTheAuditRowWithIt() {
		String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		long headBefore = lastSeq();
		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			insertPlace(code);
			auditLog.record(AuditEntry.success("PLACE_CREATED", "place", code));
			throw new IllegalStateException("business rule failed after auditing");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(placeCount(code)).isZero();
		assertThat(jdbc.sql("select count(*) from audit_event where object_id = :code")
			.param("code", code)
			.query(Long.class)
			.single()).isZero();
		assertThat(lastSeq()).isEqualTo(headBefore);
	}

	@Test
	void aSuccessfulWriteCommitsWithItsAuditRow() {
		String code = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		transactions.executeWithoutResult(tx -> {
			insertPlace(code);
			auditLog.record(AuditEntry.success("PLACE_CREATED", "place", code));
		});
		assertThat(placeCount(code)).isOne();
		AuditRecord row = jdbc.sql("select * from audit_event where object_id = :code")
			.param("code", code)
			.query((rs, n) -> AuditVerifier.read(rs))
			.single();
		assertThat(row.seq()).isEqualTo(lastSeq());
		jdbc.sql("delete from place where code = :code").param("code", code).update();
	}

	private void insertPlace(String code) {
		jdbc.sql("insert into place (code, name, level, parent_code, org_path, depth) "
				+ "values (:code, :name, 'VILLAGE', null, :path, 1)")
			.param("code", code)
			.param("name", "rollback test " + code)
			.param("path", "/" + code + "/")
			.update();
	}

	private long placeCount(String code) {
		return jdbc.sql("select count(*) from place where code = :code").param("code", code).query(Long.class).single();
	}

	private long lastSeq() {
		return jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
	}

	private AuditRecord rowOf(String actor) {
		return jdbc.sql("select * from audit_event where actor = :actor")
			.param("actor", actor)
			.query((rs, n) -> AuditVerifier.read(rs))
			.single();
	}

}
