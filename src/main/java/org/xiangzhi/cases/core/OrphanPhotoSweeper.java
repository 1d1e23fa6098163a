package org.xiangzhi.cases.core;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.JobTicks;

/**
 * Removes photos that were stored but never attached to a case: the upload of a form that
 * was then refused, replayed or abandoned. A photo is stored before the report or action
 * that would attach it, so for a while every photo is unattached; a day is far longer
 * than any form takes.
 */
@Component
class OrphanPhotoSweeper {

	/** How old an unattached photo must be before it goes. */
	static final Duration AGE = Duration.ofDays(1);

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final CasePhotos photos;

	private final JobTicks ticks;

	private final Clock clock;

	OrphanPhotoSweeper(JdbcClient jdbc, CasePhotos photos, JobTicks ticks, Clock clock) {
		this.jdbc = jdbc;
		this.photos = photos;
		this.ticks = ticks;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
	void onSchedule() {
		Instant now = clock.instant();
		ticks.runOnce("case-photo-sweep", JobTicks.tickOf(now, Duration.ofHours(1)), tick -> sweep(now) + " removed");
	}

	/**
	 * Deletes up to a batch of unattached photos older than {@link #AGE}: the rows, then
	 * their files (a file left behind by a crash is unreachable: nothing serves it).
	 * @return how many were removed
	 */
	@Transactional
	int sweep(Instant now) {
		List<CasePhotos.Photo> orphans = jdbc
			.sql("select id, kind, storage_name, width, height, bytes from case_photo where case_id is null "
					+ "and created_at < :before order by id limit :batch")
			.param("before", Timestamp.from(now.minus(AGE)))
			.param("batch", BATCH)
			.query((rs, i) -> new CasePhotos.Photo(rs.getLong("id"), null,
					CasePhotos.Kind.valueOf(rs.getString("kind")), rs.getString("storage_name"), rs.getInt("width"),
					rs.getInt("height"), rs.getInt("bytes")))
			.list();
		for (CasePhotos.Photo orphan : orphans) {
			jdbc.sql("delete from case_photo where id = :id and case_id is null").param("id", orphan.id()).update();
		}
		photos.discard(orphans);
		return orphans.size();
	}

}
