package org.xiangzhi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The client's address. Behind a reverse proxy,
 * {@code server.forward-headers-strategy=native} (set under prod) makes the container
 * resolve X-Forwarded-For from trusted proxies only.
 */
final class ClientAddress {

	private ClientAddress() {
	}

	static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return of(attributes.getRequest());
		}
		return "unknown";
	}

	static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
