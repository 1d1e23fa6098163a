package org.xiangzhi.cases.core;

import java.util.List;

import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;

/**
 * A report as it arrives, from any channel.
 *
 * @param placeCode the village or grid (of the QR code, or chosen by a cadre)
 * @param categoryCode a category of the place's county
 * @param description what is wrong, in the reporter's words
 * @param location where the reporter stood, or null
 * @param reporterName optional; blank for an anonymous report
 * @param reporterPhone optional
 * @param channel how it came in
 * @param residentId the registry resident who reported (cadre intake), or null
 * @param householdId the registry household concerned, or null
 * @param photoIds photos already stored by {@link CasePhotos}, at most three
 */
public record NewCase(String placeCode, String categoryCode, String description, GeoPoint location, String reporterName,
		String reporterPhone, Channel channel, Long residentId, Long householdId, List<Long> photoIds) {

	public NewCase {
		photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
	}

	/** A stable hash of what the reporter sent, for the idempotency claim. */
	String payloadHash() {
		return org.xiangzhi.platform.Submissions.hash(placeCode, categoryCode, description,
				location == null ? null : location.latitude(), location == null ? null : location.longitude(),
				reporterName, reporterPhone, channel, residentId, householdId, photoIds.size());
	}

}
