package org.xiangzhi.cases.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.cases.Channel;

import static org.assertj.core.api.Assertions.assertThat;

/** Unattached photos go after a day, with their files; attached ones stay. */
@IntegrationTest
class OrphanPhotoSweeperIntegrationTest {

	@Autowired
	OrphanPhotoSweeper sweeper;

	@Autowired
	CasePhotos photos;

	@Autowired
	CaseDesk desk;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAbandonedUploadIsRemovedADayLaterAndAnAttachedPhotoStays() throws Exception {
		CasePhotos.Photo abandoned = photos.store(png(), CasePhotos.Kind.BEFORE, "test");
		CasePhotos.Photo kept = photos.store(png(), CasePhotos.Kind.BEFORE, "test");
		desk.report(new NewCase("620621110212", "other", "带照片的反映", null, null, null, Channel.QR, null, null,
				List.of(kept.id())), null, null, null);
		var now = java.time.Instant.now();

		assertThat(sweeper.sweep(now)).as("nothing is a day old yet").isZero();
		sweeper.sweep(now.plus(OrphanPhotoSweeper.AGE).plusSeconds(60));

		assertThat(rows(abandoned.id())).isZero();
		assertThat(Files.exists(photos.file(abandoned.storageName()))).isFalse();
		assertThat(rows(kept.id())).isEqualTo(1);
		assertThat(Files.exists(photos.file(kept.storageName()))).isTrue();
	}

	private long rows(long id) {
		return jdbc.sql("select count(*) from case_photo where id = :id").param("id", id).query(Long.class).single();
	}

	private static byte[] png() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

}
