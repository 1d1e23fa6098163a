package org.xiangzhi.cases.core;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.time.TimeLimits;
import org.xiangzhi.platform.OrgPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intake's write: a case, its first event and its companion rows in one go (one
 * statement on PostgreSQL, several on H2), with the same outcome on both.
 */
@IntegrationTest
class CaseStoreIntegrationTest {

	@Autowired
	CaseStore store;

	@Autowired
	JdbcClient jdbc;

	private CaseRecord draft(Instant now) {
		TimeLimits.Deadlines due = new TimeLimits.Deadlines(now.plusSeconds(86_400), now.plusSeconds(259_200),
				now.plusSeconds(864_000), now.plusSeconds(2_592_000));
		return new CaseRecord(null, TrackingCodes.next(), OrgPath.of("/62/6206/620621/620621110/620621110212/"),
				"620621", "620621110", "620621110212", null, "620621110212", HandlingLevel.VILLAGE, "environment",
				false, CaseStatus.SUBMITTED, Channel.OPEN311, "store test 垃圾", null, null, null, null, null, null, null,
				null, now, due, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, 0, now);
	}

	@Test
	void aCaseItsFirstEventAndItsCompanionRowGoInTogether() {
		Instant now = Instant.parse("2026-11-22T08:00:00Z");
		CaseRecord c = draft(now);
		String key = "store-test-" + System.nanoTime();
		jdbc.sql(
				"insert into open311_client (name, county_code, org_path, key_hash, key_prefix, created_by, created_at) "
						+ "values ('store test', '620621', '/62/6206/620621/', :hash, 'o311_store', 'test', :now)")
			.param("hash", key)
			.param("now", Timestamp.from(now))
			.update();
		long client = jdbc.sql("select id from open311_client where key_hash = :hash")
			.param("hash", key)
			.query(Long.class)
			.single();
		Map<String, Object> companion = new LinkedHashMap<>();
		companion.put("client_id", client);
		companion.put("description", "companion 描述");
		companion.put("created_at", Timestamp.from(now));
		CaseStore.Event submitted = new CaseStore.Event(0, null, now, "reporter", CaseAction.SUBMIT, null,
				CaseStatus.SUBMITTED, null, HandlingLevel.VILLAGE, null, "620621110212", null, false);

		CaseId id = store.insertWithEvent(c, null, submitted,
				List.of(new CaseStore.CompanionRow("open311_request", companion)));

		assertThat(store.find(id)).get().satisfies(saved -> {
			assertThat(saved.trackingCode()).isEqualTo(c.trackingCode());
			assertThat(saved.deadlines()).isEqualTo(c.deadlines());
		});
		assertThat(store.events(id)).singleElement().satisfies(e -> {
			assertThat(e.caseId()).isEqualTo(id);
			assertThat(e.action()).isEqualTo(CaseAction.SUBMIT);
			assertThat(e.toUnit()).isEqualTo("620621110212");
		});
		assertThat(jdbc.sql("select description from open311_request where case_id = :id")
			.param("id", id.value())
			.query(String.class)
			.list()).containsExactly("companion 描述");
	}

	@Test
	void withoutCompanionsOnlyTheCaseAndItsEventAreWritten() {
		Instant now = Instant.parse("2026-11-22T09:00:00Z");
		CaseStore.Event submitted = new CaseStore.Event(0, null, now, "cadre", CaseAction.SUBMIT, null,
				CaseStatus.SUBMITTED, null, HandlingLevel.VILLAGE, null, "620621110212", null, false);
		CaseId id = store.insertWithEvent(draft(now), null, submitted, List.of());
		assertThat(store.events(id)).extracting(CaseStore.Event::actor).containsExactly("cadre");
		assertThat(jdbc.sql("select count(*) from open311_request where case_id = :id")
			.param("id", id.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void companionNamesMustBePlainIdentifiers() {
		assertThatThrownBy(() -> new CaseStore.CompanionRow("open311_request; drop table x", Map.of("a", 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CaseStore.CompanionRow("open311_request", Map.of("a) values (1); --", 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CaseStore.CompanionRow("open311_request", Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
