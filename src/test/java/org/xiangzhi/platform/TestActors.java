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
