package org.xiangzhi.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Error pages that the security filters forward to (any method, since a forward keeps
 * it).
 */
@Controller
class ErrorPagesController {

	@RequestMapping("/error/forbidden")
	String forbidden(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "error/403";
	}

	@RequestMapping("/error/too-many-requests")
	String tooManyRequests(HttpServletResponse response) {
		response.setStatus(429);
		return "error/429";
	}

}
