package org.xiangzhi.platform.api;

import org.xiangzhi.platform.security.RequestPaths;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;

/**
 * Authenticates {@code Authorization: Bearer <token>} on the JSON API and the metrics
 * endpoint. Stateless: nothing is stored in a session. An unknown, revoked or expired
 * token gets 401 with no hint which. Not a bean: it runs only inside the security filter
 * chain.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	public ApiTokenFilter(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		String path = RequestPaths.of(request);
		return header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)
				|| !(path.startsWith("/api/") || path.equals("/actuator/prometheus"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = request.getHeader("Authorization").substring(7).strip();
		var actor = tokens.authenticate(secret);
		if (actor.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType("application/json");
			response.getWriter().write("{\"status\":401,\"error\":\"unauthorized\"}");
			return;
		}
		TokenPrincipal principal = new TokenPrincipal(actor.get());
		var authorities = actor.get()
			.assignments()
			.stream()
			.map(a -> new SimpleGrantedAuthority(a.role().authority()))
			.toList();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** The principal of a request authenticated by an integration token. */
	record TokenPrincipal(Actor actor) implements CurrentActor.ActorPrincipal, java.io.Serializable {

		@Override
		public String toString() {
			return actor.username();
		}

	}

}
