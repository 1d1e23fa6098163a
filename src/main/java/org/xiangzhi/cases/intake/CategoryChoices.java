package org.xiangzhi.cases.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.xiangzhi.cases.time.CaseCategory;

/**
 * The county's category tree as the report form's select offers it: a top-level category
 * without children is one option, one with children a group whose first option is the
 * category itself ("基础设施（其他）").
 */
public record CategoryChoices(List<Group> groups) {

	public record Option(String code, String name) {
	}

	public record Group(String label, List<Option> options) {

		public boolean single() {
			return options.size() == 1;
		}

	}

	static CategoryChoices of(List<CaseCategory> tree, Locale locale) {
		String language = locale.getLanguage();
		List<Group> groups = new ArrayList<>();
		for (CaseCategory top : tree) {
			if (!top.isTopLevel()) {
				continue;
			}
			List<Option> options = new ArrayList<>();
			options.add(new Option(top.code(), top.name(language)));
			for (CaseCategory child : tree) {
				if (top.code().equals(child.parentCode())) {
					options.add(new Option(child.code(), child.name(language)));
				}
			}
			groups.add(new Group(top.name(language), options));
		}
		return new CategoryChoices(groups);
	}

	String nameOf(String code) {
		for (Group group : groups) {
			for (Option option : group.options()) {
				if (option.code().equals(code)) {
					return option.name();
				}
			}
		}
		return code;
	}

}
