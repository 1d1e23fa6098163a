package org.xiangzhi.platform.account;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to accounts for authentication; no scope applies before login. */
@Service
@Transactional(readOnly = true)
public class Accounts {

	private final AccountRepository repository;

	Accounts(AccountRepository repository) {
		this.repository = repository;
	}

	public Optional<Account> byUsername(String username) {
		return repository.findByUsername(username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT));
	}

	public Optional<Account> byId(long id) {
		return repository.findById(id);
	}

}
