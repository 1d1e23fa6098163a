package org.xiangzhi.party.visits;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.InvalidInputException;

/**
 * The optional photo of a visit. Only a JPEG or PNG (recognised by its bytes, never by
 * its name) within the byte and pixel limits is accepted; it is decoded and drawn onto a
 * fresh RGB canvas at most {@link VisitSettings#maxPhotoSide()} wide and re-encoded as a
 * JPEG, which drops EXIF and GPS data and anything appended to the image. The same rules
 * as the photos of 码上办 cases, implemented here because that store is internal to the
 * cases module; the result is small (a few hundred KB) and is kept in the database with
 * its visit.
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
		if (upload == null || upload.length == 0) {
			throw new InvalidInputException("photo", "party.visits.photo.empty");
		}
		if (upload.length > settings.maxPhotoBytes()) {
			throw new InvalidInputException("photo", "party.visits.photo.tooLarge");
		}
		if (!isJpeg(upload) && !isPng(upload)) {
			throw new InvalidInputException("photo", "party.visits.photo.notImage");
		}
		BufferedImage scaled = scaled(decode(upload));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(scaled, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Encoded(out.toByteArray(), scaled.getWidth(), scaled.getHeight());
	}

	private BufferedImage decode(byte[] upload) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new InvalidInputException("photo", "party.visits.photo.notImage");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				// the declared size is read before any pixel: a pixel flood stops here
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > settings.maxPhotoPixels()) {
					throw new InvalidInputException("photo", "party.visits.photo.tooManyPixels");
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new InvalidInputException("photo", "party.visits.photo.notImage");
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (InvalidInputException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInputException("photo", "party.visits.photo.notImage");
		}
	}

	private BufferedImage scaled(BufferedImage image) {
		int side = Math.max(image.getWidth(), image.getHeight());
		double factor = side > settings.maxPhotoSide() ? (double) settings.maxPhotoSide() / side : 1;
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			// a transparent PNG gets a white background, not a black one
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	static boolean isJpeg(byte[] b) {
		return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
	}

	static boolean isPng(byte[] b) {
		return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A;
	}

}
