package org.xiangzhi.platform.tx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.platform.GroupCommit;

/**
 * One writer thread takes whatever works are waiting (up to {@code max-batch}) and runs
 * them in one transaction. There is no deliberate wait for a group to fill: while one
 * group commits, the next one gathers, so the group size follows the load (one work when
 * quiet, dozens under a flood) and a lone request pays no extra latency.
 */
@Component
class BatchingGroupCommit implements GroupCommit, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchingGroupCommit.class);

	private final TransactionTemplate transactions;

	private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();

	private final boolean enabled;

	private final int maxBatch;

	private final Duration timeout;

	private final Thread writer;

	private final AtomicLong groups = new AtomicLong();

	private final AtomicLong grouped = new AtomicLong();

	private volatile boolean closed;

	BatchingGroupCommit(PlatformTransactionManager transactionManager,
			@Value("${xiangzhi.group-commit.enabled:true}") boolean enabled,
			@Value("${xiangzhi.group-commit.max-batch:64}") int maxBatch,
			@Value("${xiangzhi.group-commit.timeout:30s}") Duration timeout) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.enabled = enabled;
		this.maxBatch = Math.max(1, maxBatch);
		this.timeout = timeout;
		this.writer = new Thread(this::drain, "group-commit");
		this.writer.setDaemon(true);
		if (enabled) {
			this.writer.start();
		}
	}

	@Override
	public <T> T run(Supplier<T> work) {
		if (!enabled || closed || Thread.currentThread() == writer
				|| TransactionSynchronizationManager.isActualTransactionActive()) {
			return transactions.execute(status -> work.get());
		}
		Pending<T> pending = new Pending<>(work);
		queue.add(pending);
		return pending.await(timeout);
	}

	/**
	 * Groups committed with more than one work, and the works in them (for tests and
	 * metrics).
	 */
	long[] groupStatistics() {
		return new long[] { groups.get(), grouped.get() };
	}

	/** Works waiting for the writer. */
	int waiting() {
		return queue.size();
	}

	private void drain() {
		while (!closed || !queue.isEmpty()) {
			Pending<?> first;
			try {
				first = queue.poll(100, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (first == null) {
				continue;
			}
			List<Pending<?>> group = new ArrayList<>();
			group.add(first);
			queue.drainTo(group, maxBatch - 1);
			group.removeIf(Pending::abandoned);
			try {
				commit(group);
			}
			catch (RuntimeException | Error ex) {
				// never let the writer die: whoever waits gets the failure
				log.error("group commit failed", ex);
				group.forEach(p -> p.fail(ex));
			}
		}
	}

	private void commit(List<Pending<?>> group) {
		if (group.isEmpty()) {
			return;
		}
		if (group.size() == 1) {
			alone(group.get(0));
			return;
		}
		List<Object> results = new ArrayList<>(group.size());
		try {
			transactions.executeWithoutResult(status -> group.forEach(p -> results.add(p.work.get())));
		}
		catch (RuntimeException ex) {
			// nothing of the group was committed: each work runs again alone, so only the
			// failing one fails
			group.forEach(this::alone);
			return;
		}
		groups.incrementAndGet();
		grouped.addAndGet(group.size());
		for (int i = 0; i < group.size(); i++) {
			group.get(i).complete(results.get(i));
		}
	}

	private void alone(Pending<?> pending) {
		try {
			pending.complete(transactions.execute(status -> pending.work.get()));
		}
		catch (RuntimeException | Error ex) {
			pending.fail(ex);
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		closed = true;
		writer.join(timeout.toMillis());
	}

	private static final class Pending<T> {

		private final Supplier<T> work;

		private final CompletableFuture<T> result = new CompletableFuture<>();

		private volatile boolean waiting = true;

		Pending(Supplier<T> work) {
			this.work = work;
		}

		@SuppressWarnings("unchecked")
		void complete(Object value) {
			result.complete((T) value);
		}

		void fail(Throwable failure) {
			result.completeExceptionally(failure);
		}

		boolean abandoned() {
			if (!waiting) {
				fail(new IllegalStateException("abandoned"));
			}
			return !waiting;
		}

		T await(Duration timeout) {
			try {
				return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (ex.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(ex.getCause());
			}
			catch (InterruptedException ex) {
				waiting = false;
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the group commit", ex);
			}
			catch (TimeoutException ex) {
				// a work not yet started is skipped; one already running may still
				// commit,
				// which a retry with the same submission token answers with its receipt
				waiting = false;
				throw new IllegalStateException("group commit timed out after " + timeout, ex);
			}
		}

	}

}
