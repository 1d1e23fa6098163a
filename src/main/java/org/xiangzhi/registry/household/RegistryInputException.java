package org.xiangzhi.registry.household;

import java.util.List;

import org.xiangzhi.platform.InvalidInputException;

/**
 * Several fields of a registry form or request broke rules at once; all of them are
 * reported in one round so a cadre does not fix one field per submission.
 */
public class RegistryInputException extends InvalidInputException {

	private final List<FieldProblem> problems;

	public RegistryInputException(List<FieldProblem> problems) {
		super(problems.get(0).field(), problems.get(0).messageKey());
		this.problems = List.copyOf(problems);
	}

	public RegistryInputException(String field, String messageKey) {
		this(List.of(new FieldProblem(field, messageKey)));
	}

	public List<FieldProblem> problems() {
		return problems;
	}

	/** Every field problem of an {@link InvalidInputException}, whichever kind it is. */
	public static List<FieldProblem> problemsOf(InvalidInputException ex) {
		if (ex instanceof RegistryInputException registry) {
			return registry.problems();
		}
		return ex.messageKeys().stream().map(key -> new FieldProblem(ex.field(), key)).toList();
	}

	static void throwIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new RegistryInputException(problems);
		}
	}

	/** One broken rule of one field, as a message key. */
	public record FieldProblem(String field, String messageKey) {
	}

}
