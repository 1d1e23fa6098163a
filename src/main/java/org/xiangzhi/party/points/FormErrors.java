package org.xiangzhi.party.points;

import org.springframework.validation.BindingResult;
import org.xiangzhi.platform.InvalidInputException;

/** Puts an {@link InvalidInputException} on a form: next to its field, else on top. */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult binding, InvalidInputException ex) {
		for (String key : ex.messageKeys()) {
			if (ex.field() != null && binding.getFieldType(ex.field()) != null) {
				binding.rejectValue(ex.field(), key);
			}
			else {
				binding.reject(key);
			}
		}
	}

}
