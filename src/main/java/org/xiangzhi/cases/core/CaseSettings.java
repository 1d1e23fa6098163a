package org.xiangzhi.cases.core;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the cases module ({@code xiangzhi.cases.*}).
 *
 * @param photoDir where photos are stored: outside the web root, never served directly
 * @param maxPhotoBytes the largest upload accepted
 * @param maxPhotoPixels the most pixels an image may declare (a pixel flood is refused
 * before it is decoded)
 * @param maxPhotoSide the longest side of a stored photo; larger ones are scaled down
 * @param overdueGraceWorkingDays working days after a deadline before a case escalates by
 * itself
 * @param overdueTick how often the overdue job runs
 * @param holidaysFile a CSV of holidays and make-up working days ({@code date,type,name})
 * replacing the built-in 2026 calendar; null for the built-in one
 */
@ConfigurationProperties("xiangzhi.cases")
public record CaseSettings(Path photoDir, Integer maxPhotoBytes, Long maxPhotoPixels, Integer maxPhotoSide,
		Integer overdueGraceWorkingDays, Duration overdueTick, Path holidaysFile) {

	public CaseSettings {
		photoDir = photoDir == null ? Path.of("data", "case-photos") : photoDir;
		maxPhotoBytes = maxPhotoBytes == null ? 8 * 1024 * 1024 : maxPhotoBytes;
		maxPhotoPixels = maxPhotoPixels == null ? 40_000_000L : maxPhotoPixels;
		maxPhotoSide = maxPhotoSide == null ? 1600 : maxPhotoSide;
		overdueGraceWorkingDays = overdueGraceWorkingDays == null ? 1 : overdueGraceWorkingDays;
		overdueTick = overdueTick == null ? Duration.ofMinutes(5) : overdueTick;
	}

}
