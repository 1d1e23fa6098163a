package org.xiangzhi.cases.mediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.cases.CaseAccess;
import org.xiangzhi.cases.time.WorkingDayCalendar;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.platform.JobTicks;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Staff;

/**
 * Once a week (the tick is Monday 00:00 Asia/Shanghai; the job looks every hour so it
 * runs within the first hour of the week, on one node): the villages that sent no
 * screening for the past week are flagged to the staff of their town.
 */
@Component
public class ScreeningJob implements SchedulingConfigurer {

	/** The job's name in {@code job_tick}. */
	public static final String JOB = "dispute-screening-missing";

	/** At most this many village names go into one notice. */
	static final int NAMES = 10;

	private final Screenings screenings;

	private final Staff staff;

	private final JobTicks ticks;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	ScreeningJob(Screenings screenings, Staff staff, JobTicks ticks, ApplicationEventPublisher events,
			TransactionTemplate tx, Clock clock) {
		this.screenings = screenings;
		this.staff = staff;
		this.ticks = ticks;
		this.events = events;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedRateTask(() -> runTick(clock.instant()), Duration.ofHours(1));
	}

	/**
	 * Flags the past week of {@code now}, unless some node already did this week.
	 * @return whether this call ran it
	 */
	public boolean runTick(Instant now) {
		Instant tick = WorkingDayCalendar.startOfDay(WeekOf.monday(now));
		return ticks.runOnce(JOB, tick, t -> flagMissing(WeekOf.pastWeek(now)).size() + " towns told");
	}

	/**
	 * Tells every town which of its villages sent nothing for the week.
	 * @return the missing villages by town code
	 */
	public Map<String, List<Place>> flagMissing(LocalDate weekStart) {
		Map<String, List<Place>> missing = screenings.missing(weekStart);
		tx.executeWithoutResult(status -> missing.forEach((town, villages) -> {
			List<Long> recipients = staff.at(town, CaseAccess.HANDLERS).stream().map(Staff.Member::accountId).toList();
			if (recipients.isEmpty()) {
				return;
			}
			List<String> names = villages.stream().limit(NAMES).map(Place::name).toList();
			String list = String.join("、", names) + (villages.size() > NAMES ? " …" : "");
			events.publishEvent(new NoticeRequested(recipients, "SCREENING_MISSING", "screening.notice.missing",
					List.of(weekStart.toString(), String.valueOf(villages.size()), list),
					"/cases/screening?week=" + weekStart));
		}));
		return missing;
	}

}
