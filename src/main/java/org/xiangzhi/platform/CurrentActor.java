package org.xiangzhi.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link Actor} of the current request from the security context. */
public final class CurrentActor {

	private CurrentActor() {
	}

	/**
	 * The actor, if the request is authenticated by an account or an integration token.
	 */
	public static Optional<Actor> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof ActorPrincipal principal)) {
			return Optional.empty();
		}
		return Optional.of(principal.actor());
	}

	/** The actor; fails when the request is anonymous. */
	public static Actor get() {
		return find().orElseThrow(() -> new IllegalStateException("No authenticated actor"));
	}

	/** Implemented by every principal that stands for an actor. */
	public interface ActorPrincipal {

		Actor actor();

	}

}
