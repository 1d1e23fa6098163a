package org.xiangzhi.party.links;

/**
 * Why the suggestion proposes a member for a household ("就亲、就近、就熟", seed 003), shown on
 * screen next to every proposal.
 */
public enum LinkReason {

	/** 户选: the household asked for this member. */
	HOUSEHOLD_CHOICE(LinkSource.HOUSEHOLD_CHOICE),
	/** 党员选: the member asked for this household. */
	MEMBER_CHOICE(LinkSource.MEMBER_CHOICE),
	/** 本户: the member lives in the household. */
	OWN(LinkSource.SUGGESTED),
	/** 亲: kin, by the labelled surname heuristic (see {@link Surnames}). */
	KIN(LinkSource.SUGGESTED),
	/** 熟: the same grid party group, grid or villager group. */
	FAMILIAR(LinkSource.SUGGESTED),
	/** 近: the nearest member by grid centre distance, below the load limit. */
	NEAR(LinkSource.SUGGESTED),
	/**
	 * 均衡: every member was at the limit; the least loaded one takes the household.
	 */
	BALANCED(LinkSource.SUGGESTED);

	private final LinkSource source;

	LinkReason(LinkSource source) {
		this.source = source;
	}

	/** How a saved proposal is recorded in the link's {@code source}. */
	public LinkSource source() {
		return source;
	}

	public String messageKey() {
		return "party.links.reason." + name();
	}

}
