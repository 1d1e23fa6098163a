package org.xiangzhi.platform.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.xiangzhi.platform.account.LoginAttempts;
import org.xiangzhi.platform.account.SecondFactor;

/**
 * Turns Spring Security's login events into lockout counting, address throttling and
 * audit rows, and counts refused second-factor codes against their address.
 */
@Component
class LoginEvents {

	private final LoginAttempts attempts;

	private final AddressThrottle throttle;

	LoginEvents(LoginAttempts attempts, AddressThrottle throttle) {
		this.attempts = attempts;
		this.throttle = throttle;
	}

	/**
	 * The password step completes the login unless a second factor follows it; then the
	 * accepted code does ({@link SecondFactor#verify}). Resetting the failure count after
	 * the password alone would let anyone who knows it guess codes without ever being
	 * locked out.
	 */
	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal
				&& !principal.pending().contains(PendingStep.SECOND_FACTOR)) {
			attempts.succeeded(principal.actor().accountId());
		}
	}

	/**
	 * A refused second-factor code is a failed login from its address, like a wrong
	 * password; {@link SecondFactor} counts it for the account.
	 */
	@EventListener
	void onCodeRefused(SecondFactor.CodeRefused event) {
		throttle.recordFailure(ClientAddress.current());
	}

	/**
	 * The address throttle counts the failure first: nothing after it may keep a failure
	 * from counting towards the address limit.
	 */
	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		throttle.recordFailure(ClientAddress.current());
		String username = String.valueOf(event.getAuthentication().getName());
		String reason = "failed";
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			reason = "bad_credentials";
		}
		else if (event instanceof AuthenticationFailureLockedEvent) {
			reason = "locked";
		}
		else if (event instanceof AuthenticationFailureDisabledEvent) {
			reason = "disabled";
		}
		attempts.failed(username.length() > 64 ? username.substring(0, 64) : username, reason);
	}

}
