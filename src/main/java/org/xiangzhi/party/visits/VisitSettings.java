package org.xiangzhi.party.visits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of visits and mandatory visits ({@code xiangzhi.party.visits.*}); every one
 * has a default here, so nothing needs to be configured.
 *
 * @param deadlineDays days a member has for a mandatory visit, per trigger kind (e.g.
 * {@code xiangzhi.party.visits.deadline-days.WEDDING=7}); kinds not given keep their
 * default (see {@link #DEFAULT_DAYS})
 * @param dueSoonDays a reminder goes out when this many days or fewer are left
 * @param tick how often the reminder job runs
 * @param maxPhotoBytes the largest photo upload accepted
 * @param maxPhotoPixels the most pixels a photo may declare (checked before decoding)
 * @param maxPhotoSide the longest side of a stored photo; larger ones are scaled down
 */
@ConfigurationProperties("xiangzhi.party.visits")
public record VisitSettings(Map<TriggerKind, Integer> deadlineDays, Integer dueSoonDays, Duration tick,
		Integer maxPhotoBytes, Long maxPhotoPixels, Integer maxPhotoSide) {

	/**
	 * The default deadlines, in calendar days after the trigger is recorded: the urgent
	 * (a funeral, a hospitalisation, an accident or disaster, a dispute before it grows)
	 * within 3 days, a family change or an assistance request within 5, a wedding within
	 * 7 (a congratulation can wait for the feast to be over).
	 */
	public static final Map<TriggerKind, Integer> DEFAULT_DAYS = Map.of(TriggerKind.WEDDING, 7, TriggerKind.FUNERAL, 3,
			TriggerKind.ILLNESS, 3, TriggerKind.FAMILY_CHANGE, 5, TriggerKind.ACCIDENT, 3, TriggerKind.DISPUTE, 3,
			TriggerKind.ASSISTANCE, 5);

	public VisitSettings {
		Map<TriggerKind, Integer> days = new EnumMap<>(DEFAULT_DAYS);
		if (deadlineDays != null) {
			deadlineDays.forEach((kind, value) -> {
				if (value == null || value < 0 || value > 60) {
					throw new IllegalArgumentException("deadline-days." + kind + " must be 0..60");
				}
				days.put(kind, value);
			});
		}
		deadlineDays = Map.copyOf(days);
		dueSoonDays = dueSoonDays == null ? 1 : dueSoonDays;
		tick = tick == null ? Duration.ofMinutes(30) : tick;
		maxPhotoBytes = maxPhotoBytes == null ? 8 * 1024 * 1024 : maxPhotoBytes;
		maxPhotoPixels = maxPhotoPixels == null ? 40_000_000L : maxPhotoPixels;
		maxPhotoSide = maxPhotoSide == null ? 1280 : maxPhotoSide;
	}

	/** All defaults. */
	public static VisitSettings defaults() {
		return new VisitSettings(null, null, null, null, null, null);
	}

}
