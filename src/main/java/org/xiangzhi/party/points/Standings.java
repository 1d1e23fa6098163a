package org.xiangzhi.party.points;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.xiangzhi.party.MemberId;

/**
 * A ranking (排名) of members by points. Equal points share a rank and the next rank is
 * skipped (1, 2, 2, 4: "并列"); within a tie the order is by name, then by member id, so
 * the same figures always give the same list.
 */
public final class Standings {

	/** A member's points in a period, before ranking. */
	public record Entry(MemberId member, String name, int points) {
	}

	/** A ranked member. */
	public record Standing(int rank, MemberId member, String name, int points) {
	}

	private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::points)
		.reversed()
		.thenComparing(Entry::name, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparingLong(e -> e.member().value());

	private Standings() {
	}

	public static List<Standing> rank(List<Entry> entries) {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(ORDER);
		List<Standing> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Entry e = sorted.get(i);
			int rank = i > 0 && sorted.get(i - 1).points() == e.points() ? ranked.get(i - 1).rank() : i + 1;
			ranked.add(new Standing(rank, e.member(), e.name(), e.points()));
		}
		return ranked;
	}

	/** The member's standing in a ranking, if they are in it. */
	public static Optional<Standing> of(List<Standing> standings, MemberId member) {
		return standings.stream().filter(s -> s.member().equals(member)).findFirst();
	}

}
