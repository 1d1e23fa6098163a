package org.xiangzhi.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.xiangzhi.authz.Endpoint;
import org.xiangzhi.authz.MatrixContribution;
import org.xiangzhi.authz.MatrixFixtures;
import org.xiangzhi.authz.RecordFactory;

import static org.xiangzhi.authz.Endpoint.get;
import static org.xiangzhi.authz.Endpoint.post;
import static org.xiangzhi.platform.Role.AUDITOR;
import static org.xiangzhi.platform.Role.COUNTY_ADMIN;
import static org.xiangzhi.platform.Role.SYSTEM_ADMIN;
import static org.xiangzhi.platform.Role.TOWN_ADMIN;

/** The platform module's rows of the authorization matrix. */
public class PlatformMatrix implements MatrixContribution {

	private static final Role[] ADMINS = { SYSTEM_ADMIN, COUNTY_ADMIN, TOWN_ADMIN };

	/** Admins plus the cadres who may read the account directory of their area. */
	private static final Role[] DIRECTORY = { SYSTEM_ADMIN, COUNTY_ADMIN, TOWN_ADMIN, Role.TOWN_CADRE,
			Role.VILLAGE_CADRE };

	@Override
	public List<Endpoint> endpoints() {
		return List.of(
				// public pages and documents
				get("/login").anonymous(200).everyRole(200), get("/api/v1/openapi").anonymous(200).everyRole(200),
				get("/api/v1/openapi.yaml").anonymous(200).everyRole(200),
				Endpoint.any("/error/forbidden").anonymous(403).everyRole(403),
				Endpoint.any("/error/too-many-requests").anonymous(429).everyRole(429),
				Endpoint.any("/error").anonymous(500).everyRole(500),
				// every signed-in account
				get("/").anonymous(302).everyRole(200), get("/login/totp").anonymous(302).everyRole(200),
				post("/login/totp").param("code", "123456").anonymous(302).everyRole(302),
				get("/account").anonymous(302).everyRole(200), get("/account/password").anonymous(302).everyRole(200),
				post("/account/password").param("currentPassword", "wrong-password")
					.param("newPassword", "Another-Password-2026")
					.param("confirmPassword", "Another-Password-2026")
					.anonymous(302)
					.everyRole(200),
				get("/account/totp").anonymous(302).everyRole(200),
				post("/account/totp").param("code", "123456").anonymous(302).everyRole(302),
				get("/api/v1/me").anonymous(401).everyRole(200),
				// account administration
				get("/accounts").anonymous(302).only(200, DIRECTORY),
				get("/accounts/new").anonymous(302).only(200, ADMINS),
				post("/accounts").anonymous(302).only(200, ADMINS),
				get("/accounts/{id}").record("account").anonymous(302).only(200, DIRECTORY),
				post("/accounts/{id}").record("account")
					.param("displayName", "Matrix")
					.param("phone", "")
					.param("enabled", "true")
					.anonymous(302)
					.only(302, ADMINS),
				post("/accounts/{id}/roles").record("account")
					.param("role", "PARTY_MEMBER")
					.param("placeCode", "620621110212")
					.anonymous(302)
					.only(302, ADMINS),
				post("/accounts/{id}/roles/revoke").record("account")
					.param("role", "PARTY_MEMBER")
					.param("placeCode", "620621110212")
					.anonymous(302)
					.only(302, ADMINS),
				post("/accounts/{id}/password").record("account")
					.param("password", "short")
					.anonymous(302)
					.only(302, ADMINS),
				post("/accounts/{id}/unlock").record("account").anonymous(302).only(302, ADMINS),
				post("/accounts/{id}/phone").record("account").anonymous(302).only(200, ADMINS),
				get("/api/v1/accounts").anonymous(401).only(200, DIRECTORY),
				get("/api/v1/accounts/{id}").record("account").anonymous(401).only(200, DIRECTORY),
				// integration tokens
				get("/api-tokens").anonymous(302).only(200, ADMINS),
				post("/api-tokens").param("name", "")
					.param("role", "AUDITOR")
					.param("placeCode", "620621")
					.anonymous(302)
					.only(302, ADMINS),
				post("/api-tokens/{id}/revoke").record("api_token").anonymous(302).only(302, ADMINS),
				// audit: the auditor only (separation of duties)
				get("/audit").anonymous(302).only(200, AUDITOR),
				post("/audit/verify").anonymous(302).only(200, AUDITOR),
				// operations
				get("/actuator/health").anonymous(200).everyRole(200),
				get("/actuator/health/**").anonymous(200).everyRole(200),
				get("/actuator").anonymous(401).everyRole(403), get("/actuator/info").anonymous(401).everyRole(403),
				get("/actuator/prometheus").anonymous(401).only(200, SYSTEM_ADMIN, COUNTY_ADMIN));
	}

	@Override
	public Map<String, RecordFactory> recordFactories() {
		return Map.of("account", (place, context) -> {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			String username = "mx-rec-" + place.code().toLowerCase() + "-" + Long.toString(System.nanoTime(), 36);
			return String.valueOf(
					MatrixFixtures.insertAccount(jdbc, username, place, MatrixFixtures.roleAllowedAt(place.level())));
		}, "api_token", (place, context) -> {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			long creator = jdbc.sql("select min(id) from account").query(Long.class).single();
			String hash = Long.toString(System.nanoTime(), 16) + place.code();
			jdbc.sql("insert into api_token (name, token_hash, token_prefix, role, place_code, org_path, created_by, "
					+ "created_at) values ('matrix', :h, 'xzt_matrix', :r, :c, :p, :by, :now)")
				.param("h", hash)
				.param("r", MatrixFixtures.roleAllowedAt(place.level()).name())
				.param("c", place.code())
				.param("p", place.path().value())
				.param("by", creator)
				.param("now", Timestamp.from(Instant.now()))
				.update();
			return String.valueOf(jdbc.sql("select id from api_token where token_hash = :h")
				.param("h", hash)
				.query(Long.class)
				.single());
		});
	}

}
