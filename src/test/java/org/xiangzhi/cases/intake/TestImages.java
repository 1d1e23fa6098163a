package org.xiangzhi.cases.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Hostile and tricky uploads, built byte by byte. */
final class TestImages {

	private TestImages() {
	}

	/** A JPEG whose APP1 segment carries EXIF with a GPS position (38°37'12.34" N). */
	static byte[] jpegWithExifGps() {
		byte[] plain = ResidentForms.jpeg(80, 60);
		ByteBuffer tiff = ByteBuffer.allocate(80);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		// IFD0: one entry, GPSInfo → the GPS IFD at offset 26
		tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		// GPS IFD: GPSLatitudeRef "N", GPSLatitude three rationals at offset 56
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
		tiff.putInt(0);
		tiff.putInt(38).putInt(1).putInt(37).putInt(1).putInt(1234).putInt(100);
		byte[] tiffBytes = new byte[tiff.position()];
		tiff.flip();
		tiff.get(tiffBytes);
		byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
		int length = 2 + exifHeader.length + tiffBytes.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(exifHeader);
		out.writeBytes(tiffBytes);
		out.write(plain, 2, plain.length - 2);
		return out.toByteArray();
	}

	/** A real JPEG with a zip archive appended (a JPEG+ZIP polyglot). */
	static byte[] jpegZipPolyglot() {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream z = new ZipOutputStream(zip)) {
			z.putNextEntry(new ZipEntry("shell.php"));
			z.write("<?php echo 1; ?>".getBytes(StandardCharsets.US_ASCII));
			z.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return concat(ResidentForms.jpeg(40, 30), zip.toByteArray());
	}

	/** A real JPEG with an HTML page and a script after its end. */
	static byte[] jpegHtmlPolyglot() {
		return concat(ResidentForms.jpeg(40, 30), "<HTML><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.US_ASCII));
	}

	/** A PHP web shell named like a photo. */
	static byte[] php() {
		return "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] svg() {
		return "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** A tiny PNG whose header declares 60,000 × 60,000 pixels (a decompression bomb). */
	static byte[] pngPixelFlood() {
		byte[] png = ResidentForms.png(1, 1);
		// IHDR data starts at byte 16: width, height; its CRC follows the 13 data bytes
		ByteBuffer b = ByteBuffer.wrap(png);
		b.putInt(16, 60_000);
		b.putInt(20, 60_000);
		CRC32 crc = new CRC32();
		crc.update(png, 12, 17);
		b.putInt(29, (int) crc.getValue());
		return png;
	}

	/** A JPEG whose frame header (SOF0) declares 65,000 × 65,000 pixels. */
	static byte[] jpegPixelFlood() {
		byte[] jpeg = ResidentForms.jpeg(8, 8);
		for (int i = 2; i < jpeg.length - 8; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
				ByteBuffer b = ByteBuffer.wrap(jpeg);
				b.putShort(i + 5, (short) 65_000);
				b.putShort(i + 7, (short) 65_000);
				return jpeg;
			}
		}
		throw new IllegalStateException("no SOF0");
	}

	static byte[] eicarAppended() {
		return concat(ResidentForms.png(20, 20), "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
			.getBytes(StandardCharsets.US_ASCII));
	}

	static boolean contains(byte[] data, byte[] needle) {
		outer: for (int i = 0; i <= data.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (data[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
