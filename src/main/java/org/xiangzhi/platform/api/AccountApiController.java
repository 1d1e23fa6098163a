package org.xiangzhi.platform.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.account.Account;
import org.xiangzhi.platform.account.AccountService;

/** JSON API of the platform: who am I, and the accounts I administer. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "platform", description = "Accounts and the caller's identity")
class AccountApiController {

	private static final String DIRECTORY_READERS = "hasAnyRole('SYSTEM_ADMIN', 'COUNTY_ADMIN', 'TOWN_ADMIN', 'TOWN_CADRE', 'VILLAGE_CADRE')";

	private final AccountService accounts;

	AccountApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	/** The caller and the roles it holds. */
	record Me(String username, List<AssignmentJson> assignments) {
	}

	record AssignmentJson(String role, String placeCode, String orgPath) {
	}

	record AccountJson(long id, String username, String displayName, String phone, boolean enabled,
			List<AssignmentJson> assignments) {
	}

	@GetMapping("/me")
	@Operation(summary = "The authenticated account or token and its role assignments")
	Me me() {
		Actor actor = CurrentActor.get();
		return new Me(actor.username(), assignments(actor));
	}

	@GetMapping("/accounts")
	@PreAuthorize(DIRECTORY_READERS)
	@Operation(summary = "Accounts in the caller's administration scope, phone masked")
	AccountService.Page<AccountService.AccountSummary> accounts(@RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page) {
		return accounts.search(CurrentActor.get(), q, page);
	}

	@GetMapping("/accounts/{id}")
	@PreAuthorize(DIRECTORY_READERS)
	@Operation(summary = "One account in scope; 404 when missing or outside the scope")
	AccountJson account(@PathVariable long id) {
		Account account = accounts.view(CurrentActor.get(), id);
		return new AccountJson(account.id(), account.username(), account.displayName(), accounts.maskedPhone(account),
				account.enabled(), assignments(account.toActor()));
	}

	private static List<AssignmentJson> assignments(Actor actor) {
		return actor.assignments()
			.stream()
			.map(a -> new AssignmentJson(a.role().name(), a.placeCode(), a.path().value()))
			.toList();
	}

}
