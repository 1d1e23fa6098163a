package org.xiangzhi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;

/** Writes the audit row of a logout. */
@Component
class LogoutAudit implements LogoutHandler {

	private final AuditLog audit;

	LogoutAudit(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			// runs before the security context is cleared, so the row names the actor as
			// usual
			audit.record(AuditEntry.success(AuditActions.LOGOUT, "account", principal.actor().accountId()));
		}
	}

}
