package org.xiangzhi.cases.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.CaseStatus;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseRecord;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.CaseStore;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.cases.time.OverduePolicy;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.platform.JobTicks;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A case left alone goes overdue, its handlers are told, and it escalates to 苏武镇 by
 * itself; the job runs once per tick whatever the number of nodes.
 */
@IntegrationTest
class OverdueJobIntegrationTest {

	static final String SUWU = "620621110";

	@Autowired
	OverdueJob job;

	@Autowired
	CaseDesk desk;

	@Autowired
	CaseStore store;

	@Autowired
	Places places;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	CaseSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobTicks ticks;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	/** A village of 苏武镇 of this test alone, so the scan touches only its own cases. */
	Place freshVillage() {
		String code = SUWU + "T" + Long.toString(System.nanoTime(), 36);
		return places.addIfAbsent(code, "超期测试村", PlaceLevel.VILLAGE, SUWU);
	}

	long accountId(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	List<String> inboxArgs(String username, String key) {
		return jdbc.sql("select args from inbox_message where account_id = :a and message_key = :k")
			.param("a", accountId(username))
			.param("k", key)
			.query(String.class)
			.list();
	}

	@Test
	void aCaseLeftAloneGoesOverdueAndEscalatesToTheTownByItself() throws Exception {
		Place village = freshVillage();
		var receipt = desk.report(new NewCase(village.code(), "infrastructure.road", "村道塌了没人管", null, null, null,
				Channel.QR, null, null, List.of()), null, null, null);
		CaseRecord reported = store.find(receipt.id()).orElseThrow();
		assertThat(reported.level()).isEqualTo(HandlingLevel.VILLAGE);
		assertThat(reported.unitCode()).isEqualTo(village.code());
		OverduePolicy policy = new OverduePolicy(calendar, settings.overdueGraceWorkingDays());
		Instant acceptDue = reported.deadlines().accept();

		// before the deadline nothing happens
		assertThat(job.scan(acceptDue.minusSeconds(60), village.path())).isEqualTo(new OverdueJob.Outcome(0, 0));

		// past the deadline: flagged, and the level above (苏武镇) is told
		Instant overdue = acceptDue.plus(Duration.ofHours(9));
		assertThat(job.scan(overdue, village.path())).isEqualTo(new OverdueJob.Outcome(1, 0));
		CaseRecord flagged = store.find(receipt.id()).orElseThrow();
		assertThat(flagged.overdueStep()).isEqualTo("ACCEPT");
		assertThat(flagged.overdueSince()).isEqualTo(overdue);
		assertThat(flagged.version()).isEqualTo(reported.version() + 1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(inboxArgs("town-admin", "case.notice.overdue.ACCEPT"))
				.contains(receipt.trackingCodeDisplay()));
		// flagged once
		assertThat(job.scan(overdue.plusSeconds(600), village.path())).isEqualTo(new OverdueJob.Outcome(0, 0));

		// after the grace: escalates one level by itself, to 苏武镇
		Instant graceOver = policy.escalatesAt(acceptDue);
		assertThat(job.scan(graceOver, village.path())).isEqualTo(new OverdueJob.Outcome(0, 1));
		CaseRecord escalated = store.find(receipt.id()).orElseThrow();
		assertThat(escalated.unitCode()).isEqualTo(SUWU);
		assertThat(escalated.level()).isEqualTo(HandlingLevel.TOWN);
		assertThat(escalated.status()).isEqualTo(CaseStatus.SUBMITTED);
		assertThat(escalated.autoEscalatedAt()).isEqualTo(graceOver);
		var last = desk.timeline(receipt.id()).get(desk.timeline(receipt.id()).size() - 1);
		assertThat(last.actor()).isEqualTo("system");
		assertThat(last.action()).isEqualTo(CaseAction.ESCALATE);
		assertThat(last.toUnit()).isEqualTo(SUWU);

		// the ledger of 苏武镇 counts the automatic escalation against the village
		String ledger = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/cases/overdue-ledger")
				.param("place", SUWU)
				.cookie(org.xiangzhi.platform.WebSessions.login(mvc, "town-admin", "Xiangzhi@2026")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int row = ledger.indexOf("data-unit=\"" + village.code() + "\"");
		assertThat(row).isPositive();
		assertThat(ledger.substring(row, ledger.indexOf("</tr>", row))).contains("class=\"escalated\">1<");

		// the town gets its own grace: flagged now, not pushed on to the county at once
		assertThat(job.scan(graceOver, village.path())).isEqualTo(new OverdueJob.Outcome(1, 0));
		assertThat(store.find(receipt.id()).orElseThrow().unitCode()).isEqualTo(SUWU);

		// the town lets it lie too: on to the county, and there it can only be flagged
		Instant townGraceOver = policy.escalatesAt(graceOver);
		assertThat(job.scan(townGraceOver, village.path())).isEqualTo(new OverdueJob.Outcome(0, 1));
		assertThat(store.find(receipt.id()).orElseThrow().level()).isEqualTo(HandlingLevel.COUNTY);
		Instant muchLater = townGraceOver.plus(Duration.ofDays(60));
		assertThat(job.scan(muchLater, village.path())).isEqualTo(new OverdueJob.Outcome(1, 0));
		assertThat(job.scan(muchLater.plusSeconds(3600), village.path())).isEqualTo(new OverdueJob.Outcome(0, 0));
		assertThat(store.find(receipt.id()).orElseThrow().level()).isEqualTo(HandlingLevel.COUNTY);
	}

	@Test
	void aCaseAcceptedInTimeIsNotFlaggedForAcceptance() {
		Place village = freshVillage();
		var receipt = desk.report(new NewCase(village.code(), "infrastructure.road", "路灯坏了", null, null, null,
				Channel.QR, null, null, List.of()), null, null, null);
		CaseRecord c = store.find(receipt.id()).orElseThrow();
		// accepted by the town (the village has no staff): the pending step is dispatch
		var town = jdbc.sql("select a.id from account a where a.username = 'town-admin'").query(Long.class).single();
		desk.act(
				new org.xiangzhi.platform.Actor(town, "town-admin",
						List.of(new org.xiangzhi.platform.Actor.Assignment(org.xiangzhi.platform.Role.TOWN_ADMIN, SUWU,
								places.find(SUWU).orElseThrow().path()))),
				receipt.id(), org.xiangzhi.cases.core.CaseCommand.of(CaseAction.ACCEPT, c.version()));
		Instant afterAcceptDue = c.deadlines().accept().plus(Duration.ofHours(2));
		assertThat(job.scan(afterAcceptDue, village.path())).isEqualTo(new OverdueJob.Outcome(0, 0));
		assertThat(job.scan(c.deadlines().dispatch().plusSeconds(1), village.path()))
			.isEqualTo(new OverdueJob.Outcome(1, 0));
		assertThat(store.find(receipt.id()).orElseThrow().overdueStep()).isEqualTo("DISPATCH");
	}

	@Test
	void theScanPagesThroughManyLateCasesOfOneStatus() {
		Place village = freshVillage();
		Instant latest = null;
		for (int i = 0; i < 5; i++) {
			var receipt = desk.report(new NewCase(village.code(), "infrastructure.road", "第 " + i + " 处坑", null, null,
					null, Channel.QR, null, null, List.of()), null, null, null);
			latest = store.find(receipt.id()).orElseThrow().deadlines().accept();
		}
		// pages of two: every case is seen once, the same deadline is paged by id
		assertThat(job.scan(latest.plusSeconds(60), village.path(), 2)).isEqualTo(new OverdueJob.Outcome(5, 0));
		assertThat(job.scan(latest.plusSeconds(120), village.path(), 2)).isEqualTo(new OverdueJob.Outcome(0, 0));
	}

	@Test
	void runningTheSameTickTwiceDoesNothingTheSecondTime() {
		// long before any case existed: the scan itself has nothing to do
		Instant now = Instant.parse("2001-03-05T08:00:00Z");
		assertThat(job.runTick(now)).isTrue();
		assertThat(job.runTick(now.plusSeconds(1))).isFalse();
		assertThat(jdbc.sql("select outcome from job_tick where job = :j and tick = :t")
			.param("j", OverdueJob.JOB)
			.param("t", java.sql.Timestamp.from(JobTicks.tickOf(now, settings.overdueTick())))
			.query(String.class)
			.single()).isEqualTo("0 flagged, 0 escalated");
		// the next tick runs again
		assertThat(job.runTick(now.plus(settings.overdueTick()))).isTrue();
	}

	@Test
	void twoNodesRacingOnTheSameTickRunItOnce() throws Exception {
		Instant now = Instant.parse("2001-04-02T08:00:00Z");
		int nodes = 4;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(nodes);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				Callable<Boolean> node = () -> {
					start.await();
					return job.runTick(now);
				};
				results.add(pool.submit(node));
			}
			start.countDown();
			int ran = 0;
			for (Future<Boolean> result : results) {
				ran += result.get() ? 1 : 0;
			}
			assertThat(ran).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from job_tick where job = :j and tick = :t")
			.param("j", OverdueJob.JOB)
			.param("t", java.sql.Timestamp.from(JobTicks.tickOf(now, settings.overdueTick())))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
