package org.xiangzhi.party;

import java.time.Instant;

/**
 * A member passed a session's test (凡训必考); only the first passing attempt is published.
 */
public record TestPassed(long attemptId, long sessionId, MemberId member, int score, Instant at) {
}
