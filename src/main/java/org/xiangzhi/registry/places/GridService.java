package org.xiangzhi.registry.places;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.AuditActions;
import org.xiangzhi.platform.AuditEntry;
import org.xiangzhi.platform.AuditLog;
import org.xiangzhi.platform.AuditOutcome;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.platform.RecordNotFoundException;
import org.xiangzhi.registry.RegistryAccess;

/**
 * Villager groups (社/村民小组) of a village, grids and micro-grids laid over it, and the
 * people serving a grid. Writes need an importer's scope
 * ({@link RegistryAccess#IMPORTERS}) over the village or grid; reads the reader's scope.
 * A village or grid outside the scope answers exactly like a missing one, and the refusal
 * is audited.
 */
@Service
// a refused out-of-scope access still commits its SCOPE_DENIED audit row
@Transactional(noRollbackFor = RecordNotFoundException.class)
public class GridService {

	/** Audit object types; also the record kinds of the authorization matrix. */
	public static final String VILLAGE = "village";

	public static final String GRID = "grid";

	/** Grid duties; one person may hold several at once (多岗合一). */
	public enum Duty {

		/** 网格长 */
		GRID_HEAD,
		/** 网格员 */
		GRID_WORKER,
		/** 胡同长 */
		ALLEY_HEAD,
		/** 坑塘长 */
		POND_HEAD;

		public String messageKey() {
			return "places.duty." + name();
		}

	}

	/** A villager group with the number of its active households. */
	public record Group(long id, String villageCode, int number, String name, long households) {
	}

	/** One duty held by one person in a grid. */
	public record StaffDuty(long id, Duty duty) {
	}

	/** A person serving a grid, with every duty they hold there. */
	public record StaffMember(String personName, List<StaffDuty> duties) {
	}

	/** A grid or micro-grid with its details, staff and micro-grids. */
	public record GridView(Place place, String villageCode, String boundary, Double centreLat, Double centreLng,
			List<StaffMember> staff, List<Place> microGrids) {
	}

	private final JdbcClient jdbc;

	private final Places places;

	private final AuditLog audit;

	private final GridBoundaries boundaries;

	GridService(JdbcClient jdbc, Places places, AuditLog audit, GridBoundaries boundaries) {
		this.boundaries = boundaries;
		this.jdbc = jdbc;
		this.places = places;
		this.audit = audit;
	}

	// ---- villages and groups

	/** The village, if it lies in {@code scope}; else audited and not found. */
	public Place village(String code, DataScope scope) {
		Place village = places.find(code)
			.filter(p -> p.level() == PlaceLevel.VILLAGE)
			.orElseThrow(() -> new RecordNotFoundException(VILLAGE, code));
		if (!scope.contains(village.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, VILLAGE, code, AuditOutcome.DENIED));
			throw new RecordNotFoundException(VILLAGE, code);
		}
		return village;
	}

	/** Villages in the importer's scope whose name or code starts with {@code q}. */
	@Transactional(readOnly = true)
	public List<Place> villages(Actor actor, String q, int limit) {
		DataScope.SqlCondition condition = RegistryAccess.importScope(actor).condition("org_path");
		String term = q == null ? "" : q.strip().replace("\\", "").replace("%", "").replace("_", "");
		return jdbc
			.sql("select code from place where level = 'VILLAGE' and " + condition.sql()
					+ " and (name like :q or code like :q) order by org_path limit :limit")
			.params(condition.params())
			.param("q", term + "%")
			.param("limit", limit)
			.query(String.class)
			.list()
			.stream()
			.map(c -> places.find(c).orElseThrow())
			.toList();
	}

	public List<Group> groups(String villageCode, DataScope scope) {
		village(villageCode, scope);
		return groupsOf(villageCode);
	}

	List<Group> groupsOf(String villageCode) {
		return jdbc
			.sql("select g.id, g.village_code, g.number, g.name, (select count(*) from household h where h.group_id = g.id "
					+ "and h.status = 'ACTIVE') as households from villager_group g where g.village_code = :v order by g.number")
			.param("v", villageCode)
			.query((rs, i) -> new Group(rs.getLong("id"), rs.getString("village_code"), rs.getInt("number"),
					rs.getString("name"), rs.getLong("households")))
			.list();
	}

	public Group addGroup(Actor actor, String villageCode, int number, String name) {
		Place village = village(villageCode, RegistryAccess.importScope(actor));
		String clean = checkGroup(number, name);
		if (groupId(villageCode, number) != null) {
			throw new InvalidInputException("number", "places.group.taken");
		}
		long id = insertGroup(village, number, clean);
		audit.record(AuditEntry.success("REGISTRY_GROUP_CREATED", "villager_group", id)
			.withDetail(villageCode + " #" + number));
		return new Group(id, villageCode, number, clean, 0);
	}

	public void renameGroup(Actor actor, String villageCode, int number, String name) {
		village(villageCode, RegistryAccess.importScope(actor));
		String clean = checkGroup(number, name);
		Long id = groupId(villageCode, number);
		if (id == null) {
			throw new InvalidInputException("number", "places.group.unknown");
		}
		jdbc.sql("update villager_group set name = :n where id = :id").param("n", clean).param("id", id).update();
		audit.record(AuditEntry.success("REGISTRY_GROUP_RENAMED", "villager_group", id)
			.withDetail(villageCode + " #" + number));
	}

	public void deleteGroup(Actor actor, String villageCode, int number) {
		village(villageCode, RegistryAccess.importScope(actor));
		Long id = groupId(villageCode, number);
		if (id == null) {
			throw new InvalidInputException("number", "places.group.unknown");
		}
		long households = jdbc.sql("select count(*) from household where group_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		if (households > 0) {
			// households keep their group; a group in use is renamed, never dropped
			throw new InvalidInputException("number", "places.group.inUse");
		}
		jdbc.sql("delete from villager_group where id = :id").param("id", id).update();
		audit.record(AuditEntry.success("REGISTRY_GROUP_DELETED", "villager_group", id)
			.withDetail(villageCode + " #" + number));
	}

	/** Inserts a group without checks or audit (demo data and generator). */
	long insertGroup(Place village, int number, String name) {
		jdbc.sql("insert into villager_group (village_code, org_path, number, name) values (:v, :p, :n, :name)")
			.param("v", village.code())
			.param("p", village.path().value())
			.param("n", number)
			.param("name", name)
			.update();
		return groupId(village.code(), number);
	}

	Long groupId(String villageCode, int number) {
		return jdbc.sql("select id from villager_group where village_code = :v and number = :n")
			.param("v", villageCode)
			.param("n", number)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private static String checkGroup(int number, String name) {
		if (number < 1 || number > 99) {
			throw new InvalidInputException("number", "places.group.number");
		}
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw new InvalidInputException("name", "places.group.name");
		}
		return clean;
	}

	// ---- grids

	/** The grids directly under a village, by code. */
	public List<Place> gridsOf(String parentCode) {
		return jdbc
			.sql("select code from place where parent_code = :p and level in ('GRID', 'MICRO_GRID') order by code")
			.param("p", parentCode)
			.query(String.class)
			.list()
			.stream()
			.map(c -> places.find(c).orElseThrow())
			.toList();
	}

	/**
	 * The grid or micro-grid, if it lies in {@code scope}; else audited and not found.
	 */
	public Place gridPlace(String code, DataScope scope) {
		Place grid = places.find(code)
			.filter(p -> p.level() == PlaceLevel.GRID || p.level() == PlaceLevel.MICRO_GRID)
			.orElseThrow(() -> new RecordNotFoundException(GRID, code));
		if (!scope.contains(grid.path())) {
			audit.record(AuditEntry.of(AuditActions.SCOPE_DENIED, GRID, code, AuditOutcome.DENIED));
			throw new RecordNotFoundException(GRID, code);
		}
		return grid;
	}

	public GridView grid(String code, DataScope scope) {
		Place grid = gridPlace(code, scope);
		return view(grid);
	}

	GridView view(Place grid) {
		Map<String, Object> detail = jdbc
			.sql("select boundary_geojson, centre_lat, centre_lng from grid_detail where place_code = :c")
			.param("c", grid.code())
			.query((rs, i) -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("boundary", rs.getString("boundary_geojson"));
				m.put("lat", rs.getObject("centre_lat") == null ? null : rs.getDouble("centre_lat"));
				m.put("lng", rs.getObject("centre_lng") == null ? null : rs.getDouble("centre_lng"));
				return m;
			})
			.optional()
			.orElse(Map.of());
		Map<String, List<StaffDuty>> byPerson = new LinkedHashMap<>();
		jdbc.sql("select id, person_name, duty from grid_staff where place_code = :c order by person_name, duty, id")
			.param("c", grid.code())
			.query((rs, i) -> byPerson.computeIfAbsent(rs.getString("person_name"), k -> new ArrayList<>())
				.add(new StaffDuty(rs.getLong("id"), Duty.valueOf(rs.getString("duty")))))
			.list();
		List<StaffMember> staff = byPerson.entrySet()
			.stream()
			.map(e -> new StaffMember(e.getKey(), List.copyOf(e.getValue())))
			.toList();
		String villageCode = grid.path().codes().stream().filter(c -> c.length() == 12).findFirst().orElse(null);
		return new GridView(grid, villageCode, (String) detail.get("boundary"), (Double) detail.get("lat"),
				(Double) detail.get("lng"), staff, grid.level() == PlaceLevel.GRID ? gridsOf(grid.code()) : List.of());
	}

	/**
	 * Creates a grid under a village (code village + G + 2 digits) or a micro-grid under
	 * a grid (grid + M + 2 digits), with the next free number.
	 */
	public Place createGrid(Actor actor, String parentCode, String name, String boundary, Double lat, Double lng) {
		DataScope scope = RegistryAccess.importScope(actor);
		Place parent = places.find(parentCode)
			.filter(p -> p.level() == PlaceLevel.VILLAGE || p.level() == PlaceLevel.GRID)
			.orElse(null);
		if (parent == null || parent.level() == PlaceLevel.VILLAGE) {
			parent = village(parentCode, scope);
		}
		else {
			parent = gridPlace(parentCode, scope);
		}
		String clean = checkName(name);
		String cleanBoundary = checkGeometry(boundary, lat, lng);
		Place grid = insertGrid(parent, clean);
		saveDetail(grid, cleanBoundary, lat, lng);
		audit.record(AuditEntry.success("REGISTRY_GRID_CREATED", GRID, grid.code()));
		return grid;
	}

	public void updateGrid(Actor actor, String code, String name, String boundary, Double lat, Double lng) {
		Place grid = gridPlace(code, RegistryAccess.importScope(actor));
		String clean = checkName(name);
		String cleanBoundary = checkGeometry(boundary, lat, lng);
		jdbc.sql("update place set name = :n where code = :c").param("n", clean).param("c", code).update();
		saveDetail(grid, cleanBoundary, lat, lng);
		audit.record(AuditEntry.success("REGISTRY_GRID_UPDATED", GRID, code));
	}

	public void addStaff(Actor actor, String gridCode, String personName, Set<Duty> duties) {
		Place grid = gridPlace(gridCode, RegistryAccess.importScope(actor));
		String person = personName == null ? "" : personName.strip();
		if (person.isEmpty() || person.length() > 50) {
			throw new InvalidInputException("personName", "places.staff.name");
		}
		if (duties == null || duties.isEmpty()) {
			throw new InvalidInputException("duties", "places.staff.duties");
		}
		int added = 0;
		for (Duty duty : EnumSet.copyOf(duties)) {
			added += insertStaff(grid, person, duty);
		}
		if (added == 0) {
			throw new InvalidInputException("duties", "places.staff.already");
		}
		audit.record(AuditEntry.success("REGISTRY_GRID_STAFF_ADDED", GRID, gridCode).withDetail(duties.toString()));
	}

	public void removeStaff(Actor actor, String gridCode, long staffId) {
		gridPlace(gridCode, RegistryAccess.importScope(actor));
		int removed = jdbc.sql("delete from grid_staff where id = :id and place_code = :c")
			.param("id", staffId)
			.param("c", gridCode)
			.update();
		if (removed == 0) {
			throw new InvalidInputException("staffId", "places.staff.unknown");
		}
		audit.record(AuditEntry.success("REGISTRY_GRID_STAFF_REMOVED", GRID, gridCode).withDetail("staff " + staffId));
	}

	/** Adds one duty unless the person already holds it there; returns rows added. */
	int insertStaff(Place grid, String person, Duty duty) {
		long exists = jdbc
			.sql("select count(*) from grid_staff where place_code = :c and person_name = :n and duty = :d")
			.param("c", grid.code())
			.param("n", person)
			.param("d", duty.name())
			.query(Long.class)
			.single();
		if (exists > 0) {
			return 0;
		}
		return jdbc.sql("insert into grid_staff (place_code, org_path, person_name, duty) values (:c, :p, :n, :d)")
			.param("c", grid.code())
			.param("p", grid.path().value())
			.param("n", person)
			.param("d", duty.name())
			.update();
	}

	/**
	 * Inserts the next grid or micro-grid under {@code parent}, without checks or audit.
	 */
	Place insertGrid(Place parent, String name) {
		boolean village = parent.level() == PlaceLevel.VILLAGE;
		String letter = village ? "G" : "M";
		List<String> taken = jdbc.sql("select code from place where parent_code = :p")
			.param("p", parent.code())
			.query(String.class)
			.list();
		for (int n = 1; n <= 99; n++) {
			String code = parent.code() + letter + (n < 10 ? "0" : "") + n;
			if (!taken.contains(code)) {
				return places.addIfAbsent(code, name, village ? PlaceLevel.GRID : PlaceLevel.MICRO_GRID, parent.code());
			}
		}
		throw new InvalidInputException("name", "places.grid.full");
	}

	/** Stores boundary and centre; the centre defaults to the boundary's box centre. */
	void saveDetail(Place grid, String boundary, Double lat, Double lng) {
		if (lat == null && lng == null && boundary != null) {
			GeoJson.Point centre = GeoJson.boundingBoxCentre(boundary);
			lat = centre.lat();
			lng = centre.lng();
		}
		jdbc.sql("delete from grid_detail where place_code = :c").param("c", grid.code()).update();
		jdbc.sql("insert into grid_detail (place_code, org_path, boundary_geojson, centre_lat, centre_lng) "
				+ "values (:c, :p, :b, :lat, :lng)")
			.param("c", grid.code())
			.param("p", grid.path().value())
			.param("b", boundary)
			.param("lat", lat)
			.param("lng", lng)
			.update();
		boundaries.changed();
	}

	private static String checkName(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 100) {
			throw new InvalidInputException("name", "places.grid.name");
		}
		return clean;
	}

	private static String checkGeometry(String boundary, Double lat, Double lng) {
		String problem = GeoJson.problem(boundary);
		if (problem != null) {
			throw new InvalidInputException("boundary", problem);
		}
		String point = GeoJson.pointProblem(lat, lng);
		if (point != null) {
			throw new InvalidInputException("centre", point);
		}
		return boundary == null || boundary.isBlank() ? null : boundary.strip();
	}

	/** The org_path of a place, for callers holding only its code. */
	OrgPath pathOf(String code) {
		return places.find(code).orElseThrow().path();
	}

}
