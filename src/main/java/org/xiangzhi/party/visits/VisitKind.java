package org.xiangzhi.party.visits;

/** Kinds of visit (走访) a member logs. */
public enum VisitKind {

	/** 日常走访 */
	ROUTINE,
	/** 政策宣传: the monthly policy publicity of seed 003. */
	POLICY,
	/** 必访: fulfils the household's open mandatory visits. */
	MANDATORY,
	/** 回访跟进: following up an earlier visit. */
	FOLLOW_UP,
	/** 帮办代办: helping with an errand or an application. */
	HELP;

	public String messageKey() {
		return "party.visits.kind." + name();
	}

}
