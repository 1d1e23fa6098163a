package org.xiangzhi.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical encoding of an audit row and its SHA-256. The encoding must be
 * unambiguous, otherwise two different rows could share a hash: fields are separated by
 * {@code |}, a backslash or bar inside a value is escaped ({@code \\}, {@code \|}), and
 * {@code null} is written as {@code \N}, which no escaped value can produce. The time is
 * always written with exactly three fraction digits in UTC, so the text does not depend
 * on how the database returns it. The version prefix lets a future format coexist with
 * rows hashed by this one.
 */
final class AuditHash {

	/** The hash before the first row: the anchor of a fresh chain. */
	static final String GENESIS = "0".repeat(64);

	static final String VERSION = "xz-audit-v1";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private AuditHash() {
	}

	/** Hex SHA-256 of the canonical encoding of the row (its own hash excluded). */
	static String of(AuditRecord row) {
		return sha256Hex(canonical(row));
	}

	static String canonical(AuditRecord row) {
		StringBuilder text = new StringBuilder(VERSION);
		field(text, Long.toString(row.seq()));
		field(text, time(row.occurredAt()));
		field(text, row.actor());
		field(text, row.actorScope());
		field(text, row.orgPath());
		field(text, row.action());
		field(text, row.objectType());
		field(text, row.objectId());
		field(text, row.outcome());
		field(text, row.clientIp());
		field(text, row.detail());
		field(text, row.prevHash());
		return text.toString();
	}

	static String time(Instant instant) {
		return instant == null ? null : TIME.format(instant);
	}

	private static void field(StringBuilder text, String value) {
		text.append('|');
		if (value == null) {
			text.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' || c == '|') {
				text.append('\\');
			}
			text.append(c);
		}
	}

	static String sha256Hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform must provide SHA-256
			throw new IllegalStateException(ex);
		}
	}

}
