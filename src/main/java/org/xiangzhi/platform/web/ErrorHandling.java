package org.xiangzhi.platform.web;

import org.xiangzhi.platform.security.RequestPaths;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;
import org.xiangzhi.platform.OutOfScopeException;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.RecordNotFoundException;

/**
 * Maps the platform's exceptions to responses. "Not found" and "outside your scope" are
 * the same exception and therefore the same bytes; error bodies never carry a stack
 * trace, SQL, a path or a timestamp.
 */
@RestControllerAdvice
class ErrorHandling {

	static final Map<String, Object> NOT_FOUND_JSON = Map.of("status", 404, "error", "not_found");

	@ExceptionHandler(RecordNotFoundException.class)
	Object notFound(HttpServletRequest request, HttpServletResponse response) {
		if (isApi(request)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_JSON)
				.body(NOT_FOUND_JSON);
		}
		ModelAndView view = new ModelAndView("error/404");
		view.setStatus(HttpStatus.NOT_FOUND);
		return view;
	}

	@ExceptionHandler(OutOfScopeException.class)
	Object outOfScope(OutOfScopeException ex, HttpServletRequest request) {
		if (isApi(request)) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", 403, "error", "forbidden", "code", ex.messageKey()));
		}
		ModelAndView view = new ModelAndView("error/403");
		view.addObject("reasonKey", ex.messageKey());
		view.setStatus(HttpStatus.FORBIDDEN);
		return view;
	}

	/**
	 * A record that someone else changed between this request's read and its write (a
	 * stale version: an administrator's edit of an account racing a login of that
	 * account, say). Nothing of the request was written; the user reloads and tries
	 * again. A module that can say more (the cases' concurrent transitions) maps its own
	 * exception.
	 */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	Object conflict(HttpServletRequest request) {
		if (isApi(request)) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", 409, "error", "conflict"));
		}
		ModelAndView view = new ModelAndView("error/409");
		view.setStatus(HttpStatus.CONFLICT);
		return view;
	}

	/** Tampered or undecryptable personal data: fail closed, show nothing of it. */
	@ExceptionHandler(PersonalData.PersonalDataException.class)
	Object personalData(HttpServletRequest request) {
		if (isApi(request)) {
			return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("status", 500, "error", "internal"));
		}
		ModelAndView view = new ModelAndView("error/500");
		view.setStatus(HttpStatus.INTERNAL_SERVER_ERROR);
		return view;
	}

	static boolean isApi(HttpServletRequest request) {
		return RequestPaths.of(request).startsWith("/api/");
	}

}
