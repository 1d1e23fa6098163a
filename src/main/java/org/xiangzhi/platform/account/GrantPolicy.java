package org.xiangzhi.platform.account;

import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OutOfScopeException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Role;

/**
 * Who may grant which role where: the granter needs an administrator assignment whose
 * subtree contains the place and whose role ranks at least as high as the granted one,
 * and the role must exist at the place's level. Nobody can give more than they hold.
 */
public final class GrantPolicy {

	private GrantPolicy() {
	}

	/**
	 * @throws OutOfScopeException naming the rule that refused the grant
	 */
	public static void check(Actor granter, Role role, Place place) {
		if (!role.allowedAt(place.level())) {
			throw new OutOfScopeException("account.error.roleLevel");
		}
		boolean anyAdminHere = granter.assignments()
			.stream()
			.anyMatch(a -> a.role().isAdmin() && a.path().contains(place.path()));
		if (!anyAdminHere) {
			throw new OutOfScopeException("account.error.placeOutOfScope");
		}
		boolean highEnough = granter.assignments()
			.stream()
			.anyMatch(a -> a.role().isAdmin() && a.path().contains(place.path()) && a.role().rank() >= role.rank());
		if (!highEnough) {
			throw new OutOfScopeException("account.error.roleTooHigh");
		}
	}

}
