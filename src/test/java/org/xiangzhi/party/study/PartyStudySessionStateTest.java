package org.xiangzhi.party.study;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xiangzhi.party.study.SessionState.CLOSED;
import static org.xiangzhi.party.study.SessionState.OPEN;
import static org.xiangzhi.party.study.SessionState.PLANNED;
import static org.xiangzhi.party.study.SessionState.Transition;

/** PLANNED → OPEN (check-in open) → CLOSED; a planned session may be closed directly. */
class PartyStudySessionStateTest {

	@Test
	void checkInOpensOnlyFromPlanned() {
		assertThat(PLANNED.after(Transition.OPEN)).contains(OPEN);
		assertThat(OPEN.after(Transition.OPEN)).isEmpty();
		assertThat(CLOSED.after(Transition.OPEN)).as("nothing leaves CLOSED").isEmpty();
	}

	@Test
	void closingWorksUntilClosed() {
		assertThat(OPEN.after(Transition.CLOSE)).contains(CLOSED);
		assertThat(PLANNED.after(Transition.CLOSE)).contains(CLOSED);
		assertThat(CLOSED.allows(Transition.CLOSE)).isFalse();
	}

	@Test
	void onlyAnOpenSessionTakesCheckInsAndTestsFollowTheStart() {
		assertThat(PLANNED.acceptsCheckIn()).isFalse();
		assertThat(OPEN.acceptsCheckIn()).isTrue();
		assertThat(CLOSED.acceptsCheckIn()).isFalse();
		assertThat(PLANNED.acceptsAttempts()).isFalse();
		assertThat(OPEN.acceptsAttempts()).isTrue();
		assertThat(CLOSED.acceptsAttempts()).as("a retake after the session").isTrue();
		assertThat(CLOSED.editable()).isFalse();
	}

	@Test
	void threeMeetingsAndOneLesson() {
		assertThat(SessionKind.BRANCH_MEETING.threeMeetingsOneLesson()).isTrue();
		assertThat(SessionKind.PARTY_LECTURE.threeMeetingsOneLesson()).isTrue();
		assertThat(SessionKind.TUESDAY_CLASS.threeMeetingsOneLesson()).isFalse();
	}

}
