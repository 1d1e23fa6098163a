package org.xiangzhi.platform.security;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.CookieSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/** The session cookie's flags, as configured for production (checklist 3). */
class SessionCookieConfigTest {

	@Test
	void underProdTheSessionCookieIsSecureHttpOnlySameSiteAndHostBound() throws IOException {
		PropertySource<?> prod = new YamlPropertySourceLoader()
			.load("prod", new ClassPathResource("application-prod.yml"))
			.get(0);
		String name = String.valueOf(prod.getProperty("server.servlet.session.cookie.name"));
		boolean secure = Boolean.parseBoolean(String.valueOf(prod.getProperty("server.servlet.session.cookie.secure")));
		assertThat(name).startsWith("__Host-");
		assertThat(secure).isTrue();

		MockHttpServletResponse response = new MockHttpServletResponse();
		new SessionCookieConfig().cookieSerializer(name, secure)
			.writeCookieValue(new CookieSerializer.CookieValue(new MockHttpServletRequest(), response, "session-id"));
		assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-XZSESSION=")
			.contains("; Path=/")
			.contains("; Secure")
			.contains("; HttpOnly")
			.contains("; SameSite=Lax")
			.doesNotContain("Domain=");
	}

}
