package org.xiangzhi.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodesTest {

	@Test
	void theSvgDecodesBackToItsContent() throws Exception {
		String content = "otpauth://totp/Xiangzhi:county-admin?secret=JBSWY3DPEHPK3PXP&issuer=Xiangzhi";
		String svg = QrCodes.svg(content);
		Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
		assertThat(size.find()).isTrue();
		int n = Integer.parseInt(size.group(1));
		int scale = 4;
		int side = n * scale;
		int[] pixels = new int[side * side];
		java.util.Arrays.fill(pixels, 0xFFFFFF);
		Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
		while (module.find()) {
			int mx = Integer.parseInt(module.group(1));
			int my = Integer.parseInt(module.group(2));
			for (int dx = 0; dx < scale; dx++) {
				for (int dy = 0; dy < scale; dy++) {
					pixels[(my * scale + dy) * side + mx * scale + dx] = 0;
				}
			}
		}
		LuminanceSource source = new RGBLuminanceSource(side, side, pixels);
		String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
		assertThat(decoded).isEqualTo(content);
		assertThat(QrCodes.svgDataUri(content)).startsWith("data:image/svg+xml;base64,");
	}

}
