package org.xiangzhi.registry.household;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.platform.Role;

/**
 * Each county's own list of household and resident tags (脱贫户, 留守老人 …). A county without
 * its own list uses the defaults; the first change copies the defaults into the county's
 * list, which from then on replaces them. Tags already on households stay; a removed tag
 * is just no longer offered.
 */
@Service
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class TagSettings {

	/** Who configures tags: county and system administrators. */
	public static final String CAN_CONFIGURE = "hasAnyRole('SYSTEM_ADMIN','COUNTY_ADMIN')";

	public static final List<String> TARGETS = List.of("HOUSEHOLD", "RESIDENT");

	private final JdbcClient jdbc;

	private final Places places;

	private final RegistryLookups lookups;

	private final AuditLog audit;

	TagSettings(JdbcClient jdbc, Places places, RegistryLookups lookups, AuditLog audit) {
		this.jdbc = jdbc;
		this.places = places;
		this.lookups = lookups;
		this.audit = audit;
	}

	/** The scope in which the actor configures tags. */
	static DataScope scope(Actor actor) {
		return actor.scopeFor(java.util.Set.of(Role.SYSTEM_ADMIN, Role.COUNTY_ADMIN));
	}

	/** Counties whose tags the actor may configure, in code order. */
	@Transactional(readOnly = true)
	public List<Place> counties(Actor actor) {
		DataScope.SqlCondition condition = scope(actor).condition("org_path");
		return jdbc
			.sql("select code from place where level = 'COUNTY' and " + condition.sql() + " order by code limit 500")
			.params(condition.params())
			.query(String.class)
			.list()
			.stream()
			.map(code -> places.find(code).orElseThrow())
			.toList();
	}

	/** The county, if the actor may configure it; otherwise "not found". */
	public Place county(Actor actor, String code) {
		Place county = places.find(code).filter(p -> p.level() == PlaceLevel.COUNTY).orElse(null);
		if (county == null) {
			throw new RecordNotFoundException("county", code);
		}
		if (!scope(actor).contains(county.path())) {
			audit.record(AuditEntry.of("SCOPE_DENIED", "county", code, AuditOutcome.DENIED));
			throw new RecordNotFoundException("county", code);
		}
		return county;
	}

	/** Whether the county has its own list for the target (else it uses the defaults). */
	@Transactional(readOnly = true)
	public boolean hasOwnList(String countyCode, String target) {
		return jdbc.sql("select count(*) from tag_definition where county_code = :c and target = :t")
			.param("c", countyCode)
			.param("t", target)
			.query(Long.class)
			.single() > 0;
	}

	public List<RegistryLookups.TagDefinition> tags(String countyCode, String target) {
		return lookups.tags(countyCode, target);
	}

	public void add(Actor actor, String countyCode, String target, String code, String nameZh, String nameEn) {
		Place county = county(actor, countyCode);
		String normalized = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (!TARGETS.contains(target) || !normalized.matches("[A-Z][A-Z0-9_]{1,31}")) {
			throw new InvalidInputException("code", "registry.tags.error.code");
		}
		if (nameZh == null || nameZh.isBlank() || nameZh.length() > 50 || nameEn == null || nameEn.isBlank()
				|| nameEn.length() > 80) {
			throw new InvalidInputException("name", "registry.tags.error.name");
		}
		ensureOwnList(county.code(), target);
		if (lookups.tags(county.code(), target).stream().anyMatch(t -> t.code().equals(normalized))) {
			throw new InvalidInputException("code", "registry.tags.error.exists");
		}
		jdbc.sql("insert into tag_definition (county_code, target, code, name_zh, name_en, sort_order) values "
				+ "(:c, :t, :code, :zh, :en, (select coalesce(max(sort_order), 0) + 10 from tag_definition "
				+ "where county_code = :c and target = :t))")
			.param("c", county.code())
			.param("t", target)
			.param("code", normalized)
			.param("zh", nameZh.strip())
			.param("en", nameEn.strip())
			.update();
		audit.record(AuditEntry.success("TAG_ADDED", "county", county.code()).withDetail(target + ":" + normalized));
	}

	public void remove(Actor actor, String countyCode, String target, String code) {
		Place county = county(actor, countyCode);
		if (!TARGETS.contains(target)) {
			throw new InvalidInputException("code", "registry.tags.error.code");
		}
		ensureOwnList(county.code(), target);
		int removed = jdbc.sql("delete from tag_definition where county_code = :c and target = :t and code = :code")
			.param("c", county.code())
			.param("t", target)
			.param("code", code)
			.update();
		if (removed > 0) {
			audit.record(AuditEntry.success("TAG_REMOVED", "county", county.code()).withDetail(target + ":" + code));
		}
	}

	/** The first change of a county's list starts from a copy of the defaults. */
	private void ensureOwnList(String countyCode, String target) {
		if (!hasOwnList(countyCode, target)) {
			jdbc.sql("insert into tag_definition (county_code, target, code, name_zh, name_en, sort_order) "
					+ "select :c, target, code, name_zh, name_en, sort_order from tag_definition "
					+ "where county_code is null and target = :t")
				.param("c", countyCode)
				.param("t", target)
				.update();
		}
	}

}
