package org.xiangzhi.registry.web;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.registry.household.RegistryInputException;

/** Puts the service's field problems next to the form's fields. */
final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Each problem goes to its field when the form has one (members[0].x of the "new"
	 * form is the head's x), else to the form as a whole.
	 */
	static void apply(InvalidInputException ex, BindingResult binding) {
		BeanWrapperImpl bean = new BeanWrapperImpl(binding.getTarget());
		for (RegistryInputException.FieldProblem problem : RegistryInputException.problemsOf(ex)) {
			String field = problem.field().replace("members[0].", "head.");
			if (bean.isReadableProperty(field) && !field.equals("version")) {
				binding.rejectValue(field, problem.messageKey());
			}
			else {
				binding.reject(problem.messageKey());
			}
		}
	}

}
