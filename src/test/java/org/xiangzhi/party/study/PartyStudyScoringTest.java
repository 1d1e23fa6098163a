package org.xiangzhi.party.study;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 凡训必考 scoring: single, multiple (all-or-nothing), true/false, the pass mark. */
class PartyStudyScoringTest {

	static final OrgPath PATH = OrgPath.of("/62/6206/620621/");

	static Question single(long id, String correct) {
		return new Question(id, "620621", PATH, QuestionKind.SINGLE, null, "single " + id, List.of("a", "b", "c"),
				Set.of(correct), null, true, 0);
	}

	static Question multiple(long id, String... correct) {
		return new Question(id, "620621", PATH, QuestionKind.MULTIPLE, null, "multiple " + id,
				List.of("a", "b", "c", "d"), Set.of(correct), null, true, 0);
	}

	static Question trueFalse(long id, String correct) {
		return new Question(id, "620621", PATH, QuestionKind.TRUE_FALSE, null, "tf " + id, List.of(), Set.of(correct),
				null, true, 0);
	}

	final List<Question> test = List.of(single(1, "B"), multiple(2, "A", "C"), trueFalse(3, "T"));

	@Test
	void allRightScoresAHundredAndPasses() {
		Scoring.Result r = Scoring.score(test, Map.of(1L, Set.of("B"), 2L, Set.of("C", "A"), 3L, Set.of("T")), 60);
		assertThat(r.correct()).isEqualTo(3);
		assertThat(r.score()).isEqualTo(100);
		assertThat(r.passed()).isTrue();
	}

	@Test
	void multipleChoiceIsAllOrNothing() {
		assertThat(Scoring.isRight(test.get(1), Set.of("A"))).as("one right option missing").isFalse();
		assertThat(Scoring.isRight(test.get(1), Set.of("A", "B", "C"))).as("a wrong option added").isFalse();
		assertThat(Scoring.isRight(test.get(1), Set.of("A", "C"))).isTrue();
	}

	@Test
	void singleChoiceAndTrueFalseNeedExactlyTheRightKey() {
		assertThat(Scoring.isRight(test.get(0), Set.of("B"))).isTrue();
		assertThat(Scoring.isRight(test.get(0), Set.of("A", "B"))).isFalse();
		assertThat(Scoring.isRight(test.get(2), Set.of("F"))).isFalse();
		assertThat(Scoring.isRight(test.get(2), Set.of())).isFalse();
	}

	@Test
	void unansweredQuestionsCountAsWrong() {
		Scoring.Result r = Scoring.score(test, Map.of(1L, Set.of("B")), 60);
		assertThat(r.correct()).isEqualTo(1);
		assertThat(r.score()).isEqualTo(33);
		assertThat(r.passed()).isFalse();
		assertThat(r.answers()).hasSize(3);
	}

	@Test
	void theScoreIsRoundedDownAndMustReachThePassMark() {
		Scoring.Result twoOfThree = Scoring.score(test, Map.of(1L, Set.of("B"), 2L, Set.of("A", "C"), 3L, Set.of("F")),
				66);
		assertThat(twoOfThree.score()).isEqualTo(66);
		assertThat(twoOfThree.passed()).as("66 reaches 66").isTrue();
		assertThat(Scoring.passes(66, 67)).isFalse();
		assertThat(Scoring.validPassMark(0)).isFalse();
		assertThat(Scoring.validPassMark(100)).isTrue();
		assertThat(Scoring.validPassMark(101)).isFalse();
	}

	@Test
	void questionsAreCheckedForConsistency() {
		assertThatThrownBy(() -> Question.validate(QuestionKind.SINGLE, "q", List.of("a", "b"), Set.of("A", "B")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("party.study.question.correct.one");
		assertThatThrownBy(() -> Question.validate(QuestionKind.MULTIPLE, "q", List.of("a", "b"), Set.of("A")))
			.hasMessageContaining("party.study.question.correct.several");
		assertThatThrownBy(() -> Question.validate(QuestionKind.SINGLE, "q", List.of("a", "b"), Set.of("C")))
			.hasMessageContaining("party.study.question.correct.invalid");
		assertThatThrownBy(() -> Question.validate(QuestionKind.SINGLE, "q", List.of("a"), Set.of("A")))
			.hasMessageContaining("party.study.question.options.count");
		assertThatThrownBy(() -> Question.validate(QuestionKind.TRUE_FALSE, "q", List.of(), Set.of("A")))
			.hasMessageContaining("party.study.question.correct.invalid");
		Question.validate(QuestionKind.TRUE_FALSE, "q", List.of(), Set.of("F"));
		Question.validate(QuestionKind.MULTIPLE, "q", List.of("a", "b", "c"), Set.of("A", "C"));
	}

}
