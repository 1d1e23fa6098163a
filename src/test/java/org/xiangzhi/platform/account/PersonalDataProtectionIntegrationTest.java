package org.xiangzhi.platform.account;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xiangzhi.IntegrationTest;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.TestActors;
import org.xiangzhi.platform.WebSessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Phone numbers are ciphertext at rest, findable through the blind index, masked on every
 * page and API answer that shows them, and revealed only on request with an audit row;
 * tampered ciphertext fails closed.
 */
@IntegrationTest
class PersonalDataProtectionIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	PersonalData personalData;

	String phone;

	long id;

	@BeforeEach
	void anAccountWithAPhoneNumber() {
		long n = System.nanoTime() % 100_000_000L;
		phone = "137" + String.format("%08d", n);
		String username = "pd-" + Long.toString(System.nanoTime(), 36);
		Actor admin = TestActors.systemAdmin();
		id = accounts
			.create(admin,
					new AccountService.NewAccount(username, "隐私测试", phone, "Privacy-Check-2026", Role.PARTY_MEMBER,
							"620621110212"))
			.id();
	}

	@Test
	void aRawReadOfThePhoneColumnReturnsCiphertextAndTheBlindIndexFindsIt() {
		String stored = jdbc.sql("select phone_enc from account where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("v1:").doesNotContain(phone).doesNotContain(phone.substring(3));
		assertThat(jdbc.sql("select id from account where phone_bidx = :b")
			.param("b", personalData.blindIndex("phone", phone.substring(0, 3) + " " + phone.substring(3)))
			.query(Long.class)
			.list()).containsExactly(id);
	}

	@Test
	void everyPageThatShowsThePhoneShowsItMasked() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		String username = jdbc.sql("select username from account where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		for (String path : List.of("/accounts?q=" + username, "/accounts/" + id, "/api/v1/accounts?q=" + username,
				"/api/v1/accounts/" + id)) {
			String body = mvc.perform(get(path).cookie(admin)).andReturn().getResponse().getContentAsString();
			assertThat(body).as(path).contains(masked).doesNotContain(phone);
		}
		Cookie owner = WebSessions.login(mvc, username, "Privacy-Check-2026");
		String own = mvc.perform(get("/account").cookie(owner)).andReturn().getResponse().getContentAsString();
		assertThat(own).doesNotContain(phone);
	}

	@Test
	void revealingThePhoneIsAudited() throws Exception {
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		String revealed = mvc.perform(post("/accounts/" + id + "/phone").cookie(admin).with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(revealed).contains(phone);
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'REVEAL' and actor = 'county-admin' "
					+ "and object_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void tamperedCiphertextFailsClosedWithoutLeakingAnything() throws Exception {
		String stored = jdbc.sql("select phone_enc from account where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		char last = stored.charAt(stored.length() - 2);
		String tampered = stored.substring(0, stored.length() - 2) + (last == 'A' ? 'B' : 'A')
				+ stored.charAt(stored.length() - 1);
		jdbc.sql("update account set phone_enc = :t where id = :id").param("t", tampered).param("id", id).update();
		Cookie admin = WebSessions.login(mvc, "county-admin", "Xiangzhi@2026");
		var response = mvc.perform(get("/accounts/" + id).cookie(admin)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).doesNotContain(phone)
			.doesNotContain("Exception")
			.doesNotContain(tampered)
			.doesNotContain("at org.");
		String username = jdbc.sql("select username from account where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		String list = mvc.perform(get("/accounts?q=" + username).cookie(admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(username)
			.contains(org.xiangzhi.platform.Masking.UNREADABLE)
			.doesNotContain(phone.substring(7));
		// leave no broken row behind for other tests of the shared database
		jdbc.sql("update account set phone_enc = :s where id = :id").param("s", stored).param("id", id).update();
	}

}
