package org.xiangzhi.cases.intake;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With the database down, the residents' pages answer 503 at once instead of a 500: the
 * failure can come from outside any controller (the JDBC session store loads the session
 * before Spring Security checks the CSRF token), so it is caught here, in front of every
 * other filter. The page is a fixed bilingual text: rendering it needs nothing that could
 * be down. No receipt is ever shown, because no transaction committed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	static final String PAGE = """
			<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">\
			<meta name="viewport" content="width=device-width, initial-scale=1">\
			<title>暂时无法提交 · Temporarily unavailable</title></head><body>\
			<h1>暂时无法提交</h1><p>系统暂时无法保存您的反映，没有生成查询码。请稍后再试；紧急情况请直接联系村委会或拨打 12345。</p>\
			<h2 lang="en">Temporarily unavailable</h2><p lang="en">Your report could not be saved and no tracking code \
			was issued. Please try again later; in an emergency call the village committee or 12345.</p>\
			</body></html>""";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/r/") || path.equals("/track") || path.startsWith("/track/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!databaseDown(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("database unreachable on {} {}: answered 503", request.getMethod(), request.getRequestURI());
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader("Retry-After", "60");
			response.setHeader("Cache-Control", "no-store");
			response.setContentType("text/html;charset=UTF-8");
			response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
		}
	}

	static boolean databaseDown(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
