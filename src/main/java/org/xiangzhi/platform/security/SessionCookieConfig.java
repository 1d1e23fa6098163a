package org.xiangzhi.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, written by Spring Session (sessions live in the database):
 * HttpOnly, SameSite=Lax, Secure behind TLS, and under prod the {@code __Host-} prefix
 * that binds it to the exact host. Declared explicitly so the flags never depend on
 * auto-configuration defaults.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookieConfig {

	@Bean
	CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.name:XZSESSION}") String name,
			@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		serializer.setUseSecureCookie(secure);
		return serializer;
	}

}
