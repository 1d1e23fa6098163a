package org.xiangzhi.authz;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Role;

/** Inserts matrix fixtures straight into the database (no audit, no password policy). */
public final class MatrixFixtures {

	private MatrixFixtures() {
	}

	/** An account homed at {@code place} holding {@code role} there; returns its id. */
	public static long insertAccount(JdbcClient jdbc, String username, Place place, Role role) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into account (username, display_name, password_hash, org_path, demo, password_changed_at, "
				+ "created_at) values (:u, :u, '{noop}not-used', :p, false, :now, :now)")
			.param("u", username)
			.param("p", place.path().value())
			.param("now", now)
			.update();
		long id = jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		if (role != null) {
			jdbc.sql("insert into role_assignment (account_id, role, place_code, org_path) values (:a, :r, :c, :p)")
				.param("a", id)
				.param("r", role.name())
				.param("c", place.code())
				.param("p", place.path().value())
				.update();
		}
		return id;
	}

	/** A role that may be held at a place of this level. */
	public static Role roleAllowedAt(PlaceLevel level) {
		for (Role role : Role.values()) {
			if (role != Role.SYSTEM_ADMIN && role.allowedAt(level)) {
				return role;
			}
		}
		return Role.SYSTEM_ADMIN;
	}

}
