package org.xiangzhi.authz;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.xiangzhi.platform.Role;

/**
 * One endpoint's row of the authorization matrix: the expected status for the anonymous
 * caller and for every role in every {@link Relation} to the addressed record.
 *
 * <p>
 * For endpoints that address a record ({@link #record(String)}), a role that is allowed
 * gets {@code status} for records inside its subtree and 404 — byte-identical to a
 * missing id — for records outside it; a role that is not allowed gets 403 everywhere.
 */
public final class Endpoint {

	final String method;

	final String pattern;

	String recordKind;

	Integer anonymousStatus;

	final Map<Role, Integer> allowedStatus = new EnumMap<>(Role.class);

	final Map<Role, Map<Relation, Integer>> overrides = new EnumMap<>(Role.class);

	boolean rolesDeclared;

	/** The status every role gets, when declared with {@link #everyRole(int)}. */
	Integer everyRoleStatus;

	final Map<String, String> params = new LinkedHashMap<>();

	/** The answer of a public endpoint, the same for everyone and every record. */
	Integer publicStatus;

	private Endpoint(String method, String pattern) {
		this.method = method;
		this.pattern = pattern;
	}

	public static Endpoint get(String pattern) {
		return new Endpoint("GET", pattern);
	}

	/** A mapping without a method condition (answers every method); checked with GET. */
	public static Endpoint any(String pattern) {
		return new Endpoint("ANY", pattern);
	}

	public static Endpoint post(String pattern) {
		return new Endpoint("POST", pattern);
	}

	/**
	 * The path variable ({@code {id}}, {@code {code}}...) addresses a record of this
	 * kind.
	 */
	public Endpoint record(String kind) {
		this.recordKind = kind;
		return this;
	}

	public Endpoint param(String name, String value) {
		params.put(name, value);
		return this;
	}

	public Endpoint anonymous(int status) {
		this.anonymousStatus = status;
		return this;
	}

	/** Every role gets {@code status}. */
	public Endpoint everyRole(int status) {
		for (Role role : Role.values()) {
			allowedStatus.put(role, status);
		}
		everyRoleStatus = status;
		rolesDeclared = true;
		return this;
	}

	/**
	 * A public endpoint (a resident's page): the anonymous caller, every role and an
	 * account without a role all get {@code status}, whatever record it addresses.
	 */
	public Endpoint sameForEveryone(int status) {
		anonymous(status);
		everyRole(status);
		publicStatus = status;
		return this;
	}

	/**
	 * What a signed-in account without any role gets: the every-role status (404 for a
	 * record, since its scope is empty), else 403.
	 */
	int expectedWithoutRole() {
		if (publicStatus != null) {
			return publicStatus;
		}
		if (everyRoleStatus == null) {
			return 403;
		}
		return recordKind != null ? 404 : everyRoleStatus;
	}

	/** The listed roles get {@code status}; every other role gets 403. */
	public Endpoint only(int status, Role... roles) {
		for (Role role : roles) {
			allowedStatus.put(role, status);
		}
		rolesDeclared = true;
		return this;
	}

	/** An exception to the rule for one role and relation. */
	public Endpoint except(Role role, Relation relation, int status) {
		overrides.computeIfAbsent(role, r -> new EnumMap<>(Relation.class)).put(relation, status);
		return this;
	}

	String key() {
		return method + " " + pattern;
	}

	boolean complete() {
		return anonymousStatus != null && rolesDeclared;
	}

	int expected(Role role, Relation relation) {
		if (publicStatus != null) {
			return publicStatus;
		}
		Map<Relation, Integer> special = overrides.get(role);
		if (special != null && special.containsKey(relation)) {
			return special.get(relation);
		}
		Integer allowed = allowedStatus.get(role);
		if (allowed == null) {
			return 403;
		}
		if (recordKind != null && !relation.inside()) {
			return 404;
		}
		return allowed;
	}

	@Override
	public String toString() {
		return key();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Endpoint e && e.key().equals(key());
	}

	@Override
	public int hashCode() {
		return Objects.hash(method, pattern);
	}

}
