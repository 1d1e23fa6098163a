package org.xiangzhi.party;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixtures of the party module, written straight to the tables (the organisation
 * section's services are tested on their own): an organisation at a place and members
 * made of that place's residents. Tests share one database, so they take residents not
 * yet members and never count all members of a village they did not make.
 */
public final class PartyFixtures {

	private PartyFixtures() {
	}

	/** A new organisation of {@code kind} at the place (its path is the place's). */
	public static PartyOrgId org(JdbcClient jdbc, OrgKind kind, String placeCode, PartyOrgId parent, String name) {
		Timestamp now = Timestamp.from(Instant.now());
		String path = jdbc.sql("select org_path from place where code = :c")
			.param("c", placeCode)
			.query(String.class)
			.single();
		jdbc.sql("insert into party_org (parent_id, kind, name, place_code, org_path, active, created_at, updated_at) "
				+ "values (:parent, :kind, :name, :place, :path, true, :now, :now)")
			.param("parent", parent == null ? null : parent.value())
			.param("kind", kind.name())
			.param("name", name)
			.param("place", placeCode)
			.param("path", path)
			.param("now", now)
			.update();
		return new PartyOrgId(jdbc.sql("select max(id) from party_org where name = :name and place_code = :place")
			.param("name", name)
			.param("place", placeCode)
			.query(Long.class)
			.single());
	}

	/**
	 * Up to {@code count} residents under the place who are not members yet, oldest
	 * first.
	 */
	public static List<Long> residentsNotMembers(JdbcClient jdbc, String placeCode, int count) {
		String path = jdbc.sql("select org_path from place where code = :c")
			.param("c", placeCode)
			.query(String.class)
			.single();
		return jdbc
			.sql("select r.id from resident r where r.org_path like :prefix and r.status = 'ACTIVE' "
					+ "and not exists (select 1 from party_member m where m.resident_id = r.id) "
					+ "order by r.birth_date, r.id limit :n")
			.param("prefix", path + "%")
			.param("n", count)
			.query(Long.class)
			.list();
	}

	/**
	 * A full, active member of the organisation, optionally signed in as
	 * {@code accountId}.
	 */
	public static MemberId member(JdbcClient jdbc, PartyOrgId org, long residentId, Long accountId) {
		Timestamp now = Timestamp.from(Instant.now());
		String path = jdbc.sql("select org_path from party_org where id = :id")
			.param("id", org.value())
			.query(String.class)
			.single();
		jdbc.sql("insert into party_member (org_id, resident_id, org_path, account_id, category, joined_on, status, "
				+ "mobile, created_at, updated_at) values (:org, :resident, :path, :account, 'FULL', :joined, "
				+ "'ACTIVE', false, :now, :now)")
			.param("org", org.value())
			.param("resident", residentId)
			.param("path", path)
			.param("account", accountId)
			.param("joined", LocalDate.of(2010, 7, 1))
			.param("now", now)
			.update();
		return new MemberId(jdbc.sql("select id from party_member where resident_id = :r")
			.param("r", residentId)
			.query(Long.class)
			.single());
	}

}
