package org.xiangzhi.party.points;

import java.util.List;
import java.util.Optional;

/**
 * The default catalogue of 党员积分 (after 建设村, seed 004: points for study, visits and the
 * mandatory visits, volunteering and pioneer posts, deductions for violations), used by a
 * county until it changes something and then copied into it. The codes of the automatic
 * rules are fixed: visits, study attendance and passed tests propose their award by code.
 */
public final class RuleDefaults {

	/** 参加学习 (三会一课, 主题党日, 理论课堂): proposed on check-in. */
	public static final String STUDY_ATTENDED = "study.attended";

	/** 考试合格 (凡训必考): proposed on the first passed test of a session. */
	public static final String TEST_PASSED = "study.test_passed";

	/** 走访联系户: proposed for each logged visit. */
	public static final String VISIT = "visit";

	/**
	 * 完成必访: proposed for a visit that fulfilled a mandatory visit, instead of
	 * {@link #VISIT}.
	 */
	public static final String MANDATORY_VISIT = "visit.mandatory";

	private static final List<PointRule> ALL = List.of(
			new PointRule(STUDY_ATTENDED, "参加学习", "Study attended", PointKind.STUDY, 2, true),
			new PointRule(TEST_PASSED, "考试合格", "Test passed", PointKind.STUDY, 1, true),
			new PointRule(VISIT, "走访联系户", "Visit to a linked household", PointKind.VISIT, 1, true),
			new PointRule(MANDATORY_VISIT, "完成必访", "Mandatory visit done", PointKind.VISIT, 2, true),
			new PointRule("volunteer.hour", "志愿服务（每小时）", "Volunteer work (per hour)", PointKind.VOLUNTEER_HOUR, 1,
					true),
			new PointRule("pioneer.duty", "先锋岗值守", "Pioneer-post duty", PointKind.PIONEER_DUTY, 2, true),
			new PointRule("violation", "违反纪律或规定", "Violation of discipline or rules", PointKind.VIOLATION, -5, true),
			new PointRule("other", "其他表现", "Other contribution", PointKind.OTHER, 1, true));

	private RuleDefaults() {
	}

	/** Every default rule, in display order. */
	public static List<PointRule> all() {
		return ALL;
	}

	public static Optional<PointRule> byCode(String code) {
		return ALL.stream().filter(r -> r.code().equals(code)).findFirst();
	}

}
