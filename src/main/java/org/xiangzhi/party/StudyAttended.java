package org.xiangzhi.party;

import java.time.Instant;

/** A member checked in to a study session (三会一课, 主题党日, 理论课堂). */
public record StudyAttended(long sessionId, MemberId member, Instant at) {
}
