package org.xiangzhi.platform;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who is acting: an account (or an integration token) with its role assignments. Every
 * module derives its data scope from here, never from submitted fields.
 *
 * @param accountId the account, or the token's owner for integration tokens
 * @param username login name, or {@code token:<name>} for integration tokens
 * @param assignments roles held, each at one node of the place tree
 */
public record Actor(long accountId, String username, List<Assignment> assignments) implements java.io.Serializable {

	public Actor {
		assignments = List.copyOf(assignments);
	}

	public boolean has(Role role) {
		return assignments.stream().anyMatch(a -> a.role() == role);
	}

	public boolean hasAny(Collection<Role> roles) {
		return assignments.stream().anyMatch(a -> roles.contains(a.role()));
	}

	/** The data scope granted by the assignments whose role matches. */
	public DataScope scopeWhere(Predicate<Role> roleFilter) {
		return DataScope.of(assignments.stream().filter(a -> roleFilter.test(a.role())).map(Assignment::path).toList());
	}

	/** The data scope granted by any of the given roles. */
	public DataScope scopeFor(Set<Role> roles) {
		return scopeWhere(roles::contains);
	}

	/** The data scope granted by all assignments together. */
	public DataScope scope() {
		return scopeWhere(role -> true);
	}

	/** Assignments as {@code ROLE@/path/}, for the audit log. */
	public String describeScope() {
		return String.join(",", assignments.stream().map(a -> a.role().name() + "@" + a.path().value()).toList());
	}

	/** One role held at one node. */
	public record Assignment(Role role, String placeCode, OrgPath path) implements java.io.Serializable {
	}

}
