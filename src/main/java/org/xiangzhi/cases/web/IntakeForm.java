package org.xiangzhi.cases.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.core.NewCase;
import org.xiangzhi.platform.InvalidInputException;

/**
 * A case a cadre takes in on a resident's behalf (代为登记). {@code link} ties it to the
 * registry: {@code R<residentId>-<householdId>} for a resident and their household,
 * {@code H<householdId>} for a household alone, empty for neither.
 */
public class IntakeForm {

	private String channel;

	private String placeCode;

	private String categoryCode;

	private String description;

	private String latitude;

	private String longitude;

	private String reporterName;

	private String reporterPhone;

	private String residentName;

	private String link;

	private String submissionToken;

	private List<MultipartFile> photos = new ArrayList<>();

	Channel channelValue() {
		for (Channel c : Channel.values()) {
			if (c.name().equals(channel) && c.onBehalf()) {
				return c;
			}
		}
		throw new InvalidInputException("channel", "case.intake.channel.invalid");
	}

	GeoPoint location() {
		try {
			return GeoPoint.parse(latitude, longitude).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("latitude", "case.desk.intake.location.invalid");
		}
	}

	Long residentId() {
		if (link != null && link.matches("R\\d{1,18}-\\d{1,18}")) {
			return Long.valueOf(link.substring(1, link.indexOf('-')));
		}
		return null;
	}

	Long householdId() {
		if (link != null && link.matches("R\\d{1,18}-\\d{1,18}")) {
			return Long.valueOf(link.substring(link.indexOf('-') + 1));
		}
		if (link != null && link.matches("H\\d{1,18}")) {
			return Long.valueOf(link.substring(1));
		}
		return null;
	}

	NewCase toNewCase(List<Long> photoIds) {
		return new NewCase(placeCode, categoryCode, description, location(), reporterName, reporterPhone,
				channelValue(), residentId(), householdId(), photoIds);
	}

	List<MultipartFile> uploads() {
		return photos == null ? List.of() : photos.stream().filter(p -> p != null && !p.isEmpty()).toList();
	}

	public String getChannel() {
		return channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public String getPlaceCode() {
		return placeCode;
	}

	public void setPlaceCode(String placeCode) {
		this.placeCode = placeCode;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getLatitude() {
		return latitude;
	}

	public void setLatitude(String latitude) {
		this.latitude = latitude;
	}

	public String getLongitude() {
		return longitude;
	}

	public void setLongitude(String longitude) {
		this.longitude = longitude;
	}

	public String getReporterName() {
		return reporterName;
	}

	public void setReporterName(String reporterName) {
		this.reporterName = reporterName;
	}

	public String getReporterPhone() {
		return reporterPhone;
	}

	public void setReporterPhone(String reporterPhone) {
		this.reporterPhone = reporterPhone;
	}

	public String getResidentName() {
		return residentName;
	}

	public void setResidentName(String residentName) {
		this.residentName = residentName;
	}

	public String getLink() {
		return link;
	}

	public void setLink(String link) {
		this.link = link;
	}

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

	public List<MultipartFile> getPhotos() {
		return photos;
	}

	public void setPhotos(List<MultipartFile> photos) {
		this.photos = photos;
	}

}
