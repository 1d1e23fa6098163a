package org.xiangzhi.party.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the points API. */
final class PointsJson {

	private PointsJson() {
	}

	record Rule(String code, String nameZh, String nameEn, String kind, int points, boolean active) {

		static Rule of(PointRule r) {
			return new Rule(r.code(), r.nameZh(), r.nameEn(), r.kind().name(), r.points(), r.active());
		}

	}

	record Rules(String county, List<Rule> rules) {
	}

	record RuleChange(String county, String code, String nameZh, String nameEn, String kind, Integer points,
			Boolean active) {

		static final RuleChange EMPTY = new RuleChange(null, null, null, null, null, null, null);

	}

	record AwardJson(long id, long memberId, String memberName, String ruleCode, String ruleNameZh, String ruleNameEn,
			String kind, int pointsEach, int quantity, int points, LocalDate earnedOn, String evidence,
			String reference, String source, String status, String proposedBy, Instant proposedAt, String decidedBy,
			Instant decidedAt, String rejectReason) {

		static AwardJson of(Award a) {
			return new AwardJson(a.id(), a.member().value(), a.memberName(), a.ruleCode(), a.ruleNameZh(),
					a.ruleNameEn(), a.kind().name(), a.pointsEach(), a.quantity(), a.points(), a.earnedOn(),
					a.evidence(), a.reference(), a.sourceRef(), a.status().name(), a.proposedBy(), a.proposedAt(),
					a.decidedBy(), a.decidedAt(), a.rejectReason());
		}

	}

	record NewAward(Long memberId, String ruleCode, LocalDate earnedOn, Integer quantity, String evidence,
			String reference) {

		static final NewAward EMPTY = new NewAward(null, null, null, null, null, null);

	}

	record Proposed(long id, boolean replay) {
	}

	record Decision(AwardJson award, boolean replay, String period, Integer rankBefore, Integer rankAfter,
			int pointsBefore, int pointsAfter) {

		static Decision of(Awards.Decision d) {
			return new Decision(AwardJson.of(d.award()), d.replay(), d.period().toString(), d.rankBefore(),
					d.rankAfter(), d.pointsBefore(), d.pointsAfter());
		}

	}

	record Rejection(String reason) {

		static final Rejection EMPTY = new Rejection(null);

	}

	record Balance(long memberId, String name, int approved, int pending) {
	}

	record Standing(int rank, long memberId, String name, int points) {
	}

	record Ranking(String unit, String unitName, String level, String period, List<Standing> standings) {
	}

	record Result(long memberId, int year, String grade, LocalDate appraisedOn, String note) {

		static Result of(Appraisals.Result r) {
			return new Result(r.member().value(), r.year(), r.grade().name(), r.appraisedOn(), r.note());
		}

	}

	record AppraisalRow(long memberId, String name, Result result, List<Result> history) {
	}

	record AppraisalSheet(String unit, int year, Map<String, Integer> counts, int pending, List<AppraisalRow> members) {
	}

	record NewAppraisal(Long memberId, Integer year, String grade, LocalDate appraisedOn, String note) {

		static final NewAppraisal EMPTY = new NewAppraisal(null, null, null, null, null);

	}

	record Mine(boolean linked, Long memberId, String name, int total, int thisYear, int thisQuarter,
			Integer quarterRank, Integer yearRank, int branchSize, List<AwardJson> awards, List<Result> appraisals) {
	}

	record FieldError(String field, String code, String message) {
	}

	record Invalid(int status, String error, List<FieldError> errors) {
	}

	record Refused(int status, String error, String code, String message) {
	}

}
