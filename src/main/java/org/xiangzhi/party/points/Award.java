package org.xiangzhi.party.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.xiangzhi.party.MemberId;
import org.xiangzhi.platform.OrgPath;

/**
 * An award of points to a member under a rule, as stored. The rule's name, kind and
 * points are those at proposal.
 *
 * @param memberName the member's name (from the registry), for lists
 * @param points {@code pointsEach × quantity}
 * @param sourceRef what raised an automatic proposal ({@code visit:12}), else null
 */
public record Award(long id, MemberId member, String memberName, OrgPath path, String countyCode, String ruleCode,
		String ruleNameZh, String ruleNameEn, PointKind kind, int pointsEach, int quantity, int points,
		LocalDate earnedOn, String evidence, String reference, String sourceRef, AwardStatus status, String proposedBy,
		Instant proposedAt, String decidedBy, Instant decidedAt, String rejectReason, int version) {

	/** Links shown as links: inside the application or on the web, nothing else. */
	private static final Pattern SAFE_LINK = Pattern.compile("(https?://|/)[^\\s\"'<>]*");

	public String ruleName(String lang) {
		return "en".equals(lang) ? ruleNameEn : ruleNameZh;
	}

	public boolean automatic() {
		return sourceRef != null;
	}

	/**
	 * The kind of source of an automatic proposal ({@code visit}, {@code study},
	 * {@code test}).
	 */
	public String sourceKind() {
		return sourceRef == null ? null : sourceRef.substring(0, sourceRef.indexOf(':'));
	}

	/** The source's id, e.g. the visit's. */
	public String sourceId() {
		return sourceRef == null ? null : sourceRef.substring(sourceRef.indexOf(':') + 1);
	}

	/** The message describing an automatic proposal's source. */
	public String sourceMessageKey() {
		return sourceRef == null ? null : "party.points.source." + sourceKind();
	}

	/**
	 * The reference as a link target, when it is a safe one; else null (shown as text).
	 */
	public String referenceLink() {
		return reference != null && SAFE_LINK.matcher(reference).matches() && !reference.startsWith("//") ? reference
				: null;
	}

}
