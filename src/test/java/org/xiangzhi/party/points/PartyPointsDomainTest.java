package org.xiangzhi.party.points;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xiangzhi.party.MemberId;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of points without a database: rankings, the state machine, periods, rules.
 */
class PartyPointsDomainTest {

	static Standings.Entry entry(long id, String name, int points) {
		return new Standings.Entry(new MemberId(id), name, points);
	}

	@Test
	void equalPointsShareARankAndTheNextRankIsSkipped() {
		List<Standings.Standing> ranked = Standings.rank(
				List.of(entry(1, "王五", 3), entry(2, "李四", 5), entry(3, "张三", 5), entry(4, "赵六", 0), entry(5, "钱七", 3)));
		assertThat(ranked).extracting(Standings.Standing::rank).containsExactly(1, 1, 3, 3, 5);
		assertThat(ranked).extracting(Standings.Standing::points).containsExactly(5, 5, 3, 3, 0);
	}

	@Test
	void tiesAreOrderedByNameThenIdWhateverTheInputOrder() {
		List<Standings.Entry> a = List.of(entry(9, "张三", 2), entry(3, "张三", 2), entry(5, "李四", 2));
		List<Standings.Entry> b = List.of(entry(5, "李四", 2), entry(3, "张三", 2), entry(9, "张三", 2));
		assertThat(Standings.rank(a)).isEqualTo(Standings.rank(b));
		assertThat(Standings.rank(a)).extracting(s -> s.member().value()).containsExactly(3L, 9L, 5L);
	}

	@Test
	void anApprovalMovesTheMemberUp() {
		List<Standings.Entry> before = List.of(entry(1, "甲", 4), entry(2, "乙", 3), entry(3, "丙", 1));
		List<Standings.Entry> after = List.of(entry(1, "甲", 4), entry(2, "乙", 3), entry(3, "丙", 6));
		MemberId bing = new MemberId(3);
		assertThat(Standings.of(Standings.rank(before), bing).orElseThrow().rank()).isEqualTo(3);
		assertThat(Standings.of(Standings.rank(after), bing).orElseThrow().rank()).isEqualTo(1);
		assertThat(Standings.of(Standings.rank(after), new MemberId(99))).isEmpty();
	}

	@Test
	void aProposalIsDecidedOnceAndARetriedDecisionChangesNothing() {
		assertThat(AwardStatus.PROPOSED.towards(AwardStatus.APPROVED)).isEqualTo(AwardStatus.Step.MOVE);
		assertThat(AwardStatus.PROPOSED.towards(AwardStatus.REJECTED)).isEqualTo(AwardStatus.Step.MOVE);
		assertThat(AwardStatus.APPROVED.towards(AwardStatus.APPROVED)).isEqualTo(AwardStatus.Step.ALREADY);
		assertThat(AwardStatus.REJECTED.towards(AwardStatus.REJECTED)).isEqualTo(AwardStatus.Step.ALREADY);
		assertThatThrownBy(() -> AwardStatus.APPROVED.towards(AwardStatus.REJECTED))
			.isInstanceOf(IllegalAwardTransitionException.class);
		assertThatThrownBy(() -> AwardStatus.REJECTED.towards(AwardStatus.APPROVED))
			.isInstanceOf(IllegalAwardTransitionException.class);
		assertThatThrownBy(() -> AwardStatus.PROPOSED.towards(AwardStatus.PROPOSED))
			.isInstanceOf(IllegalAwardTransitionException.class);
	}

	static Award award(String proposedBy, long member) {
		return new Award(1, new MemberId(member), "张三", OrgPath.of("/62/"), "620621", "other", "其他", "Other",
				PointKind.OTHER, 1, 1, 1, LocalDate.of(2026, 5, 1), "证据", null, null, AwardStatus.PROPOSED, proposedBy,
				Instant.now(), null, null, null, 0);
	}

	@Test
	void nobodyDecidesOnTheirOwnProposalOrTheirOwnAward() {
		assertThatThrownBy(() -> OwnAwardPolicy.check(award("secretary", 7), "secretary", Optional.empty()))
			.isInstanceOf(AwardRefusedException.class)
			.hasMessage("party.points.decide.ownProposal");
		assertThatThrownBy(
				() -> OwnAwardPolicy.check(award(Awards.SYSTEM, 7), "secretary", Optional.of(new MemberId(7))))
			.hasMessage("party.points.decide.ownAward");
		OwnAwardPolicy.check(award(Awards.SYSTEM, 7), "secretary", Optional.of(new MemberId(8)));
		OwnAwardPolicy.check(award("organiser", 7), "secretary", Optional.empty());
	}

	@Test
	void periodsAreYearsOrQuarters() {
		Period q2 = Period.parse("2026-Q2").orElseThrow();
		assertThat(q2.start()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(q2.end()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(q2.contains(LocalDate.of(2026, 6, 30))).isTrue();
		assertThat(q2.contains(LocalDate.of(2026, 7, 1))).isFalse();
		assertThat(Period.parse("2026").orElseThrow().end()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(Period.quarterOf(LocalDate.of(2026, 12, 31))).hasToString("2026-Q4");
		assertThat(Period.parse("2026-Q5")).isEmpty();
		assertThat(Period.parse("26")).isEmpty();
		assertThat(Period.parse("1999")).isEmpty();
	}

	@Test
	void violationsDeductAndEverythingElseAdds() {
		assertThat(PointRule.checked("violation.late", "迟到", "Late", PointKind.VIOLATION, -2, true).points())
			.isEqualTo(-2);
		assertThatThrownBy(() -> PointRule.checked("violation.late", "迟到", "Late", PointKind.VIOLATION, 2, true))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.messageKeys()).containsExactly("party.points.rule.points.sign"));
		assertThatThrownBy(() -> PointRule.checked("visit.extra", "走访", "Visit", PointKind.VISIT, -1, true))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> PointRule.checked("Visit", "走访", "Visit", PointKind.VISIT, 1, true))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("code"));
		assertThatThrownBy(() -> PointRule.checked("visit", "走访", "Visit", PointKind.VISIT, 0, true))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theDefaultCatalogueHasTheAutomaticRulesWithValidPoints() {
		for (String code : List.of(RuleDefaults.STUDY_ATTENDED, RuleDefaults.TEST_PASSED, RuleDefaults.VISIT,
				RuleDefaults.MANDATORY_VISIT)) {
			assertThat(RuleDefaults.byCode(code)).as(code).isPresent();
		}
		assertThat(RuleDefaults.byCode(RuleDefaults.STUDY_ATTENDED).orElseThrow().points()).isEqualTo(2);
		assertThat(RuleDefaults.byCode(RuleDefaults.MANDATORY_VISIT).orElseThrow().points()).isEqualTo(2);
		for (PointRule rule : RuleDefaults.all()) {
			assertThat(PointRule.checked(rule.code(), rule.nameZh(), rule.nameEn(), rule.kind(), rule.points(), true))
				.isEqualTo(rule);
		}
	}

	@Test
	void onlySafeReferencesBecomeLinks() {
		Award a = award("x", 1);
		assertThat(with(a, "https://example.org/a").referenceLink()).isEqualTo("https://example.org/a");
		assertThat(with(a, "/party/visits/12").referenceLink()).isEqualTo("/party/visits/12");
		assertThat(with(a, "javascript:alert(1)").referenceLink()).isNull();
		assertThat(with(a, "//evil.example").referenceLink()).isNull();
		assertThat(with(a, "会议记录 第3页").referenceLink()).isNull();
	}

	static Award with(Award a, String reference) {
		return new Award(a.id(), a.member(), a.memberName(), a.path(), a.countyCode(), a.ruleCode(), a.ruleNameZh(),
				a.ruleNameEn(), a.kind(), a.pointsEach(), a.quantity(), a.points(), a.earnedOn(), a.evidence(),
				reference, a.sourceRef(), a.status(), a.proposedBy(), a.proposedAt(), a.decidedBy(), a.decidedAt(),
				a.rejectReason(), a.version());
	}

}
