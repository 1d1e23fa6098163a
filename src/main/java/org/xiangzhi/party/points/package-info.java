/**
 * Member points (党员积分) and the annual democratic appraisal (民主评议): a rule catalogue per
 * county, awards proposed with evidence (by a cadre, or automatically from visits, study
 * attendance and passed tests) and approved or rejected by the branch, balances,
 * quarterly and yearly rankings per branch and town, and one appraisal result per member
 * and year.
 */
package org.xiangzhi.party.points;
