package org.xiangzhi.platform;

import java.util.List;

/**
 * A module's entries in the main navigation. Every module that has pages declares a bean
 * of this type; the shell shows the entries the signed-in actor may use, ordered by
 * {@code order}.
 */
public interface Navigation {

	List<Item> itemsFor(Actor actor);

	/**
	 * One menu entry.
	 *
	 * @param path where it leads
	 * @param labelKey message key of its label
	 * @param order position, smaller first (platform: home 0, accounts 800, tokens 810,
	 * audit 900)
	 */
	record Item(String path, String labelKey, int order) {
	}

}
