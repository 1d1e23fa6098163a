package org.xiangzhi.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A stale write (someone else changed the record between this request's read and its
 * write) answers 409 with a generic body, not 500: JSON under {@code /api/}, the error
 * page elsewhere.
 */
class ErrorHandlingConflictTest {

	@RestController
	static class StaleWrites {

		@GetMapping({ "/api/v1/stale", "/accounts/stale" })
		String stale() {
			throw new OptimisticLockingFailureException("Failed to update versioned entity Account with id 7");
		}

	}

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new StaleWrites())
		.setControllerAdvice(new ErrorHandling())
		.build();

	@Test
	void theApiAnswers409WithoutTheExceptionsText() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/stale")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		assertThat(result.getResponse().getContentAsString()).contains("\"status\":409", "\"error\":\"conflict\"")
			.doesNotContain("Account", "versioned");
	}

	@Test
	void aPageAnswers409WithTheConflictPage() throws Exception {
		MvcResult result = mvc.perform(get("/accounts/stale")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(409);
		assertThat(result.getModelAndView()).isNotNull();
		assertThat(result.getModelAndView().getViewName()).isEqualTo("error/409");
	}

}
