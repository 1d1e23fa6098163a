package org.xiangzhi.platform;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who works where: the enabled accounts holding roles at a place. Modules use it to pick
 * a person to dispatch to and to address notices to a unit ("the cadres of 苏武镇").
 */
public interface Staff {

	/** An account as other modules may show it: no phone, no password state. */
	record Member(long accountId, String username, String displayName, OrgPath path) {
	}

	/** The enabled accounts holding one of {@code roles} at exactly this place. */
	List<Member> at(String placeCode, Set<Role> roles);

	/**
	 * The enabled account as an actor with all its role assignments, for work done in a
	 * named person's name outside a request (demo data, imports run by a command).
	 */
	Optional<Actor> actor(String username);

	/** The enabled account with this id, if any. */
	Optional<Member> find(long accountId);

}
