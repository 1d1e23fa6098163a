package org.xiangzhi.platform.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Staff;

@Repository
class JdbcStaff implements Staff {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	JdbcStaff(JdbcClient jdbc, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	@Override
	public Optional<Actor> actor(String username) {
		return accounts.byUsername(username).filter(Account::enabled).map(Account::toActor);
	}

	@Override
	public List<Member> at(String placeCode, Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select distinct a.id, a.username, a.display_name, a.org_path from account a "
					+ "join role_assignment r on r.account_id = a.id "
					+ "where r.place_code = :place and r.role in (:roles) and a.enabled = true order by a.id")
			.param("place", placeCode)
			.param("roles", roles.stream().map(Role::name).toList())
			.query(JdbcStaff::map)
			.list();
	}

	@Override
	public Optional<Member> find(long accountId) {
		return jdbc.sql("select id, username, display_name, org_path from account where id = :id and enabled = true")
			.param("id", accountId)
			.query(JdbcStaff::map)
			.optional();
	}

	private static Member map(ResultSet rs, int row) throws SQLException {
		return new Member(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				OrgPath.of(rs.getString("org_path")));
	}

}
