package org.xiangzhi.platform.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.util.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.PersonalData;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.Role;

/**
 * Demo places and accounts for the embedded default, loaded on the first start (and
 * topped up idempotently on later starts). Never under {@code prod}: the production guard
 * refuses to start while demo accounts exist.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "xiangzhi.demo.enabled", havingValue = "true")
@Order(0)
class DemoData implements ApplicationRunner {

	/** The password of every demo account (README). */
	static final String DEMO_PASSWORD = "Xiangzhi@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	/** username, display name, role, place code, phone (synthetic). */
	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("admin", "系统管理员", Role.SYSTEM_ADMIN, "000000", "13900000001"),
			new DemoAccount("county-admin", "民勤县管理员", Role.COUNTY_ADMIN, "620621", "13900000002"),
			new DemoAccount("town-admin", "苏武镇管理员", Role.TOWN_ADMIN, "620621110", "13900000003"),
			new DemoAccount("town-cadre", "收成镇干部", Role.TOWN_CADRE, "620621116", "13900000004"),
			new DemoAccount("village-cadre", "橙槽村干部", Role.VILLAGE_CADRE, "620621110212", "13900000005"),
			new DemoAccount("village-cadre-2", "珍宝村干部", Role.VILLAGE_CADRE, "620621116202", "13900000006"),
			new DemoAccount("grid-worker", "橙槽村第一网格员", Role.GRID_WORKER, "620621110212G01", "13900000007"),
			new DemoAccount("party-member", "橙槽村党员", Role.PARTY_MEMBER, "620621110212", "13900000008"),
			new DemoAccount("mediator", "苏武镇调解员", Role.MEDIATOR, "620621110", "13900000009"),
			new DemoAccount("auditor", "民勤县审计员", Role.AUDITOR, "620621", "13900000010"),
			new DemoAccount("qingshui-admin", "清水镇管理员", Role.TOWN_ADMIN, "620902101", "13900000011"));

	private final Places places;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PersonalData personalData;

	private final Clock clock;

	DemoData(Places places, JdbcClient jdbc, PasswordEncoder encoder, PersonalData personalData, Clock clock) {
		this.places = places;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.personalData = personalData;
		this.clock = clock;
	}

	record DemoAccount(String username, String displayName, Role role, String placeCode, String phone) {
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		loadPlaces();
		int created = 0;
		// one hash for all accounts, which share one published password:
		// each bcrypt hash costs about 0.1 s of the first start (issue 6)
		Lazy<String> hash = Lazy.of(() -> encoder.encode(DEMO_PASSWORD));
		for (DemoAccount demo : ACCOUNTS) {
			if (createIfAbsent(demo, hash)) {
				created++;
			}
		}
		StringBuilder table = new StringBuilder();
		for (DemoAccount demo : ACCOUNTS) {
			table.append(String.format("%n    %-16s %-14s %s", demo.username(), demo.role(), demo.placeCode()));
		}
		log.warn("Demo data ready ({} new accounts). NOT FOR PRODUCTION. Demo accounts, all with password {}:{}",
				created, DEMO_PASSWORD, table);
	}

	private void loadPlaces() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("platform/demo-places.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
				String[] f = line.split(",");
				places.addIfAbsent(f[0], f[1], PlaceLevel.valueOf(f[2]), f[3]);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean createIfAbsent(DemoAccount demo, Supplier<String> passwordHash) {
		boolean exists = jdbc.sql("select count(*) from account where username = :u")
			.param("u", demo.username())
			.query(Integer.class)
			.single() > 0;
		if (exists) {
			return false;
		}
		Place place = places.find(demo.placeCode()).orElseThrow();
		var now = java.sql.Timestamp.from(clock.instant());
		jdbc.sql("insert into account (username, display_name, password_hash, org_path, phone_enc, phone_bidx, demo, "
				+ "password_changed_at, created_at) values (:u, :d, :h, :p, :pe, :pb, true, :now, :now)")
			.param("u", demo.username())
			.param("d", demo.displayName())
			.param("h", passwordHash.get())
			.param("p", place.path().value())
			.param("pe", personalData.encrypt(demo.phone()))
			.param("pb", personalData.blindIndex("phone", demo.phone()))
			.param("now", now)
			.update();
		long id = jdbc.sql("select id from account where username = :u")
			.param("u", demo.username())
			.query(Long.class)
			.single();
		jdbc.sql("insert into role_assignment (account_id, role, place_code, org_path) values (:a, :r, :c, :p)")
			.param("a", id)
			.param("r", demo.role().name())
			.param("c", place.code())
			.param("p", place.path().value())
			.update();
		return true;
	}

}
