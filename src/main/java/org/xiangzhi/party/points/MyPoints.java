package org.xiangzhi.party.points;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.PartyDirectory.MemberRef;
import org.xiangzhi.platform.OrgPath;

/** What a member sees of their own points, for the page and the API. */
@Component
class MyPoints {

	private final Awards awards;

	private final Appraisals appraisals;

	private final Units units;

	private final Clock clock;

	MyPoints(Awards awards, Appraisals appraisals, Units units, Clock clock) {
		this.awards = awards;
		this.appraisals = appraisals;
		this.units = units;
		this.clock = clock;
	}

	/** A member's own view; ranks are null when the member is not in a ranking. */
	record Mine(MemberRef member, int total, int year, int quarter, Period yearPeriod, Period quarterPeriod,
			Integer quarterRank, Integer yearRank, int branchSize, List<Award> awards,
			List<Appraisals.Result> appraisals) {
	}

	@Transactional(readOnly = true)
	Mine of(MemberRef member) {
		LocalDate today = LocalDate.now(clock.withZone(Awards.ZONE));
		Period quarter = Period.quarterOf(today);
		Period year = quarter.wholeYear();
		OrgPath branch = units.branchPathOf(member.path());
		List<Standings.Standing> byQuarter = awards.standings(branch, quarter);
		List<Standings.Standing> byYear = awards.standings(branch, year);
		return new Mine(member, awards.balance(member.id(), null), awards.balance(member.id(), year),
				awards.balance(member.id(), quarter), year, quarter,
				Standings.of(byQuarter, member.id()).map(Standings.Standing::rank).orElse(null),
				Standings.of(byYear, member.id()).map(Standings.Standing::rank).orElse(null), byYear.size(),
				awards.ofMember(member.id()), appraisals.history(member.id()));
	}

}
