package org.xiangzhi.party.study;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.party.OrgKind;
import org.xiangzhi.party.PartyDirectory;
import org.xiangzhi.party.PartyFixtures;
import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.TestActors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The study services on the real database: who belongs to a session (the party tree, not
 * the place), hand marking, closing, the test fixed once taken, and the bank's visibility
 * (a county's questions serve its villages; a village's stay in the village).
 */
@IntegrationTest
class PartyStudyIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StudySessions sessions;

	@Autowired
	StudyTests tests;

	@Autowired
	StudyResults results;

	@Autowired
	QuestionBank bank;

	@Autowired
	PartyDirectory directory;

	Actor cadre() {
		return TestActors.account(jdbc, "village-cadre-2");
	}

	StudySession planned(Actor cadre, PartyOrgId org) {
		return sessions.create(cadre, new StudySessions.Draft(org, SessionKind.BRANCH_MEETING, "支部党员大会",
				LocalDateTime.of(2026, 8, 4, 9, 0), "村委会", null, null));
	}

	@Test
	void aBranchMeetingIncludesItsGridGroupsButNotATemporaryBranchAtTheSamePlace() {
		Actor cadre = cadre();
		PartyOrgId branch = StudyFixtures.branch(jdbc, StudyFixtures.ZHENBAO);
		PartyOrgId group = PartyFixtures.org(jdbc, OrgKind.GRID_GROUP, StudyFixtures.ZHENBAO, branch,
				StudyFixtures.unique("网格党小组"));
		PartyOrgId temporary = PartyFixtures.org(jdbc, OrgKind.TEMPORARY_BRANCH, StudyFixtures.ZHENBAO, null,
				StudyFixtures.unique("临时党支部"));
		var inBranch = StudyFixtures.members(jdbc, branch, StudyFixtures.ZHENBAO, 1).get(0);
		var inGroup = StudyFixtures.members(jdbc, group, StudyFixtures.ZHENBAO, 1).get(0);
		var inTemporary = StudyFixtures.members(jdbc, temporary, StudyFixtures.ZHENBAO, 1).get(0);
		StudySession meeting = planned(cadre, branch);
		assertThat(sessions.expected(meeting)).extracting(PartyDirectory.MemberRef::id)
			.containsExactlyInAnyOrder(inBranch.id(), inGroup.id());
		StudySession theirs = planned(cadre, temporary);
		assertThat(sessions.expected(theirs)).extracting(PartyDirectory.MemberRef::id)
			.containsExactly(inTemporary.id());
	}

	@Test
	void handMarkingClosingAndTheRatesOfAClosedSession() {
		Actor cadre = cadre();
		PartyOrgId branch = StudyFixtures.branch(jdbc, StudyFixtures.ZHENBAO);
		var members = StudyFixtures.members(jdbc, branch, StudyFixtures.ZHENBAO, 4);
		StudySession s = planned(cadre, branch);
		assertThatThrownBy(() -> sessions.mark(cadre, s.id(), members.get(0).id(), AttendanceStatus.PRESENT, null))
			.hasMessageContaining("party.study.attendance.notStarted");
		assertThatThrownBy(() -> sessions.mark(cadre, s.id(), members.get(1).id(), AttendanceStatus.EXCUSED, " "))
			.hasMessageContaining("party.study.attendance.reason.required");
		sessions.mark(cadre, s.id(), members.get(1).id(), AttendanceStatus.EXCUSED, "住院");
		sessions.transition(cadre, s.id(), SessionState.Transition.OPEN);
		assertThatThrownBy(() -> sessions.transition(cadre, s.id(), SessionState.Transition.OPEN))
			.isInstanceOf(InvalidInputException.class);
		sessions.mark(cadre, s.id(), members.get(0).id(), AttendanceStatus.PRESENT, null);
		assertThatThrownBy(() -> sessions.mark(cadre, s.id(), members.get(0).id(), AttendanceStatus.ABSENT, null))
			.hasMessageContaining("party.study.attendance.alreadyPresent");
		assertThat(sessions.checkIn(members.get(2).actor().accountId(), s.checkinCode()))
			.isEqualTo(StudySessions.CheckIn.CHECKED_IN);
		StudySession closed = sessions.transition(cadre, s.id(), SessionState.Transition.CLOSE);
		assertThat(sessions.attendanceOf(s.id(), members.get(3).id())).get()
			.extracting(StudySessions.Attendance::status)
			.isEqualTo(AttendanceStatus.ABSENT);
		// a member joining later does not change a closed session's figures
		StudyFixtures.members(jdbc, branch, StudyFixtures.ZHENBAO, 1);
		StudyResults.Figures f = results.of(closed).figures();
		assertThat(f.expected()).isEqualTo(4);
		assertThat(f.present()).isEqualTo(2);
		assertThat(f.excused()).isEqualTo(1);
		assertThat(f.attendanceRate()).isEqualTo(50);
		assertThat(f.withoutTest()).isEqualTo(1);
		assertThat(sessions.checkIn(members.get(3).actor().accountId(), s.checkinCode()))
			.isEqualTo(StudySessions.CheckIn.NOT_OPEN);
		assertThatThrownBy(() -> sessions.update(cadre, s.id(),
				new StudySessions.Draft(null, SessionKind.OTHER, "x", LocalDateTime.now(), null, null, null)))
			.hasMessageContaining("party.study.session.closed");
	}

	@Test
	void theTestIsFixedOnceTakenAndOnlyAttendeesTakeIt() {
		Actor cadre = cadre();
		PartyOrgId branch = StudyFixtures.branch(jdbc, StudyFixtures.ZHENBAO);
		var members = StudyFixtures.members(jdbc, branch, StudyFixtures.ZHENBAO, 2);
		Question q = bank.create(cadre, new QuestionBank.Draft(StudyFixtures.ZHENBAO, QuestionKind.TRUE_FALSE, "测试",
				"党员应当按期交纳党费。", List.of(), Set.of("T"), null));
		StudySession s = planned(cadre, branch);
		sessions.setTest(cadre, s.id(), List.of(q.id()), 100);
		sessions.transition(cadre, s.id(), SessionState.Transition.OPEN);
		sessions.checkIn(members.get(0).actor().accountId(), s.checkinCode());
		var present = directory.memberOfAccount(members.get(0).actor().accountId()).orElseThrow();
		var absent = directory.memberOfAccount(members.get(1).actor().accountId()).orElseThrow();
		assertThatThrownBy(() -> tests.submit(absent, s.id(), tests.newAttemptToken(), Map.of(q.id(), Set.of("T"))))
			.hasMessageContaining("party.study.test.notAttended");
		StudyTests.Attempt wrong = tests.submit(present, s.id(), tests.newAttemptToken(), Map.of(q.id(), Set.of("F")));
		assertThat(wrong.passed()).isFalse();
		assertThatThrownBy(() -> sessions.setTest(cadre, s.id(), List.of(), 60))
			.hasMessageContaining("party.study.test.locked");
		String token = tests.newAttemptToken();
		StudyTests.Attempt right = tests.submit(present, s.id(), token, Map.of(q.id(), Set.of("T")));
		assertThatThrownBy(() -> tests.submit(present, s.id(), token, Map.of(q.id(), Set.of("F"))))
			.hasMessageContaining("submission.conflict");
		assertThat(tests.submit(present, s.id(), token, Map.of(q.id(), Set.of("T"))).id()).isEqualTo(right.id());
		assertThat(tests.attempts(s.id(), present.id())).hasSize(2);
		assertThatThrownBy(() -> tests.ownAttempt(absent, right.id())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aCountysQuestionsServeItsVillagesAndAVillagesStayInTheVillage() {
		Actor county = TestActors.account(jdbc, "county-admin");
		Actor zhenbao = cadre();
		Actor chengcao = TestActors.account(jdbc, "village-cadre");
		Question shared = bank.create(county, new QuestionBank.Draft("620621", QuestionKind.SINGLE, "全县", "民勤县所在的市是？",
				List.of("武威市", "酒泉市"), Set.of("A"), null));
		Question own = bank.create(zhenbao, new QuestionBank.Draft(StudyFixtures.ZHENBAO, QuestionKind.TRUE_FALSE, "本村",
				"珍宝村属于收成镇。", List.of(), Set.of("T"), null));
		assertThat(bank.usable(chengcao, shared.id())).isNotNull();
		assertThat(bank.usable(chengcao, null, false)).extracting(Question::id)
			.contains(shared.id())
			.doesNotContain(own.id());
		assertThatThrownBy(() -> bank.usable(chengcao, own.id())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> bank.update(zhenbao, shared.id(),
				new QuestionBank.Draft(null, QuestionKind.SINGLE, null, "改", List.of("a", "b"), Set.of("A"), null)))
			.as("read above, write only in scope")
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> bank.create(zhenbao,
				new QuestionBank.Draft("620621", QuestionKind.TRUE_FALSE, null, "x", List.of(), Set.of("T"), null)))
			.hasMessageContaining("party.study.question.place.invalid");
	}

}
