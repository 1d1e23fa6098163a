package org.xiangzhi.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;

/**
 * Answers a login attempt from a throttled address with a generic 429 before any password
 * or second-factor check: both steps' failures count towards the address's limit, so both
 * are refused once it is reached.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	private final AddressThrottle throttle;

	private final AuditLog audit;

	LoginThrottleFilter(AddressThrottle throttle, AuditLog audit) {
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = RequestPaths.of(request);
		return !("POST".equals(request.getMethod()) && ("/login".equals(path) || "/login/totp".equals(path)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (throttle.isBlocked(ClientAddress.of(request))) {
			audit.recordAs("anonymous", null, null,
					AuditEntry.of(AuditActions.LOGIN_THROTTLED, null, null, AuditOutcome.DENIED));
			response.setStatus(429);
			response.setHeader("Retry-After", "600");
			request.getRequestDispatcher("/error/too-many-requests").forward(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

}
