package org.xiangzhi.party.visits;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Images;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The optional photo of a visit. Only a JPEG or PNG (recognised by its bytes, never by
 * its name) within the byte and pixel limits is accepted; it is decoded and drawn onto a
 * fresh RGB canvas at most {@link VisitSettings#maxPhotoSide()} wide and re-encoded as a
 * JPEG, which drops EXIF and GPS data and anything appended to the image. The same rules
 * as the photos of 码上办 cases ({@link Images}); the result is small (a few hundred KB) and
 * is kept in the database with its visit.
 */
@Component
class VisitPhotos {

	/** A re-encoded photo. */
	record Encoded(byte[] jpeg, int width, int height) {
	}

	private final VisitSettings settings;

	VisitPhotos(VisitSettings settings) {
		this.settings = settings;
	}

	/**
	 * Checks and re-encodes one upload.
	 * @throws InvalidInputException {@code party.visits.photo.*} when it is refused
	 */
	Encoded encode(byte[] upload) {
		try {
			Images.Jpeg jpeg = Images.reencode(upload,
					new Images.Limits(settings.maxPhotoBytes(), settings.maxPhotoPixels(), settings.maxPhotoSide()));
			return new Encoded(jpeg.bytes(), jpeg.width(), jpeg.height());
		}
		catch (Images.RefusedImage refused) {
			throw new InvalidInputException("photo", switch (refused.problem()) {
				case EMPTY -> "party.visits.photo.empty";
				case TOO_LARGE -> "party.visits.photo.tooLarge";
				case TOO_MANY_PIXELS -> "party.visits.photo.tooManyPixels";
				case NOT_AN_IMAGE -> "party.visits.photo.notImage";
			});
		}
	}

	static boolean isJpeg(byte[] b) {
		return Images.isJpeg(b);
	}

}
