package org.xiangzhi.cases;

import java.time.Instant;

/**
 * One line of a case's timeline: every transition, and every urging, is recorded with
 * actor and time.
 *
 * @param at when
 * @param actor who ({@link CaseActor#name()})
 * @param action what
 * @param from status before
 * @param to status after (the same for {@link CaseAction#URGE})
 * @param fromLevel handling level before
 * @param toLevel handling level after
 * @param note the reason or the result text, if any
 */
public record CaseTimelineEntry(Instant at, String actor, CaseAction action, CaseStatus from, CaseStatus to,
		HandlingLevel fromLevel, HandlingLevel toLevel, String note) {
}
