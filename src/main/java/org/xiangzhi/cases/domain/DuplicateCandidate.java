package org.xiangzhi.cases.domain;

/**
 * A recent case that may be the same matter as a new one.
 *
 * @param facts the recent case
 * @param sameHousehold it concerns the same household
 * @param metres the distance between the two points, or {@code null} when one has none
 */
public record DuplicateCandidate(CaseFacts facts, boolean sameHousehold, Double metres) {
}
