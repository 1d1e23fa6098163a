package org.xiangzhi.platform;

import java.util.List;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** Authenticates a MockMvc request as an actor without going through the login form. */
public final class TestActors {

	private TestActors() {
	}

	/** The demo system administrator, holding the whole tree. */
	public static Actor systemAdmin() {
		return new Actor(1, "admin", List.of(new Actor.Assignment(Role.SYSTEM_ADMIN, "000000", OrgPath.ROOT)));
	}

	/** An actor holding one role at the node {@code path}. */
	public static Actor actor(String username, Role role, OrgPath path) {
		return new Actor(-1, username, List.of(new Actor.Assignment(role, path.leafCode(), path)));
	}

	/**
	 * A demo account as the application sees it, with its role assignments, read from the
	 * database (for tests that call services directly).
	 */
	public static Actor account(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username) {
		List<Actor.Assignment> assignments = jdbc
			.sql("select r.role, r.place_code, r.org_path from account a join role_assignment r "
					+ "on r.account_id = a.id where a.username = :u order by r.org_path, r.role")
			.param("u", username)
			.query((rs, i) -> new Actor.Assignment(Role.valueOf(rs.getString("role")), rs.getString("place_code"),
					OrgPath.of(rs.getString("org_path"))))
			.list();
		long id = jdbc.sql("select id from account where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
		return new Actor(id, username, assignments);
	}

	public static RequestPostProcessor as(Actor actor) {
		var principal = new TestPrincipal(actor);
		var token = new TestingAuthenticationToken(principal, null, AuthorityUtils
			.createAuthorityList(actor.assignments().stream().map(a -> a.role().authority()).distinct().toList()));
		token.setAuthenticated(true);
		return authentication(token);
	}

	public static RequestPostProcessor as(Role role, OrgPath path) {
		return as(actor("test-" + role.name().toLowerCase(), role, path));
	}

	record TestPrincipal(Actor actor) implements CurrentActor.ActorPrincipal {

		@Override
		public String toString() {
			return actor.username();
		}

	}

}
