package org.xiangzhi.party.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;

/**
 * A question of the bank.
 *
 * @param options the options of a choice question, keyed A, B, C... in order; empty for
 * true/false
 * @param correct the correct keys: one for SINGLE, two or more for MULTIPLE, {@code T} or
 * {@code F} for TRUE_FALSE
 */
public record Question(long id, String placeCode, OrgPath path, QuestionKind kind, String topic, String text,
		List<String> options, Set<String> correct, String explanation, boolean active, long version) {

	public static final int MAX_OPTIONS = 8;

	public static final String TRUE = "T";

	public static final String FALSE = "F";

	public Question {
		options = List.copyOf(options);
		correct = Set.copyOf(correct);
	}

	/** The key of the option at {@code index}: A, B, C... */
	public static String key(int index) {
		return String.valueOf((char) ('A' + index));
	}

	/** The keys a member may choose from. */
	public List<String> keys() {
		if (!kind.hasOptions()) {
			return List.of(TRUE, FALSE);
		}
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			keys.add(key(i));
		}
		return keys;
	}

	/** An option with its key, for pages. */
	public record Option(String key, String text) {
	}

	public List<Option> keyedOptions() {
		List<Option> keyed = new ArrayList<>();
		for (int i = 0; i < options.size(); i++) {
			keyed.add(new Option(key(i), options.get(i)));
		}
		return keyed;
	}

	/** The correct keys in order, comma separated, as stored. */
	public String correctText() {
		return String.join(",", keys().stream().filter(correct::contains).toList());
	}

	/**
	 * Checks the parts of a question against each other.
	 * @throws InvalidInputException {@code party.study.question.*}
	 */
	static void validate(QuestionKind kind, String text, List<String> options, Set<String> correct) {
		if (kind == null) {
			throw new InvalidInputException("kind", "party.study.question.kind.required");
		}
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "party.study.question.text.required");
		}
		if (text.strip().length() > 1000) {
			throw new InvalidInputException("text", "party.study.question.text.tooLong");
		}
		if (kind.hasOptions()) {
			if (options.size() < 2 || options.size() > MAX_OPTIONS) {
				throw new InvalidInputException("options", "party.study.question.options.count");
			}
			if (String.join("\n", options).length() > 2000) {
				throw new InvalidInputException("options", "party.study.question.options.tooLong");
			}
		}
		Set<String> allowed = new LinkedHashSet<>();
		if (kind.hasOptions()) {
			for (int i = 0; i < options.size(); i++) {
				allowed.add(key(i));
			}
		}
		else {
			allowed.addAll(List.of(TRUE, FALSE));
		}
		if (correct.isEmpty() || !allowed.containsAll(correct)) {
			throw new InvalidInputException("correct", "party.study.question.correct.invalid");
		}
		if (kind != QuestionKind.MULTIPLE && correct.size() != 1) {
			throw new InvalidInputException("correct", "party.study.question.correct.one");
		}
		if (kind == QuestionKind.MULTIPLE && correct.size() < 2) {
			throw new InvalidInputException("correct", "party.study.question.correct.several");
		}
	}

}
