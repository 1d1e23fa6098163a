package org.xiangzhi.party.visits;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VisitPhotosTest {

	final VisitPhotos photos = new VisitPhotos(new VisitSettings(null, null, null, 200_000, 10_000_000L, 320));

	static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
		return out.toByteArray();
	}

	@Test
	void aPngIsReEncodedAsAJpegNoWiderThanTheLimit() throws IOException {
		VisitPhotos.Encoded encoded = photos.encode(png(640, 480));
		assertThat(encoded.width()).isEqualTo(320);
		assertThat(encoded.height()).isEqualTo(240);
		assertThat(VisitPhotos.isJpeg(encoded.jpeg())).isTrue();
		BufferedImage back = ImageIO.read(new ByteArrayInputStream(encoded.jpeg()));
		assertThat(back.getWidth()).isEqualTo(320);
	}

	@Test
	void anythingElseIsRefused() throws IOException {
		assertThatThrownBy(() -> photos.encode(new byte[0])).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("party.visits.photo.empty");
		assertThatThrownBy(
				() -> photos.encode("<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)))
			.hasMessageContaining("party.visits.photo.notImage");
		byte[] truncated = java.util.Arrays.copyOf(png(64, 64), 20);
		assertThatThrownBy(() -> photos.encode(truncated)).hasMessageContaining("party.visits.photo.notImage");
		assertThatThrownBy(() -> photos.encode(new byte[200_001])).hasMessageContaining("party.visits.photo.tooLarge");
		assertThatThrownBy(() -> photos.encode(png(4000, 3000)))
			.hasMessageContaining("party.visits.photo.tooManyPixels");
	}

}
