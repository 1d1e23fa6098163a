package org.xiangzhi.party.study;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.xiangzhi.party.PartyOrgId;
import org.xiangzhi.platform.OrgPath;

/**
 * A study session of a party organisation (三会一课, 主题党日, 星期二理论课堂...).
 *
 * @param path the organisation's path (scope)
 * @param checkinCode the unguessable part of the check-in address in the QR code
 * @param questionCount the number of questions of its test; 0 when it has none
 */
public record StudySession(long id, PartyOrgId orgId, String orgName, OrgPath path, SessionKind kind, String title,
		Instant startsAt, String location, String agenda, String materials, SessionState state, String checkinCode,
		int passMark, Instant openedAt, Instant closedAt, long version, int questionCount) {

	/** Sessions are planned and shown in China time. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** 凡训必考: every session should end in a test; the pages warn when it has none. */
	public boolean hasTest() {
		return questionCount > 0;
	}

	public LocalDateTime localStart() {
		return LocalDateTime.ofInstant(startsAt, ZONE);
	}

	/** The agenda's lines, for pages. */
	public List<String> agendaLines() {
		return agenda == null ? List.of() : Arrays.stream(agenda.split("\\R")).toList();
	}

	/** A line of the materials: a link when it is an address, else text. */
	public record Material(String text, boolean link) {
	}

	public List<Material> materialLines() {
		if (materials == null || materials.isBlank()) {
			return List.of();
		}
		return Arrays.stream(materials.split("\\R"))
			.map(String::strip)
			.filter(l -> !l.isEmpty())
			.map(l -> new Material(l, l.startsWith("https://") || l.startsWith("http://")))
			.toList();
	}

}
