package org.xiangzhi.platform.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Masking;
import org.xiangzhi.platform.OutOfScopeException;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;
import org.xiangzhi.platform.Submissions;

/**
 * Account administration inside the administrator's scope. Every method takes the acting
 * {@link Actor}; the scope comes from the actor's administrator assignments, never from
 * the request.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class AccountService {

	static final String OBJECT_TYPE = "account";

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AccountService.class);

	private static final int PAGE_SIZE = 20;

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	private final Places places;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy passwordPolicy;

	private final PersonalData personalData;

	private final AuditLog audit;

	private final Clock clock;

	/** Absent when the application runs as a command without a web server. */
	private final org.springframework.beans.factory.ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	private final Submissions submissions;

	AccountService(AccountRepository accounts, JdbcClient jdbc, Places places, PasswordEncoder passwordEncoder,
			PasswordPolicy passwordPolicy, PersonalData personalData, AuditLog audit, Clock clock,
			org.springframework.beans.factory.ObjectProvider<FindByIndexNameSessionRepository<?>> sessions,
			Submissions submissions) {
		this.submissions = submissions;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.places = places;
		this.passwordEncoder = passwordEncoder;
		this.passwordPolicy = passwordPolicy;
		this.personalData = personalData;
		this.audit = audit;
		this.clock = clock;
		this.sessions = sessions;
	}

	/** Roles that may read the account directory of their area (who works here). */
	static final Set<Role> DIRECTORY_READERS = Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN, Role.TOWN_ADMIN,
			Role.TOWN_CADRE, Role.VILLAGE_CADRE);

	/** The subtrees in which the actor administers accounts. */
	public static DataScope adminScope(Actor actor) {
		return actor.scopeWhere(Role::isAdmin);
	}

	/** The subtrees whose account directory the actor may read. */
	public static DataScope directoryScope(Actor actor) {
		return actor.scopeFor(DIRECTORY_READERS);
	}

	/** One row of the account list, with the phone already masked. */
	public record AccountSummary(long id, String username, String displayName, String maskedPhone, boolean enabled,
			boolean locked, String orgPath) {
	}

	/** A page of results and the total count. */
	public record Page<T>(List<T> items, int page, int pageSize, long total) {

		public int pages() {
			return (int) Math.max(1, (total + pageSize - 1) / pageSize);
		}

	}

	@Transactional(readOnly = true)
	public Page<AccountSummary> search(Actor actor, String query, int page) {
		DataScope.SqlCondition scope = directoryScope(actor).condition("org_path");
		StringBuilder where = new StringBuilder(" from account where ").append(scope.sql());
		Map<String, Object> params = new java.util.HashMap<>(scope.params());
		if (query != null && !query.isBlank()) {
			where.append(" and (lower(username) like :q or lower(display_name) like :q)");
			params.put("q", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		int safePage = Math.max(0, page);
		Instant now = clock.instant();
		List<AccountSummary> items = jdbc
			.sql("select id, username, display_name, phone_enc, enabled, locked_until, org_path" + where
					+ " order by username limit :limit offset :offset")
			.params(params)
			.param("limit", PAGE_SIZE)
			.param("offset", safePage * PAGE_SIZE)
			.query((rs, i) -> {
				java.sql.Timestamp locked = rs.getTimestamp("locked_until");
				return new AccountSummary(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
						maskedOrMarker(rs.getLong("id"), rs.getString("phone_enc")), rs.getBoolean("enabled"),
						locked != null && locked.toInstant().isAfter(now), rs.getString("org_path"));
			})
			.list();
		return new Page<>(items, safePage, PAGE_SIZE, total);
	}

	/**
	 * The account, if it lies in the actor's directory scope (read access).
	 * @throws RecordNotFoundException when it does not exist or lies outside the scope (a
	 * denied audit row is written in the second case)
	 */
	public Account view(Actor actor, long id) {
		return load(id, directoryScope(actor));
	}

	/**
	 * The account, if it lies in the actor's administration scope (write access).
	 * @throws RecordNotFoundException when it does not exist or lies outside the scope (a
	 * denied audit row is written in the second case)
	 */
	public Account get(Actor actor, long id) {
		return load(id, adminScope(actor));
	}

	/** Whether the actor may change this (already visible) account. */
	public static boolean canManage(Actor actor, Account account) {
		return adminScope(actor).contains(account.home());
	}

	private Account load(long id, DataScope scope) {
		Account account = accounts.findById(id).orElseThrow(() -> new RecordNotFoundException(OBJECT_TYPE, id));
		if (!scope.contains(account.home())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, OBJECT_TYPE, id, AuditOutcome.DENIED));
			throw new RecordNotFoundException(OBJECT_TYPE, id);
		}
		return account;
	}

	/** What an administrator submits to create an account. */
	public record NewAccount(String username, String displayName, String phone, String password, Role role,
			String placeCode) {
	}

	/** Purpose of the one-time token of the new-account form. */
	public static final String CREATE_FORM = "account.create";

	/**
	 * Creates the account once per form token: a double submit or a retry answers with
	 * the account the first submission created. The password is left out of the payload
	 * hash so that no unsalted hash of it is stored.
	 * @return the id of the account, new or from the first submission
	 * @throws InvalidInputException {@code submission.conflict} when the token was used
	 * for other data, {@code submission.expired} when it is unknown or too old
	 */
	public long createOnce(Actor actor, NewAccount command, String formToken) {
		Submissions.Claim claim = submissions.claim(formToken, CREATE_FORM, Submissions.hash(command.username(),
				command.displayName(), command.phone(), command.role(), command.placeCode()));
		Optional<String> replayed = claim.replayedResult();
		if (replayed.isPresent()) {
			return Long.parseLong(replayed.get());
		}
		long id = create(actor, command).id();
		submissions.complete(formToken, Long.toString(id));
		return id;
	}

	public Account create(Actor actor, NewAccount command) {
		Place place = places.require(command.placeCode(), adminScope(actor));
		GrantPolicy.check(actor, command.role(), place);
		String username = command.username().strip().toLowerCase(Locale.ROOT);
		if (accounts.existsByUsername(username)) {
			throw new InvalidInputException("username", "account.error.usernameTaken");
		}
		checkPassword(command.password(), username);
		Instant now = clock.instant();
		Account account = new Account(username, command.displayName().strip(),
				passwordEncoder.encode(command.password()), place.path(), now);
		account.mustChangePassword = true;
		setPhone(account, command.phone());
		account.assignments.add(new Account.RoleGrant(null, command.role(), place.code(), place.path().value()));
		Account saved = accounts.save(account);
		audit.record(AuditEntry.success(AuditActions.ACCOUNT_CREATED, OBJECT_TYPE, saved.id())
			.withDetail(command.role().name() + "@" + place.code()));
		return saved;
	}

	public void update(Actor actor, long id, String displayName, String phone, boolean enabled) {
		Account account = get(actor, id);
		account.displayName = displayName.strip();
		// a blank phone field keeps the stored number: the form never shows it in clear
		if (phone != null && !phone.isBlank()) {
			setPhone(account, phone);
		}
		boolean disabledNow = account.enabled && !enabled;
		account.enabled = enabled;
		accounts.save(account);
		audit.record(AuditEntry.success(AuditActions.ACCOUNT_UPDATED, OBJECT_TYPE, id)
			.withDetail(enabled ? "enabled" : "disabled"));
		if (disabledNow) {
			endSessions(account);
		}
	}

	public void grant(Actor actor, long id, Role role, String placeCode) {
		Account account = get(actor, id);
		Place place = places.require(placeCode, adminScope(actor));
		GrantPolicy.check(actor, role, place);
		boolean added = account.assignments.stream()
			.noneMatch(g -> g.role() == role && g.placeCode().equals(placeCode));
		if (added) {
			account.assignments.add(new Account.RoleGrant(null, role, place.code(), place.path().value()));
			accounts.save(account);
			audit.record(AuditEntry.success(AuditActions.ROLE_GRANTED, OBJECT_TYPE, id)
				.withDetail(role.name() + "@" + place.code()));
			endSessions(account);
		}
	}

	public void revoke(Actor actor, long id, Role role, String placeCode) {
		Account account = get(actor, id);
		Place place = places.require(placeCode, adminScope(actor));
		GrantPolicy.check(actor, role, place);
		if (account.assignments.removeIf(g -> g.role() == role && g.placeCode().equals(placeCode))) {
			accounts.save(account);
			audit.record(AuditEntry.success(AuditActions.ROLE_REVOKED, OBJECT_TYPE, id)
				.withDetail(role.name() + "@" + place.code()));
			endSessions(account);
		}
	}

	/** Sets a new initial password that the owner must change at the next login. */
	public void resetPassword(Actor actor, long id, String newPassword) {
		Account account = get(actor, id);
		requireManageable(actor, account);
		checkPassword(newPassword, account.username);
		account.passwordHash = passwordEncoder.encode(newPassword);
		account.passwordChangedAt = clock.instant();
		account.mustChangePassword = true;
		account.failedAttempts = 0;
		account.lockedUntil = null;
		accounts.save(account);
		audit.record(AuditEntry.success(AuditActions.PASSWORD_RESET, OBJECT_TYPE, id));
		endSessions(account);
	}

	/** Lifts a lock and restarts the dormancy clock of an unused account. */
	public void unlock(Actor actor, long id) {
		Account account = get(actor, id);
		account.failedAttempts = 0;
		account.lockedUntil = null;
		account.reactivatedAt = clock.instant();
		accounts.save(account);
		audit.record(AuditEntry.success(AuditActions.ACCOUNT_UNLOCKED, OBJECT_TYPE, id));
	}

	/** The unmasked phone number; every call is audited. */
	public String revealPhone(Actor actor, long id) {
		Account account = get(actor, id);
		audit.record(AuditEntry.success(AuditActions.REVEAL, OBJECT_TYPE, id).withDetail("phone"));
		String phone = personalData.decrypt(account.phoneEnc);
		return phone == null ? "" : phone;
	}

	/** The owner changes their own password, proving the current one. */
	public void changeOwnPassword(long accountId, String currentPassword, String newPassword) {
		Account account = accounts.findById(accountId)
			.orElseThrow(() -> new RecordNotFoundException(OBJECT_TYPE, accountId));
		if (!passwordEncoder.matches(currentPassword, account.passwordHash)) {
			throw new InvalidInputException("currentPassword", "account.error.currentPassword");
		}
		if (passwordEncoder.matches(newPassword, account.passwordHash)) {
			throw new InvalidInputException("newPassword", "account.error.samePassword");
		}
		checkPassword(newPassword, account.username);
		account.passwordHash = passwordEncoder.encode(newPassword);
		account.passwordChangedAt = clock.instant();
		account.mustChangePassword = false;
		accounts.save(account);
		audit.record(AuditEntry.success(AuditActions.PASSWORD_CHANGED, OBJECT_TYPE, accountId));
	}

	/**
	 * In a list, one undecryptable row must not hide all others: it shows a marker
	 * instead of any digit (fail closed) and is logged for the operators.
	 */
	private String maskedOrMarker(long id, String ciphertext) {
		try {
			return Masking.phone(personalData.decrypt(ciphertext));
		}
		catch (PersonalData.PersonalDataException ex) {
			log.warn("Phone of account {} cannot be decrypted (tampered or wrong key)", id);
			return Masking.UNREADABLE;
		}
	}

	/** Masked phone of an account already loaded in scope. */
	public String maskedPhone(Account account) {
		return Masking.phone(personalData.decrypt(account.phoneEnc));
	}

	/** Roles the actor may grant, for the forms. */
	public static List<Role> grantableRoles(Actor actor) {
		int best = actor.assignments()
			.stream()
			.filter(a -> a.role().isAdmin())
			.mapToInt(a -> a.role().rank())
			.max()
			.orElse(-1);
		List<Role> roles = new ArrayList<>();
		for (Role role : Role.values()) {
			if (role.rank() <= best) {
				roles.add(role);
			}
		}
		return roles;
	}

	/** One role of an account with the name of its place, for display. */
	public record GrantView(Role role, String placeCode, String placeName) {
	}

	/** The account's roles in a stable order, with place names. */
	@Transactional(readOnly = true)
	public List<GrantView> grantsOf(Account account) {
		return account.assignments()
			.stream()
			.sorted(java.util.Comparator.comparing(Account.RoleGrant::orgPath).thenComparing(g -> g.role().name()))
			.map(g -> new GrantView(g.role(), g.placeCode(),
					places.find(g.placeCode()).map(Place::name).orElse(g.placeCode())))
			.toList();
	}

	/** Places where the actor administers accounts, for the forms. */
	@Transactional(readOnly = true)
	public List<Place> placesFor(Actor actor) {
		return places.within(adminScope(actor), 2000);
	}

	private void requireManageable(Actor actor, Account account) {
		for (Account.RoleGrant grant : account.assignments) {
			Place place = places.find(grant.placeCode()).orElseThrow();
			GrantPolicy.check(actor, grant.role(), place);
		}
	}

	/**
	 * Message keys of the password rules this password breaks; empty when it is
	 * acceptable.
	 */
	public List<String> passwordViolations(String password, String username) {
		return passwordPolicy.violations(password == null ? "" : password, username == null ? "" : username);
	}

	private void checkPassword(String password, String username) {
		List<String> violations = passwordPolicy.violations(password == null ? "" : password, username);
		if (!violations.isEmpty()) {
			throw new InvalidInputException("password", violations);
		}
	}

	private void setPhone(Account account, String phone) {
		if (phone == null || phone.isBlank()) {
			account.phoneEnc = null;
			account.phoneBidx = null;
		}
		else {
			account.phoneEnc = personalData.encrypt(phone.strip());
			account.phoneBidx = personalData.blindIndex("phone", phone);
		}
	}

	/** Role or status changes take effect at once: the account's sessions end. */
	private void endSessions(Account account) {
		sessions.ifAvailable(repository -> {
			Set<String> ids = repository.findByPrincipalName(account.username).keySet();
			ids.forEach(repository::deleteById);
		});
	}

	static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
