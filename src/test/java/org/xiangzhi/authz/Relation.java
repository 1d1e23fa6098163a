package org.xiangzhi.authz;

/** Where a record lies relative to the node at which the acting role is held. */
public enum Relation {

	/** At the actor's own node. */
	IN_SCOPE,
	/** Below the actor's node. */
	CHILD,
	/** Above the actor's node. */
	PARENT,
	/** Beside the actor's node (same parent). */
	SIBLING;

	/** Records here are inside the actor's subtree. */
	public boolean inside() {
		return this == IN_SCOPE || this == CHILD;
	}

}
