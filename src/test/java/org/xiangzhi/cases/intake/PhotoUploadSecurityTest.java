package org.xiangzhi.cases.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xiangzhi.cases.CaseId;
import org.xiangzhi.cases.core.CasePhotos;
import org.xiangzhi.cases.core.CaseSettings;
import org.xiangzhi.cases.core.StructuralUploadScanner;
import org.xiangzhi.cases.core.UploadScanner;
import org.xiangzhi.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Security checklist 27: uploads are judged by their bytes, never their name. Oversize,
 * wrong magic bytes (a renamed .php, an SVG, a GIF), polyglots (JPEG+ZIP, JPEG+HTML) and
 * pixel floods are refused before anything is decoded or stored; at most three photos per
 * report. Every check here happens before the database is touched.
 */
class PhotoUploadSecurityTest {

	@TempDir
	Path dir;

	final List<Integer> scanned = new ArrayList<>();

	CasePhotos photos(UploadScanner... extra) {
		List<UploadScanner> scanners = new ArrayList<>(List.of(extra));
		scanners.add(new StructuralUploadScanner());
		return new CasePhotos(null, new CaseSettings(dir, 200_000, 4_000_000L, 1600, null, null, null),
				Clock.systemUTC(), scanners);
	}

	void refused(byte[] upload, String key) {
		assertThatThrownBy(() -> photos().store(upload, CasePhotos.Kind.BEFORE, null))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).messageKeys()).containsExactly(key));
	}

	@Test
	void emptyAndOversizeUploadsAreRefused() {
		refused(new byte[0], "case.photo.empty");
		byte[] big = new byte[200_001];
		System.arraycopy(ResidentForms.jpeg(10, 10), 0, big, 0, 100);
		refused(big, "case.photo.tooLarge");
	}

	@Test
	void aRenamedPhpFileAnSvgAndAGifAreNotImages() {
		refused(TestImages.php(), "case.photo.notImage");
		refused(TestImages.svg(), "case.photo.notImage");
		refused("GIF89a\u0001\u0000\u0001\u0000".getBytes(), "case.photo.notImage");
		// the right magic bytes and then nothing decodable
		refused(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5, 6 }, "case.photo.notImage");
	}

	@Test
	void polyglotsAreRefusedAsUnsafe() {
		refused(TestImages.jpegZipPolyglot(), "case.photo.infected");
		refused(TestImages.jpegHtmlPolyglot(), "case.photo.infected");
		refused(TestImages.eicarAppended(), "case.photo.infected");
	}

	@Test
	void pixelFloodsAreRefusedFromTheHeaderBeforeDecoding() {
		refused(TestImages.pngPixelFlood(), "case.photo.tooManyPixels");
		refused(TestImages.jpegPixelFlood(), "case.photo.tooManyPixels");
	}

	@Test
	void everyScannerIsAskedBeforeTheImageIsDecodedAndItsNoStops() {
		UploadScanner refusing = upload -> {
			scanned.add(upload.length);
			return false;
		};
		byte[] clean = ResidentForms.png(30, 20);
		assertThatThrownBy(() -> photos(refusing).store(clean, CasePhotos.Kind.BEFORE, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("case.photo.infected");
		assertThat(scanned).containsExactly(clean.length);
		assertThat(dir).isEmptyDirectory();
	}

	@Test
	void theDefaultScannerLetsOrdinaryPhotosThrough() {
		StructuralUploadScanner scanner = new StructuralUploadScanner();
		assertThat(scanner.clean(ResidentForms.jpeg(640, 480))).isTrue();
		assertThat(scanner.clean(ResidentForms.png(300, 200))).isTrue();
		assertThat(scanner.clean(TestImages.jpegWithExifGps())).isTrue();
	}

	@Test
	void aReportCarriesAtMostThreePhotos() {
		assertThatThrownBy(() -> photos().attach(new CaseId(1), List.of(1L, 2L, 3L, 4L), CasePhotos.Kind.BEFORE))
			.hasMessageContaining("case.photo.tooMany");
	}

	@Test
	void refusedUploadsLeaveNoFileBehind() throws Exception {
		for (byte[] bad : List.of(TestImages.php(), TestImages.jpegZipPolyglot(), TestImages.pngPixelFlood())) {
			assertThatThrownBy(() -> photos().store(bad, CasePhotos.Kind.BEFORE, null));
		}
		try (var files = Files.list(dir)) {
			assertThat(files).isEmpty();
		}
	}

}
