package org.xiangzhi.platform.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.GroupCommit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit against the real database: works queued together share one transaction and
 * all commit; a failing work fails alone; a caller in a transaction runs inline.
 */
@IntegrationTest
class GroupCommitIntegrationTest {

	@Autowired
	GroupCommit groupCommit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final ExecutorService callers = Executors.newFixedThreadPool(12);

	@BeforeEach
	void probeTable() {
		jdbc.sql("create table if not exists group_commit_probe (id bigint primary key, label varchar(50))").update();
		jdbc.sql("delete from group_commit_probe").update();
	}

	@AfterEach
	void stopCallers() {
		callers.shutdownNow();
	}

	@AfterAll
	static void dropProbe(@Autowired JdbcClient jdbc) {
		jdbc.sql("drop table group_commit_probe").update();
	}

	private BatchingGroupCommit batching() {
		return (BatchingGroupCommit) groupCommit;
	}

	private Object insert(long id) {
		jdbc.sql("insert into group_commit_probe (id, label) values (:id, 'w')").param("id", id).update();
		// the transaction's connection: the same object for every work of one group
		return TransactionSynchronizationManager.getResource(dataSource);
	}

	/** Holds the writer in a first work until {@code count} more works wait behind it. */
	private CountDownLatch holdWriterUntilWaiting(int count, List<Future<Object>> results,
			List<java.util.function.Supplier<Object>> works) throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		results.add(callers.submit(() -> groupCommit.run(() -> {
			started.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return insert(1000);
		})));
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		for (var work : works) {
			results.add(callers.submit(() -> groupCommit.run(work)));
		}
		await().atMost(java.time.Duration.ofSeconds(10)).until(() -> batching().waiting() >= count);
		return release;
	}

	@Test
	void worksQueuedTogetherCommitInOneTransaction() throws Exception {
		long[] before = batching().groupStatistics();
		List<Future<Object>> results = new ArrayList<>();
		List<java.util.function.Supplier<Object>> works = new ArrayList<>();
		for (long id = 1; id <= 10; id++) {
			long row = id;
			works.add(() -> insert(row));
		}
		holdWriterUntilWaiting(10, results, works).countDown();
		List<Object> transactions = new ArrayList<>();
		for (Future<Object> result : results) {
			transactions.add(result.get(10, TimeUnit.SECONDS));
		}
		assertThat(jdbc.sql("select count(*) from group_commit_probe").query(Long.class).single()).isEqualTo(11);
		// the ten queued works shared one connection, so one transaction
		assertThat(transactions.subList(1, 11)).allMatch(t -> t == transactions.get(1));
		long[] after = batching().groupStatistics();
		assertThat(after[0] - before[0]).isGreaterThanOrEqualTo(1);
		assertThat(after[1] - before[1]).isGreaterThanOrEqualTo(10);
	}

	@Test
	void aFailingWorkFailsAloneAndTheOthersOfItsGroupCommit() throws Exception {
		List<Future<Object>> results = new ArrayList<>();
		List<java.util.function.Supplier<Object>> works = new ArrayList<>();
		for (long id = 1; id <= 5; id++) {
			long row = id;
			works.add(() -> {
				Object tx = insert(row);
				if (row == 3) {
					throw new IllegalArgumentException("work 3 refuses");
				}
				return tx;
			});
		}
		holdWriterUntilWaiting(5, results, works).countDown();
		for (int i = 0; i < results.size(); i++) {
			Future<Object> result = results.get(i);
			if (i == 3) {
				assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS))
					.hasCauseInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("work 3 refuses");
			}
			else {
				assertThat(result.get(10, TimeUnit.SECONDS)).isNotNull();
			}
		}
		assertThat(jdbc.sql("select id from group_commit_probe order by id").query(Long.class).list())
			.containsExactly(1L, 2L, 4L, 5L, 1000L);
	}

	@Test
	void aCallerInATransactionRunsInlineAndRollsBackWithIt() {
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		tx.executeWithoutResult(status -> {
			Object callers = TransactionSynchronizationManager.getResource(dataSource);
			assertThat(groupCommit.run(() -> insert(7))).isSameAs(callers);
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from group_commit_probe").query(Long.class).single()).isZero();
	}

	@Test
	void aLoneWorkReturnsItsResultAfterCommitting() throws Exception {
		CompletableFuture<Object> lone = CompletableFuture.supplyAsync(() -> groupCommit.run(() -> insert(42)),
				callers);
		assertThat(lone.get(10, TimeUnit.SECONDS)).isNotNull();
		assertThat(jdbc.sql("select count(*) from group_commit_probe where id = 42").query(Long.class).single())
			.isEqualTo(1);
	}

}
