package org.xiangzhi.platform.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request's path inside the application, independent of how the servlet is mapped.
 */
public final class RequestPaths {

	private RequestPaths() {
	}

	public static String of(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	/**
	 * The JSON API and the operations endpoints answer with status codes, never with a
	 * login page.
	 */
	public static boolean isApi(HttpServletRequest request) {
		String path = of(request);
		return path.startsWith("/api/") || path.startsWith("/actuator");
	}

}
