package org.xiangzhi.registry;

import java.util.Arrays;
import java.util.Optional;

/** 与户主关系 — relation to the head of household, with the labels used on Chinese forms. */
public enum Relation {

	HEAD("户主"), SPOUSE("配偶"), SON("子"), DAUGHTER("女"), PARENT("父母"), GRANDPARENT("祖父母"), GRANDCHILD("孙子女"),
	DAUGHTER_IN_LAW("儿媳"), SON_IN_LAW("女婿"), SIBLING("兄弟姐妹"), OTHER("其他");

	private final String chinese;

	Relation(String chinese) {
		this.chinese = chinese;
	}

	/** The label on Chinese forms and in the Excel template. */
	public String chinese() {
		return chinese;
	}

	public String messageKey() {
		return "relation." + name();
	}

	/** Accepts the Chinese label or the enum name. */
	public static Optional<Relation> fromLabel(String label) {
		String v = label == null ? "" : label.strip();
		return Arrays.stream(values()).filter(r -> r.chinese.equals(v) || r.name().equalsIgnoreCase(v)).findFirst();
	}

}
