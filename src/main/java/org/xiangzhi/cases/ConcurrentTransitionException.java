package org.xiangzhi.cases;

/**
 * Someone else changed the case since the actor saw it: the expected version is stale. Of
 * two concurrent transitions only the first to commit wins; the other ends here and the
 * page asks to reload.
 */
public class ConcurrentTransitionException extends RuntimeException {

	public static final String MESSAGE_KEY = "case.transition.concurrent";

	private final CaseId caseId;

	private final long expectedVersion;

	private final long actualVersion;

	public ConcurrentTransitionException(CaseId caseId, long expectedVersion, long actualVersion) {
		super("case " + caseId + " is at version " + actualVersion + ", not " + expectedVersion);
		this.caseId = caseId;
		this.expectedVersion = expectedVersion;
		this.actualVersion = actualVersion;
	}

	public CaseId caseId() {
		return caseId;
	}

	public long expectedVersion() {
		return expectedVersion;
	}

	public long actualVersion() {
		return actualVersion;
	}

	public String messageKey() {
		return MESSAGE_KEY;
	}

}
