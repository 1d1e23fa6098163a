package org.xiangzhi.platform;

import java.util.function.Supplier;

/**
 * Group commit: many requests' small writes committed in one database transaction. Public
 * intake is a flood of tiny independent inserts whose cost is dominated by the commit (a
 * WAL flush) and the round trips around it; running the writes of the requests that
 * arrive together in one transaction pays that cost once per group, and each caller still
 * returns only after its own write is durable.
 * <p>
 * Rules for a work:
 * <ul>
 * <li>it uses only its own arguments and beans, never the caller's thread-local state
 * (signed-in actor, locale, request): it may run on another thread;</li>
 * <li>it may be run twice: when any work of a group fails, the group is rolled back and
 * each work runs again alone, so a failing work never decides another's outcome;</li>
 * <li>it does the writes only: validate and read before, so that failures are rare.</li>
 * </ul>
 * A caller already inside a transaction runs its work inline, in that transaction.
 */
public interface GroupCommit {

	/**
	 * Runs {@code work} in a transaction, shared with other callers' works, and returns
	 * its result once that transaction has committed.
	 * @throws RuntimeException what the work threw (it ran alone and was rolled back)
	 */
	<T> T run(Supplier<T> work);

}
