package org.xiangzhi.party.study;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Role;

/**
 * Study test data: a branch of its own with members who have PARTY_MEMBER accounts
 * (linked through {@code party_member.account_id}).
 */
final class StudyFixtures {

	/** 珍宝村: fixtures stay out of 橙槽村's demo data. */
	static final String ZHENBAO = "620621116202";

	static final OrgPath ZHENBAO_PATH = OrgPath.of("/62/6206/620621/620621116/620621116202/");

	private StudyFixtures() {
	}

	/** A member with a signed-in account. */
	record Member(MemberId id, Actor actor) {
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	static PartyOrgId branch(JdbcClient jdbc, String placeCode) {
		return PartyFixtures.org(jdbc, OrgKind.BRANCH, placeCode, null, unique("学习测试党支部"));
	}

	/**
	 * {@code count} new members of the organisation, each with a PARTY_MEMBER account.
	 */
	static List<Member> members(JdbcClient jdbc, PartyOrgId org, String placeCode, int count) {
		Place place = place(jdbc, placeCode);
		List<Long> residents = PartyFixtures.residentsNotMembers(jdbc, placeCode, count);
		if (residents.size() < count) {
			throw new IllegalStateException("not enough residents in " + placeCode);
		}
		return residents.stream().map(resident -> {
			String username = unique("study-member-");
			long account = MatrixFixtures.insertAccount(jdbc, username, place, Role.PARTY_MEMBER);
			MemberId id = PartyFixtures.member(jdbc, org, resident, account);
			return new Member(id, new Actor(account, username,
					List.of(new Actor.Assignment(Role.PARTY_MEMBER, place.code(), place.path()))));
		}).toList();
	}

	static Place place(JdbcClient jdbc, String code) {
		String path = jdbc.sql("select org_path from place where code = :c")
			.param("c", code)
			.query(String.class)
			.single();
		String level = jdbc.sql("select level from place where code = :c")
			.param("c", code)
			.query(String.class)
			.single();
		String name = jdbc.sql("select name from place where code = :c").param("c", code).query(String.class).single();
		return new Place(code, name, PlaceLevel.valueOf(level), null, OrgPath.of(path));
	}

}
