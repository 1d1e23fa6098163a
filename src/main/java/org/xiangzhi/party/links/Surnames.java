package org.xiangzhi.party.links;

import java.util.List;

/**
 * The surname of a Chinese name, for the kin heuristic. The registry records relations
 * only inside a household (户主, 配偶, 子女…), never between households, so "亲" is
 * approximated: <b>the same surname in the same villager group</b>. In a village where a
 * few clans live by group this finds most kin; it also pairs unrelated people of a common
 * surname, which is why proposals say "亲 (同组同姓)" and a secretary reviews them before
 * saving.
 */
final class Surnames {

	/** Compound surnames (复姓) met in practice; everything else is one character. */
	private static final List<String> COMPOUND = List.of("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
			"宇文", "司徒", "夏侯", "令狐", "端木", "独孤", "南宫", "西门", "轩辕", "呼延");

	private Surnames() {
	}

	/** The surname, or {@code null} for a blank name. */
	static String of(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String n = name.strip();
		for (String c : COMPOUND) {
			if (n.startsWith(c) && n.length() > c.length()) {
				return c;
			}
		}
		return n.substring(0, n.offsetByCodePoints(0, 1));
	}

}
