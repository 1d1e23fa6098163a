package org.xiangzhi.notify;

import java.util.List;

/**
 * Asks the notify module to put a notice in some accounts' in-app inboxes. Modules
 * publish it as an event inside their transaction; the outbox delivers it after commit.
 *
 * @param accountIds the recipients
 * @param kind a short kind for filtering, e.g. {@code CASE_OVERDUE}
 * @param messageKey the message shown, resolved in the reader's language
 * @param args the message's arguments (plain text, no personal identifiers)
 * @param link where the notice leads, a path inside the application
 */
public record NoticeRequested(List<Long> accountIds, String kind, String messageKey, List<String> args, String link) {

	public NoticeRequested {
		accountIds = List.copyOf(accountIds);
		args = List.copyOf(args);
	}

}
