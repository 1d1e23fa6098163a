package org.xiangzhi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Marks a pending step done by replacing the session's authentication. */
@Component
public class PendingSteps {

	private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

	/** The signed-in principal, or {@code null}. */
	public AccountPrincipal current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof AccountPrincipal p ? p : null;
	}

	/**
	 * Completes {@code step}; returns where to go next. The session id changes again once
	 * the last step is done, so the fully authenticated session never reuses an earlier
	 * id.
	 */
	public String complete(PendingStep step, HttpServletRequest request, HttpServletResponse response) {
		AccountPrincipal updated = current().complete(step);
		Authentication auth = UsernamePasswordAuthenticationToken.authenticated(updated, null,
				updated.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		if (updated.nextStep() == null) {
			request.changeSessionId();
		}
		repository.saveContext(context, request, response);
		return updated.nextStep() == null ? "/" : updated.nextStep().path();
	}

}
