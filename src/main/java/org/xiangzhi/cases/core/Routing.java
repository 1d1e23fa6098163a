package org.xiangzhi.cases.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xiangzhi.cases.GeoPoint;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.platform.OrgPath;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;
import org.xiangzhi.registry.RegistryDirectory;

/**
 * Decides where a new case lands and which unit handles it. The place it concerns is, in
 * this order: the grid of the QR code, the grid whose boundary holds the reported
 * location, the grid of the linked household, else the village. The handling unit is the
 * ancestor of that place at the category's default level (a village-level category
 * reported in a grid goes to the village), or the place itself when it lies above that
 * level.
 */
@Component
public class Routing {

	private final Places places;

	private final RegistryDirectory registry;

	private final JdbcClient jdbc;

	/** Enough for a province's villages and grids; the caches start over when full. */
	private static final int PLACE_CACHE_LIMIT = 100_000;

	private final Map<String, Place> byCode = new java.util.concurrent.ConcurrentHashMap<>();

	private final Map<String, Map<String, Place>> alongCache = new java.util.concurrent.ConcurrentHashMap<>();

	public Routing(Places places, RegistryDirectory registry, JdbcClient jdbc) {
		this.places = places;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** Where a case goes: the place it concerns, its parts, and the handling unit. */
	public record Route(OrgPath path, PlaceParts parts, Place unit, HandlingLevel level) {
	}

	/** The county, town, village and grid codes along a path (each may be null). */
	public record PlaceParts(String countyCode, String townCode, String villageCode, String gridCode) {
	}

	/**
	 * @param reported the place of the QR code, or the place a cadre chose
	 * @param location where the reporter stood, or null
	 * @param householdGridPath the path of the linked household, or null
	 * @param categoryLevel the category's default handling level
	 */
	public Route route(Place reported, GeoPoint location, OrgPath householdPath, HandlingLevel categoryLevel) {
		OrgPath concerned = reported.path();
		if (reported.level() == PlaceLevel.VILLAGE) {
			Optional<OrgPath> byLocation = location == null ? Optional.empty()
					: registry.gridContaining(reported.path(), location.latitude(), location.longitude())
						.flatMap(this::place)
						.map(Place::path);
			if (byLocation.isPresent()) {
				concerned = byLocation.get();
			}
			else if (householdPath != null && reported.path().contains(householdPath)) {
				concerned = householdPath;
			}
		}
		return toLevel(concerned, categoryLevel);
	}

	/**
	 * The route of a case concerning {@code path} handled at {@code level}: the unit is
	 * the ancestor-or-self of the path at that level, else the deepest ancestor above it.
	 */
	public Route toLevel(OrgPath path, HandlingLevel level) {
		Map<String, Place> along = along(path);
		PlaceParts parts = parts(along);
		// micro-grids are not handling units: their case sits on the grid
		Place unit = null;
		for (String code : path.codes()) {
			Place place = along.get(code);
			if (place == null) {
				continue;
			}
			Optional<HandlingLevel> placeLevel = HandlingLevel.of(place.level());
			if (placeLevel.isPresent() && !level.isAbove(placeLevel.get())) {
				unit = place;
			}
		}
		if (unit == null) {
			throw new IllegalArgumentException("no handling unit on " + path);
		}
		return new Route(path, parts, unit, HandlingLevel.of(unit.level()).orElseThrow());
	}

	/** The parts of a path, for the equality columns of case_record. */
	public PlaceParts parts(OrgPath path) {
		return parts(along(path));
	}

	/**
	 * A place by code, from a cache: intake asks for the same few thousand villages and
	 * grids all day. Codes, levels and paths never change once a place exists (a rename
	 * changes only the name, which routing does not use).
	 */
	public Optional<Place> place(String code) {
		if (code == null) {
			return Optional.empty();
		}
		Place cached = byCode.get(code);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Place> found = places.find(code);
		found.ifPresent(p -> remember(byCode, code, p));
		return found;
	}

	private Map<String, Place> along(OrgPath path) {
		Map<String, Place> cached = alongCache.get(path.value());
		if (cached != null) {
			return cached;
		}
		Map<String, Place> found = Map.copyOf(load(path));
		// only whole paths are cached: a place added later (a new grid) starts a new path
		if (found.size() == path.codes().size()) {
			remember(alongCache, path.value(), found);
		}
		return found;
	}

	private static <V> void remember(Map<String, V> cache, String key, V value) {
		if (cache.size() >= PLACE_CACHE_LIMIT) {
			cache.clear();
		}
		cache.put(key, value);
	}

	private Map<String, Place> load(OrgPath path) {
		List<String> codes = new ArrayList<>(path.codes());
		if (codes.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select code, name, level, parent_code, org_path from place where code in (:codes)")
			.param("codes", codes)
			.query((rs, i) -> new Place(rs.getString("code"), rs.getString("name"),
					PlaceLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
					OrgPath.of(rs.getString("org_path"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Place::code, p -> p));
	}

	private static PlaceParts parts(Map<String, Place> along) {
		String county = null;
		String town = null;
		String village = null;
		String grid = null;
		for (Place place : along.values()) {
			switch (place.level()) {
				case COUNTY -> county = place.code();
				case TOWN -> town = place.code();
				case VILLAGE -> village = place.code();
				case GRID -> grid = place.code();
				default -> {
				}
			}
		}
		return new PlaceParts(county, town, village, grid);
	}

}
