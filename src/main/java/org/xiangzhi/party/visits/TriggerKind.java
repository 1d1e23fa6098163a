package org.xiangzhi.party.visits;

/**
 * What makes a visit mandatory (必访, seed 004): "红白喜事、生病住院、家庭变故、矛盾纠纷、意外灾害", and a request
 * for social assistance reported through 码上办.
 */
public enum TriggerKind {

	/** 喜事: a wedding. */
	WEDDING,
	/** 丧事: a funeral. */
	FUNERAL,
	/** 生病住院: illness or hospitalisation. */
	ILLNESS,
	/**
	 * 家庭变故: a family change (a death of the breadwinner, a divorce, a loss of income).
	 */
	FAMILY_CHANGE,
	/** 意外灾害: an accident or a disaster. */
	ACCIDENT,
	/** 矛盾纠纷: a dispute, usually reported as a 码上办 case. */
	DISPUTE,
	/** 困难救助: a request for social assistance, usually a 码上办 case. */
	ASSISTANCE;

	public String messageKey() {
		return "party.visits.trigger." + name();
	}

}
