package org.xiangzhi.party.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.PartyAccess;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

/**
 * Results of 凡训必考, per member, per session, and per organisation and per town over a
 * period. Definitions (docs/party-study.md):
 * <ul>
 * <li>a member's result at a session is their best attempt; they passed when any attempt
 * passed;</li>
 * <li>attendance rate = members present / members the session is for (for a closed
 * session: those recorded when it closed, for an open one: the current members);</li>
 * <li>pass rate = members present who passed / members present;</li>
 * <li>average = mean of the best scores of the members who took the test.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class StudyResults {

	private final StudySessions sessions;

	private final StudyTests tests;

	private final Places places;

	StudyResults(StudySessions sessions, StudyTests tests, Places places) {
		this.sessions = sessions;
		this.tests = tests;
		this.places = places;
	}

	/** A member's attempts at a session. */
	public record MemberResult(MemberId memberId, int attempts, Integer best, boolean passed) {
	}

	/** The figures of a session, or of several added up. */
	public record Figures(int sessions, int withoutTest, int expected, int present, int excused, int takers, int passed,
			long scoreSum) {

		static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0);

		Figures plus(Figures o) {
			return new Figures(sessions + o.sessions, withoutTest + o.withoutTest, expected + o.expected,
					present + o.present, excused + o.excused, takers + o.takers, passed + o.passed,
					scoreSum + o.scoreSum);
		}

		/** Percent present of expected, null when nobody was expected. */
		public Integer attendanceRate() {
			return expected == 0 ? null : (int) Math.round(present * 100.0 / expected);
		}

		/** Percent of those present who passed. */
		public Integer passRate() {
			return present == 0 ? null : (int) Math.round(passed * 100.0 / present);
		}

		/** Mean best score of those who took the test, one decimal. */
		public Double average() {
			return takers == 0 ? null : Math.round(scoreSum * 10.0 / takers) / 10.0;
		}

	}

	/** A session's results: per member and the figures. */
	public record SessionResults(StudySession session, Map<MemberId, MemberResult> members, Figures figures) {
	}

	/** One line of a summary: an organisation or a town. */
	public record Line(String key, String name, Figures figures) {
	}

	/** The summary of a period: by organisation and by town. */
	public record Summary(LocalDate from, LocalDate to, List<Line> organisations, List<Line> towns, Figures total) {
	}

	public SessionResults of(StudySession s) {
		List<StudySessions.RosterLine> roster = sessions.roster(s);
		Map<MemberId, MemberResult> members = new LinkedHashMap<>();
		Map<MemberId, List<StudyTests.Attempt>> byMember = new HashMap<>();
		for (StudyTests.Attempt a : tests.attempts(s.id())) {
			byMember.computeIfAbsent(a.memberId(), k -> new ArrayList<>()).add(a);
		}
		int expected = 0;
		int present = 0;
		int excused = 0;
		int takers = 0;
		int passed = 0;
		long sum = 0;
		for (StudySessions.RosterLine line : roster) {
			// a closed session counts those recorded when it closed; an open one, today's
			// members and anyone already recorded
			if (s.state() != SessionState.CLOSED || line.attendance() != null) {
				expected++;
			}
			if (line.present()) {
				present++;
			}
			if (line.attendance() != null && line.attendance().status() == AttendanceStatus.EXCUSED) {
				excused++;
			}
			List<StudyTests.Attempt> attempts = byMember.getOrDefault(line.member().id(), List.of());
			Integer best = attempts.stream().map(StudyTests.Attempt::score).max(Integer::compare).orElse(null);
			boolean ok = attempts.stream().anyMatch(StudyTests.Attempt::passed);
			members.put(line.member().id(), new MemberResult(line.member().id(), attempts.size(), best, ok));
			if (best != null) {
				takers++;
				sum += best;
			}
			if (ok && line.present()) {
				passed++;
			}
		}
		return new SessionResults(s, members,
				new Figures(1, s.hasTest() ? 0 : 1, expected, present, excused, takers, passed, sum));
	}

	/**
	 * Sessions of the actor's scope that started within the days, added up per
	 * organisation and per town.
	 */
	public Summary summary(Actor actor, LocalDate from, LocalDate to) {
		Map<PartyOrgId, Line> orgs = new LinkedHashMap<>();
		Map<String, Line> towns = new LinkedHashMap<>();
		Figures total = Figures.ZERO;
		for (StudySession s : sessions.inScope(PartyAccess.readScope(actor), from, to)) {
			Figures f = of(s).figures();
			total = total.plus(f);
			orgs.merge(s.orgId(), new Line(s.orgId().toString(), s.orgName(), f),
					(a, b) -> new Line(a.key(), a.name(), a.figures().plus(b.figures())));
			Optional<Place> town = townOf(s.path());
			String code = town.map(Place::code).orElse("-");
			String name = town.map(Place::name).orElse("-");
			towns.merge(code, new Line(code, name, f),
					(a, b) -> new Line(a.key(), a.name(), a.figures().plus(b.figures())));
		}
		List<Line> orgLines = new ArrayList<>(orgs.values());
		orgLines.sort(java.util.Comparator.comparing(Line::name));
		List<Line> townLines = new ArrayList<>(towns.values());
		townLines.sort(java.util.Comparator.comparing(Line::key));
		return new Summary(from, to, orgLines, townLines, total);
	}

	private Optional<Place> townOf(OrgPath path) {
		for (String code : path.codes()) {
			Optional<Place> place = places.find(code);
			if (place.isPresent() && place.get().level() == PlaceLevel.TOWN) {
				return place;
			}
		}
		return Optional.empty();
	}

}
