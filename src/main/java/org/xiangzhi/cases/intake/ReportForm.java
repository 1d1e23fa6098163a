package org.xiangzhi.cases.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xiangzhi.cases.Channel;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.core.NewCase;

/**
 * The resident's report form (扫码反映). Name and phone are optional: left blank, the report
 * is anonymous. {@code website} is the honeypot: hidden from people, filled in by
 * form-filling bots.
 */
public class ReportForm {

	private String submissionToken;

	private String category;

	private String description;

	private String latitude;

	private String longitude;

	private String name;

	private String phone;

	private String website;

	private List<MultipartFile> photos = new ArrayList<>();

	/**
	 * The uploads that carry a file (a browser sends an empty part for an empty input).
	 */
	List<MultipartFile> chosenPhotos() {
		return photos == null ? List.of() : photos.stream().filter(p -> p != null && !p.isEmpty()).toList();
	}

	boolean honeypotFilled() {
		return website != null && !website.isBlank();
	}

	/** The browser's position, if both halves are numbers on the globe; else none. */
	GeoPoint location() {
		// the position is a help, never a reason to lose the report: a bad one is dropped
		try {
			return GeoPoint.parse(latitude, longitude).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	NewCase toNewCase(String placeCode, List<Long> photoIds) {
		return new NewCase(placeCode, blankToNull(category), description, location(), blankToNull(name),
				blankToNull(phone), Channel.QR, null, null, photoIds);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
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

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getWebsite() {
		return website;
	}

	public void setWebsite(String website) {
		this.website = website;
	}

	public List<MultipartFile> getPhotos() {
		return photos;
	}

	public void setPhotos(List<MultipartFile> photos) {
		this.photos = photos;
	}

}
