package org.xiangzhi.notify;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A notice published in a transaction lands in its recipient's inbox after the commit;
 * only the recipient sees it and can open it, in Chinese and in English.
 */
@IntegrationTest
class InboxIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	long accountId(String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	long messageId(long account, String marker) {
		return jdbc.sql("select id from inbox_message where account_id = :a and args = :m")
			.param("a", account)
			.param("m", marker)
			.query(Long.class)
			.single();
	}

	void publish(long account, String marker, String link) {
		tx.executeWithoutResult(status -> events.publishEvent(new NoticeRequested(List.of(account, account),
				"CASE_OVERDUE", "case.notice.overdue.HANDLE", List.of(marker), link)));
	}

	@Test
	void aNoticeIsStoredForItsRecipientAndShownOnlyToThem() throws Exception {
		long townAdmin = accountId("town-admin");
		String marker = "TEST-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		publish(townAdmin, marker, "/cases/123456");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from inbox_message where args = :m")
				.param("m", marker)
				.query(Long.class)
				.single() == 1);
		long id = messageId(townAdmin, marker);

		Cookie town = WebSessions.login(mvc, "town-admin", "Xiangzhi@2026");
		String zh = mvc.perform(get("/inbox").cookie(town)).andReturn().getResponse().getContentAsString();
		assertThat(zh).contains("案件 " + marker + " 已超过办结时限").contains("条未读").contains("data-unread=\"true\"");
		String en = mvc.perform(get("/inbox").param("lang", "en").cookie(town))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(en).contains("Case " + marker + " is past its time limit for handling").contains("unread");
		String json = mvc.perform(get("/api/v1/inbox").cookie(town)).andReturn().getResponse().getContentAsString();
		assertThat(json).contains(marker).contains("\"unread\"");

		// another account neither sees nor opens it
		Cookie village = WebSessions.login(mvc, "village-cadre", "Xiangzhi@2026");
		assertThat(mvc.perform(get("/inbox").cookie(village)).andReturn().getResponse().getContentAsString())
			.doesNotContain(marker);
		assertThat(mvc.perform(post("/inbox/read").param("id", String.valueOf(id)).cookie(village).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);

		// the recipient opens it: read, and on to the case
		var opened = mvc.perform(post("/inbox/read").param("id", String.valueOf(id)).cookie(town).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(opened.getStatus()).isEqualTo(302);
		assertThat(opened.getRedirectedUrl()).isEqualTo("/cases/123456");
		assertThat(jdbc.sql("select read_at from inbox_message where id = :id")
			.param("id", id)
			.query(java.sql.Timestamp.class)
			.single()).isNotNull();
	}

	@Test
	void markAllReadAndForeignLinksAreDropped() throws Exception {
		long cadre = accountId("village-cadre-2");
		String marker = "ALL-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
		publish(cadre, marker, "https://evil.example/phish");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from inbox_message where args = :m")
				.param("m", marker)
				.query(Long.class)
				.single() == 1);
		assertThat(jdbc.sql("select link from inbox_message where args = :m")
			.param("m", marker)
			.query(String.class)
			.optional()).isEmpty();
		Cookie session = WebSessions.login(mvc, "village-cadre-2", "Xiangzhi@2026");
		var done = mvc.perform(post("/inbox/read-all").cookie(session).with(csrf())).andReturn().getResponse();
		assertThat(done.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from inbox_message where account_id = :a and read_at is null")
			.param("a", cadre)
			.query(Long.class)
			.single()).isZero();
		var opened = mvc.perform(
				post("/inbox/read").param("id", String.valueOf(messageId(cadre, marker))).cookie(session).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(opened.getRedirectedUrl()).isEqualTo("/inbox");
	}

}
