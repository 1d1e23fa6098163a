package org.xiangzhi.cases.domain;

import org.xiangzhi.cases.CaseTimelineEntry;

/** The outcome of one applied request: the new state and its line in the timeline. */
public record CaseTransition(CaseState state, CaseTimelineEntry entry) {
}
