package org.xiangzhi.party.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a test is scored (凡训必考): every question weighs the same; a question counts only
 * when the chosen keys are exactly the correct ones, so a multiple-choice question with
 * one right option missing or one wrong option added scores nothing (all-or-nothing, the
 * rule of the party's own knowledge tests). The score is the percentage of questions
 * right, rounded down; the attempt passes when the score reaches the pass mark.
 */
public final class Scoring {

	private Scoring() {
	}

	/** One question's answer and whether it was right. */
	public record Marked(long questionId, Set<String> chosen, boolean correct) {
	}

	/** The result of one attempt. */
	public record Result(List<Marked> answers, int correct, int total, int score, int passMark, boolean passed) {
	}

	/**
	 * Scores the chosen keys (question id → keys; a question left out counts as wrong).
	 */
	public static Result score(List<Question> questions, Map<Long, Set<String>> chosen, int passMark) {
		if (questions.isEmpty()) {
			throw new IllegalArgumentException("A test has at least one question");
		}
		List<Marked> marked = new ArrayList<>();
		int correct = 0;
		for (Question q : questions) {
			Set<String> answer = chosen.getOrDefault(q.id(), Set.of());
			boolean right = isRight(q, answer);
			if (right) {
				correct++;
			}
			marked.add(new Marked(q.id(), Set.copyOf(answer), right));
		}
		int score = percent(correct, questions.size());
		return new Result(marked, correct, questions.size(), score, passMark, passes(score, passMark));
	}

	/** Exactly the correct keys; for single choice and true/false that is one key. */
	static boolean isRight(Question question, Set<String> answer) {
		return !answer.isEmpty() && answer.equals(question.correct());
	}

	/** Percentage, rounded down: 2 of 3 is 66, which fails a pass mark of 67. */
	static int percent(int correct, int total) {
		return total == 0 ? 0 : correct * 100 / total;
	}

	public static boolean passes(int score, int passMark) {
		return score >= passMark;
	}

	/** A pass mark is a percentage from 1 to 100. */
	public static boolean validPassMark(int passMark) {
		return passMark >= 1 && passMark <= 100;
	}

}
