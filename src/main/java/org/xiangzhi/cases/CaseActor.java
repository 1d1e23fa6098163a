package org.xiangzhi.cases;

import java.util.Objects;

/**
 * Who performs a case action, as far as the workflow needs to know.
 *
 * @param name the account's username, {@code reporter} or {@code system}
 * @param level the level the cadre acts at; {@code null} for the reporter and the system
 * @param reporter whether this is the resident who reported the case
 */
public record CaseActor(String name, HandlingLevel level, boolean reporter) {

	public CaseActor {
		Objects.requireNonNull(name, "name");
	}

	public static CaseActor cadre(String username, HandlingLevel level) {
		return new CaseActor(username, Objects.requireNonNull(level, "level"), false);
	}

	public static CaseActor theReporter() {
		return new CaseActor("reporter", null, true);
	}

	/** The scheduler, e.g. when an overdue case escalates by itself. */
	public static CaseActor system() {
		return new CaseActor("system", null, false);
	}

}
