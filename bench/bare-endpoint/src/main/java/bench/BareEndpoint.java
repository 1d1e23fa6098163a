package bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline: what Spring Boot and the JDBC driver cost for one insert of a case row into
 * the very table Xiangzhi writes (same indexes), for one read by primary key, and for one
 * password check ({@code POST /bare/login}: the account's hash read by username from
 * Xiangzhi's {@code account} table, verified with the encoder Xiangzhi uses). No security,
 * no validation, no routing, no timeline, no session, no CSRF, no audit: the ratio against
 * it is what Xiangzhi's own work costs.
 */
@SpringBootApplication
@RestController
public class BareEndpoint {

	private final JdbcClient jdbc;

	/** As Xiangzhi's PasswordConfig: {bcrypt} (strength 10) for every hash it writes. */
	private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	BareEndpoint(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public static void main(String[] args) {
		SpringApplication.run(BareEndpoint.class, args);
	}

	/** One insert: the JSON body is read and its description stored. */
	@PostMapping("/bare/cases")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> insert(@RequestBody Map<String, Object> body) {
		Instant at = Instant.now();
		Timestamp now = Timestamp.from(at);
		// deadlines in the future as Xiangzhi sets them (1, 3, 10 working days; revisit after
		// 30 days): rows due "now" would be overdue at once and set Xiangzhi's overdue job
		// to work during the benchmark
		Timestamp acceptDue = Timestamp.from(at.plus(Duration.ofDays(1)));
		Timestamp dispatchDue = Timestamp.from(at.plus(Duration.ofDays(3)));
		Timestamp handleDue = Timestamp.from(at.plus(Duration.ofDays(10)));
		Timestamp revisitDue = Timestamp.from(at.plus(Duration.ofDays(30)));
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		String code = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
		jdbc.sql("insert into case_record (tracking_code, org_path, county_code, town_code, village_code, unit_code, "
				+ "handling_level, category_code, dispute, status, channel, description, submitted_at, accept_due, "
				+ "dispatch_due, handle_due, revisit_due, version, updated_at) values (:code, "
				+ "'/62/6206/620621/620621110/620621110212/', '620621', '620621110', '620621110212', '620621110212', "
				+ "'VILLAGE', 'other', false, 'SUBMITTED', 'API', :d, :now, :acceptDue, :dispatchDue, :handleDue, :revisitDue, 0, :now)")
			.param("code", code)
			.param("d", String.valueOf(body.getOrDefault("description", "")))
			.param("now", now)
			.param("acceptDue", acceptDue)
			.param("dispatchDue", dispatchDue)
			.param("handleDue", handleDue)
			.param("revisitDue", revisitDue)
			.update(keys, "id");
		return Map.of("id", keys.getKey().longValue(), "tracking_code", code);
	}

	/** One indexed read. */
	@GetMapping("/bare/cases/{id}")
	Map<String, Object> read(@PathVariable long id) {
		return jdbc.sql("select id, tracking_code, status, description from case_record where id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	/**
	 * The floor of a login: one read of the account's password hash by username (unique
	 * index) and one check with Xiangzhi's encoder. Form fields {@code username} and
	 * {@code password}; 200 on a match, 401 otherwise (unknown usernames too, without a
	 * dummy check).
	 */
	@PostMapping("/bare/login")
	ResponseEntity<Void> login(@RequestParam String username, @RequestParam String password) {
		String hash = jdbc.sql("select password_hash from account where username = :u")
			.param("u", username)
			.query(String.class)
			.optional()
			.orElse(null);
		boolean match = hash != null && passwords.matches(password, hash);
		return ResponseEntity.status(match ? HttpStatus.OK : HttpStatus.UNAUTHORIZED).build();
	}

}
