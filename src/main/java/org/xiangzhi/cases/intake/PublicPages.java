package org.xiangzhi.cases.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.xiangzhi.platform.RecordNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The residents' pages answer in their own light page, never with a stack trace or the
 * cadre shell: one generic message page for 404, 409, 413, 429 and 503.
 */
@ControllerAdvice(assignableTypes = { ReportController.class, TrackController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicPages {

	static final String MESSAGE = "cases/public/message";

	static String message(Model model, HttpServletResponse response, HttpStatus status, String titleKey,
			String textKey) {
		response.setStatus(status.value());
		response.setHeader("Cache-Control", "no-store");
		model.addAttribute("titleKey", titleKey);
		model.addAttribute("textKey", textKey);
		return MESSAGE;
	}

	static String notFound(Model model, HttpServletResponse response) {
		return message(model, response, HttpStatus.NOT_FOUND, "intake.notFound.title", "intake.notFound.text");
	}

	/** The generic 429: it does not say which limit, nor for how long. */
	static String tooMany(Model model, HttpServletResponse response) {
		return message(model, response, HttpStatus.TOO_MANY_REQUESTS, "intake.busy.title", "intake.busy.text");
	}

	/**
	 * The database is unreachable: say so at once (the pool gives up within 2 s) and
	 * issue no receipt.
	 */
	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, TransientDataAccessResourceException.class })
	ModelAndView unavailable(HttpServletResponse response) {
		response.setHeader("Retry-After", "60");
		return view(response, HttpStatus.SERVICE_UNAVAILABLE, "intake.unavailable.title", "intake.unavailable.text");
	}

	/** An unknown tracking code or photo: the resident's 404 page. */
	@ExceptionHandler(RecordNotFoundException.class)
	ModelAndView notFound(HttpServletResponse response) {
		return view(response, HttpStatus.NOT_FOUND, "intake.notFound.title", "intake.notFound.text");
	}

	/** A concurrent duplicate that could not wait for the first to commit. */
	@ExceptionHandler({ CannotAcquireLockException.class, PessimisticLockingFailureException.class })
	ModelAndView conflict(HttpServletResponse response) {
		return view(response, HttpStatus.CONFLICT, "intake.conflict.title", "intake.conflict.text");
	}

	static ModelAndView view(HttpServletResponse response, HttpStatus status, String titleKey, String textKey) {
		response.setHeader("Cache-Control", "no-store");
		ModelAndView view = new ModelAndView(MESSAGE);
		view.addObject("titleKey", titleKey);
		view.addObject("textKey", textKey);
		view.setStatus(status);
		return view;
	}

	/**
	 * Uploads over the multipart limits fail before any controller is chosen; on the
	 * report page they get the resident's page, not a 500.
	 */
	@ControllerAdvice
	static class UploadLimits {

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ModelAndView tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request,
				HttpServletResponse response) throws MultipartException {
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/r/")) {
				throw ex;
			}
			return view(response, HttpStatus.CONTENT_TOO_LARGE, "intake.tooLarge.title", "intake.tooLarge.text");
		}

	}

}
