package org.xiangzhi.notify.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.notify.NoticeRequested;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * The in-app inbox (站内信): one row per recipient of a {@link NoticeRequested}. Every read
 * and write is confined to one account: a message of someone else is "not found".
 */
@Service
class Inbox {

	/** The object type of a message in "not found" answers. */
	static final String MESSAGE = "inbox-message";

	/** Arguments are stored joined by this separator (a control character). */
	static final String SEPARATOR = "\u001f";

	static final int PAGE = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	Inbox(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One stored message. */
	record Message(long id, String kind, String messageKey, List<String> args, String link, Instant createdAt,
			Instant readAt) {

		public boolean unread() {
			return readAt == null;
		}

	}

	/**
	 * Stores the notice for each recipient; a recipient that no longer exists is skipped.
	 */
	@Transactional
	int deliver(NoticeRequested notice) {
		String args = notice.args().isEmpty() ? null : String.join(SEPARATOR, notice.args());
		if (args != null && args.length() > 1000) {
			args = args.substring(0, 1000);
		}
		String link = safeLink(notice.link());
		Instant now = clock.instant();
		int stored = 0;
		for (Long account : notice.accountIds().stream().distinct().toList()) {
			stored += jdbc
				.sql("insert into inbox_message (account_id, kind, message_key, args, link, created_at) "
						+ "select id, :kind, :key, :args, :link, :now from account where id = :account")
				.param("kind", truncate(notice.kind(), 32))
				.param("key", truncate(notice.messageKey(), 100))
				.param("args", args)
				.param("link", link)
				.param("now", Timestamp.from(now))
				.param("account", account)
				.update();
		}
		return stored;
	}

	/** The account's messages, newest first. */
	List<Message> newest(long accountId, int limit) {
		return jdbc
			.sql("select id, kind, message_key, args, link, created_at, read_at from inbox_message "
					+ "where account_id = :account order by id desc fetch first " + Math.max(1, limit) + " rows only")
			.param("account", accountId)
			.query((rs, i) -> new Message(rs.getLong("id"), rs.getString("kind"), rs.getString("message_key"),
					rs.getString("args") == null ? List.of() : Arrays.asList(rs.getString("args").split(SEPARATOR, -1)),
					rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
			.list();
	}

	long unreadCount(long accountId) {
		return jdbc.sql("select count(*) from inbox_message where account_id = :account and read_at is null")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks one of the account's messages read and returns its link.
	 * @throws RecordNotFoundException when the account has no such message
	 */
	@Transactional
	String markRead(long accountId, long messageId) {
		java.util.Optional<String> link = jdbc
			.sql("select link from inbox_message where id = :id and account_id = :account")
			.param("id", messageId)
			.param("account", accountId)
			.query((rs, i) -> java.util.Optional.ofNullable(rs.getString("link")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(MESSAGE, messageId));
		jdbc.sql("update inbox_message set read_at = :now where id = :id and account_id = :account and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", messageId)
			.param("account", accountId)
			.update();
		return link.orElse(null);
	}

	@Transactional
	int markAllRead(long accountId) {
		return jdbc.sql("update inbox_message set read_at = :now where account_id = :account and read_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("account", accountId)
			.update();
	}

	/** Only a path inside the application: never another host. */
	static String safeLink(String link) {
		if (link == null || link.length() > 255 || !link.startsWith("/") || link.startsWith("//") || link.contains("\\")
				|| link.contains(":")) {
			return null;
		}
		return link;
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
