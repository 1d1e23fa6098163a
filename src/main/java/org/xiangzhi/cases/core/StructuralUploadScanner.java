package org.xiangzhi.cases.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The default antivirus hook: refuses polyglots and the EICAR test file. A JPEG or PNG
 * that also carries an HTML page, a script, PHP or a zip archive (a "GIFAR"-style
 * polyglot) is refused rather than cleaned, because whoever made it meant harm; a
 * deployment adds a ClamAV scanner bean next to this one.
 */
@Component
public class StructuralUploadScanner implements UploadScanner {

	/**
	 * Markers of active content. Long enough that random image data practically never
	 * contains one (EXIF/XMP metadata is XML, but never one of these).
	 */
	private static final List<byte[]> MARKERS = List.of(bytes("<script"), bytes("<html"), bytes("<?php"),
			bytes("<iframe"), bytes("<!doctype"), bytes("<object"), bytes("<embed"), bytes("<body"),
			bytes("javascript:"));

	/** The standard antivirus test string; every real scanner detects it. */
	static final byte[] EICAR = bytes("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

	/** A zip archive ends with this record within its last 64 KiB + 22 bytes. */
	private static final byte[] ZIP_END = { 'P', 'K', 5, 6 };

	private static final int ZIP_END_SEARCH = 65_535 + 22;

	@Override
	public boolean clean(byte[] upload) {
		if (indexOf(upload, EICAR, 0, false) >= 0) {
			return false;
		}
		if (indexOf(upload, ZIP_END, Math.max(0, upload.length - ZIP_END_SEARCH), false) >= 0) {
			return false;
		}
		for (byte[] marker : MARKERS) {
			if (indexOf(upload, marker, 0, true) >= 0) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] data, byte[] needle, int from, boolean ignoreCase) {
		outer: for (int i = from; i <= data.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				byte b = data[i + j];
				if (ignoreCase && b >= 'A' && b <= 'Z') {
					b = (byte) (b + ('a' - 'A'));
				}
				if (b != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Markers are lower case: the search lowers the data's letters. */
	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
