package org.xiangzhi.platform;

import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Real form logins through the security filter chain, with the session cookie as a
 * browser keeps it.
 */
public final class WebSessions {

	public static final String COOKIE = "XZSESSION";

	private WebSessions() {
	}

	/**
	 * Posts the login form; the response carries the redirect and, on success, a session
	 * cookie.
	 */
	public static MockHttpServletResponse postLogin(MockMvc mvc, String username, String password, String address,
			Cookie... cookies) throws Exception {
		var request = post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with(from(address));
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/** Logs in and returns the session cookie; fails unless the login succeeded. */
	public static Cookie login(MockMvc mvc, String username, String password) throws Exception {
		MockHttpServletResponse response = postLogin(mvc, username, password, "127.0.0.1");
		if (response.getStatus() != 302 || String.valueOf(response.getRedirectedUrl()).contains("error")) {
			throw new AssertionError("login of " + username + " failed: " + response.getRedirectedUrl());
		}
		return response.getCookie(COOKIE);
	}

	/**
	 * The one-time form token of the page at {@code path} (the hidden
	 * {@code submissionToken}).
	 */
	public static String formToken(MockMvc mvc, Cookie session, String path) throws Exception {
		String html = mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"")
			.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no submissionToken on " + path);
		}
		return matcher.group(1);
	}

	/** A request from the given client address. */
	public static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/**
	 * The Spring Session id inside a session cookie (the cookie holds it base64-encoded).
	 */
	public static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()));
	}

}
