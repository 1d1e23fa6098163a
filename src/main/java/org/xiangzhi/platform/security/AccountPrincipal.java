package org.xiangzhi.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;

/**
 * The signed-in account. Until every {@link PendingStep} is done it holds no role
 * authority at all, so nothing but the step pages is reachable after the password step
 * alone.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer, CurrentActor.ActorPrincipal {

	private static final long serialVersionUID = 1L;

	static final String PENDING_AUTHORITY = "PENDING_SECOND_STEP";

	private final Actor actor;

	private final boolean enabled;

	private final boolean locked;

	private final EnumSet<PendingStep> pending;

	private String passwordHash;

	AccountPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked, Set<PendingStep> pending) {
		this.actor = actor;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.pending = pending.isEmpty() ? EnumSet.noneOf(PendingStep.class) : EnumSet.copyOf(pending);
	}

	@Override
	public Actor actor() {
		return actor;
	}

	public Set<PendingStep> pending() {
		return EnumSet.copyOf(pending.isEmpty() ? EnumSet.noneOf(PendingStep.class) : pending);
	}

	/**
	 * The first step still to do, in the order second factor, enrolment, password change.
	 */
	public PendingStep nextStep() {
		return pending.isEmpty() ? null : pending.iterator().next();
	}

	/** A copy with one step done. */
	public AccountPrincipal complete(PendingStep step) {
		EnumSet<PendingStep> rest = pending.isEmpty() ? EnumSet.noneOf(PendingStep.class) : EnumSet.copyOf(pending);
		rest.remove(step);
		return new AccountPrincipal(actor, null, enabled, locked, rest);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		if (!pending.isEmpty()) {
			return List.of(new SimpleGrantedAuthority(PENDING_AUTHORITY));
		}
		return actor.assignments()
			.stream()
			.map(a -> a.role().authority())
			.distinct()
			.map(SimpleGrantedAuthority::new)
			.toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return actor.username();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal p && p.actor.equals(actor);
	}

	@Override
	public int hashCode() {
		return actor.hashCode();
	}

}
