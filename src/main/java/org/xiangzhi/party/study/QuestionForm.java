package org.xiangzhi.party.study;

import java.util.List;

import org.xiangzhi.platform.InvalidInputException;

/** The question form as posted; options one per line. */
record QuestionForm(String placeCode, String kind, String topic, String text, String options, List<String> correct,
		String explanation) {

	static QuestionForm of(Question q) {
		return new QuestionForm(q.placeCode(), q.kind().name(), q.topic(), q.text(), String.join("\n", q.options()),
				List.copyOf(q.correct()), q.explanation());
	}

	static QuestionForm empty(String placeCode) {
		return new QuestionForm(placeCode, QuestionKind.SINGLE.name(), null, null, null, List.of(), null);
	}

	public boolean isCorrect(String key) {
		return correct != null && correct.contains(key);
	}

	QuestionBank.Draft toDraft() {
		QuestionKind k = null;
		if (kind != null && !kind.isBlank()) {
			try {
				k = QuestionKind.valueOf(kind.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("kind", "party.study.question.kind.required");
			}
		}
		return new QuestionBank.Draft(placeCode, k, topic, text, QuestionBank.Draft.lines(options),
				QuestionBank.keys(correct), explanation);
	}

}
