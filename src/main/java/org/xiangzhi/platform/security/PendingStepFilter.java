package org.xiangzhi.platform.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an account that passed only the password step on the pages that finish its
 * pending steps (second factor, enrolment, password change). Everything else redirects
 * there, and the JSON API answers 401.
 */
class PendingStepFilter extends OncePerRequestFilter {

	private static final List<String> ALWAYS_ALLOWED = List.of("/logout", "/css/", "/js/", "/webjars/", "/error",
			"/favicon");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal && principal.nextStep() != null) {
			String path = RequestPaths.of(request);
			boolean allowed = ALWAYS_ALLOWED.stream().anyMatch(path::startsWith)
					|| principal.pending().stream().anyMatch(step -> path.equals(step.path()));
			if (!allowed) {
				if (path.startsWith("/api/")) {
					response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
				}
				else {
					response.sendRedirect(request.getContextPath() + principal.nextStep().path());
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
