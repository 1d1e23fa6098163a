package org.xiangzhi.platform.account;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Role;

/** A user account (账号) and the roles it holds, each at one node of the place tree. */
@Table("account")
public class Account {

	@Id
	Long id;

	@Version
	Integer version;

	String username;

	String displayName;

	String passwordHash;

	/**
	 * The account's home node: an admin manages the account when it lies in their scope.
	 */
	String orgPath;

	String phoneEnc;

	String phoneBidx;

	String locale = "zh-CN";

	boolean enabled = true;

	int failedAttempts;

	Instant lockedUntil;

	boolean mustChangePassword;

	Instant passwordChangedAt;

	String totpSecretEnc;

	boolean totpEnabled;

	Long totpLastStep;

	boolean demo;

	Instant createdAt;

	Instant lastLoginAt;

	Instant reactivatedAt;

	@MappedCollection(idColumn = "account_id")
	Set<RoleGrant> assignments = new HashSet<>();

	Account() {
	}

	Account(String username, String displayName, String passwordHash, OrgPath home, Instant now) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.orgPath = home.value();
		this.passwordChangedAt = now;
		this.createdAt = now;
	}

	public Long id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public OrgPath home() {
		return OrgPath.of(orgPath);
	}

	public boolean enabled() {
		return enabled;
	}

	public boolean totpEnabled() {
		return totpEnabled;
	}

	public boolean demo() {
		return demo;
	}

	public Instant lastLoginAt() {
		return lastLoginAt;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public String phoneCiphertext() {
		return phoneEnc;
	}

	public String totpSecretCiphertext() {
		return totpSecretEnc;
	}

	public Long totpLastStep() {
		return totpLastStep;
	}

	public Set<RoleGrant> assignments() {
		return assignments;
	}

	public boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public Instant lockedUntil() {
		return lockedUntil;
	}

	/**
	 * Unused for longer than {@code after} since the last login, the creation or the last
	 * reactivation by an administrator, whichever is latest. Demo accounts never become
	 * dormant.
	 */
	public boolean isDormant(Instant now, Duration after) {
		if (demo) {
			return false;
		}
		Instant lastSeen = createdAt;
		if (lastLoginAt != null && lastLoginAt.isAfter(lastSeen)) {
			lastSeen = lastLoginAt;
		}
		if (reactivatedAt != null && reactivatedAt.isAfter(lastSeen)) {
			lastSeen = reactivatedAt;
		}
		return lastSeen.plus(after).isBefore(now);
	}

	public boolean mustChangePassword(Instant now, Duration maxAge) {
		return mustChangePassword || (!demo && passwordChangedAt.plus(maxAge).isBefore(now));
	}

	public boolean holdsAdminRole() {
		return assignments.stream().anyMatch(a -> a.role().isAdmin());
	}

	public Actor toActor() {
		return new Actor(id, username,
				assignments.stream()
					.sorted(java.util.Comparator.comparing(RoleGrant::orgPath).thenComparing(g -> g.role().name()))
					.map(g -> new Actor.Assignment(g.role(), g.placeCode(), OrgPath.of(g.orgPath())))
					.toList());
	}

	/** One role at one place. */
	@Table("role_assignment")
	public record RoleGrant(@Id Long id, Role role, String placeCode, String orgPath) {
	}

}
