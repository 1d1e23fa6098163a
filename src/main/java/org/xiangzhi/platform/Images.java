package org.xiangzhi.platform;

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

/**
 * Photos uploaded from phones (case photos, visit photos): only JPEG and PNG by their
 * magic bytes, the pixel count read from the header before any pixel is decoded (a
 * decompression bomb stops there), scaled down to a longest side and re-encoded as a
 * fresh JPEG on a white RGB canvas — which drops metadata (GPS, camera), transparency and
 * anything hidden after the image data.
 */
public final class Images {

	/** A re-encoded photo. */
	public record Jpeg(byte[] bytes, int width, int height) {
	}

	/** Why an upload was refused; each caller maps it to its own message. */
	public enum Problem {

		EMPTY, TOO_LARGE, NOT_AN_IMAGE, TOO_MANY_PIXELS

	}

	/** An upload refused for {@link #problem()}. */
	public static final class RefusedImage extends RuntimeException {

		private final Problem problem;

		RefusedImage(Problem problem) {
			super(problem.name());
			this.problem = problem;
		}

		public Problem problem() {
			return problem;
		}

	}

	/** The limits of one kind of upload. */
	public record Limits(long maxBytes, long maxPixels, int maxSide) {
	}

	private Images() {
	}

	/**
	 * Checks an upload against the limits and re-encodes it.
	 * @throws RefusedImage when it is empty, too large, not a JPEG or PNG, unreadable or
	 * has too many pixels
	 */
	public static Jpeg reencode(byte[] upload, Limits limits) {
		check(upload, limits);
		BufferedImage scaled = scaled(decode(upload, limits.maxPixels()), limits.maxSide());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(scaled, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Jpeg(out.toByteArray(), scaled.getWidth(), scaled.getHeight());
	}

	/**
	 * The cheap checks only (size and magic bytes), for callers that scan the upload
	 * before decoding it.
	 * @throws RefusedImage as {@link #reencode}
	 */
	public static void check(byte[] upload, Limits limits) {
		if (upload == null || upload.length == 0) {
			throw new RefusedImage(Problem.EMPTY);
		}
		if (upload.length > limits.maxBytes()) {
			throw new RefusedImage(Problem.TOO_LARGE);
		}
		if (!isJpeg(upload) && !isPng(upload)) {
			throw new RefusedImage(Problem.NOT_AN_IMAGE);
		}
	}

	public static boolean isJpeg(byte[] b) {
		return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
	}

	public static boolean isPng(byte[] b) {
		return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A;
	}

	private static BufferedImage decode(byte[] upload, long maxPixels) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new RefusedImage(Problem.NOT_AN_IMAGE);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				// the header's size is read before any pixel is: a pixel flood stops here
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > maxPixels) {
					throw new RefusedImage(Problem.TOO_MANY_PIXELS);
				}
				BufferedImage image = reader.read(0);
				if (image == null) {
					throw new RefusedImage(Problem.NOT_AN_IMAGE);
				}
				return image;
			}
			finally {
				reader.dispose();
			}
		}
		catch (RefusedImage ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new RefusedImage(Problem.NOT_AN_IMAGE);
		}
	}

	private static BufferedImage scaled(BufferedImage image, int maxSide) {
		int side = Math.max(image.getWidth(), image.getHeight());
		double factor = side > maxSide ? (double) maxSide / side : 1;
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		// drawing onto a fresh RGB canvas also flattens transparency (white, not black)
		// and
		// odd colour models
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

}
