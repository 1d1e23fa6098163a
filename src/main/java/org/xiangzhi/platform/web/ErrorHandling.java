package org.xiangzhi.platform.web;

import org.xiangzhi.platform.security.RequestPaths;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
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
	Object notFound(HttpServletRequest request) {
		return respond(request, HttpStatus.NOT_FOUND, NOT_FOUND_JSON);
	}

	@ExceptionHandler(OutOfScopeException.class)
	Object outOfScope(OutOfScopeException ex, HttpServletRequest request) {
		Object response = respond(request, HttpStatus.FORBIDDEN,
				Map.of("status", 403, "error", "forbidden", "code", ex.messageKey()));
		if (response instanceof ModelAndView view) {
			view.addObject("reasonKey", ex.messageKey());
		}
		return response;
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
		return respond(request, HttpStatus.CONFLICT, Map.of("status", 409, "error", "conflict"));
	}

	/** Tampered or undecryptable personal data: fail closed, show nothing of it. */
	@ExceptionHandler(PersonalData.PersonalDataException.class)
	Object personalData(HttpServletRequest request) {
		return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, Map.of("status", 500, "error", "internal"));
	}

	/**
	 * The JSON body under {@code /api/}, the standalone error page of the status
	 * elsewhere.
	 */
	private static Object respond(HttpServletRequest request, HttpStatus status, Map<String, Object> json) {
		if (isApi(request)) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(json);
		}
		ModelAndView view = new ModelAndView("error/" + status.value());
		view.setStatus(status);
		return view;
	}

	static boolean isApi(HttpServletRequest request) {
		return RequestPaths.of(request).startsWith("/api/");
	}

}
