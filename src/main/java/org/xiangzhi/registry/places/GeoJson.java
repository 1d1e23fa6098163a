package org.xiangzhi.registry.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the boundary of a grid: a GeoJSON {@code Polygon} or {@code MultiPolygon} (bare,
 * or wrapped in a {@code Feature}), every ring closed with at least four positions,
 * longitudes in [-180, 180] and latitudes in [-90, 90]. Anything else is refused with a
 * message key saying what is wrong.
 */
public final class GeoJson {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private GeoJson() {
	}

	/** A centre point. */
	public record Point(double lat, double lng) {
	}

	/**
	 * @return {@code null} when the boundary is acceptable (or blank), else the message
	 * key of the first problem
	 */
	public static String problem(String geojson) {
		if (geojson == null || geojson.isBlank()) {
			return null;
		}
		JsonNode root;
		try {
			root = JSON.readTree(geojson);
		}
		catch (JacksonException ex) {
			return "places.geojson.syntax";
		}
		JsonNode geometry = geometry(root);
		if (geometry == null) {
			return "places.geojson.type";
		}
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		if (!coordinates.isArray() || coordinates.isEmpty()) {
			return "places.geojson.coordinates";
		}
		if ("Polygon".equals(type)) {
			return polygonProblem(coordinates);
		}
		if ("MultiPolygon".equals(type)) {
			for (JsonNode polygon : coordinates) {
				String problem = polygon.isArray() && !polygon.isEmpty() ? polygonProblem(polygon)
						: "places.geojson.coordinates";
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		return "places.geojson.type";
	}

	/** The centre of the boundary's bounding box, or null for no (or a bad) boundary. */
	public static Point boundingBoxCentre(String geojson) {
		if (problem(geojson) != null || geojson == null || geojson.isBlank()) {
			return null;
		}
		double[] box = { Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE };
		extend(geometry(JSON.readTree(geojson)).path("coordinates"), box);
		return new Point((box[1] + box[3]) / 2, (box[0] + box[2]) / 2);
	}

	/**
	 * @return null when the point is on the globe, else a message key
	 */
	public static String pointProblem(Double lat, Double lng) {
		if (lat == null && lng == null) {
			return null;
		}
		if (lat == null || lng == null) {
			return "places.centre.both";
		}
		if (lat < -90 || lat > 90 || lng < -180 || lng > 180 || lat.isNaN() || lng.isNaN()) {
			return "places.centre.range";
		}
		return null;
	}

	/**
	 * Whether the point lies inside the boundary (even-odd rule: inside the outer ring
	 * and outside its holes, in any polygon of a MultiPolygon). A blank or bad boundary
	 * contains nothing.
	 */
	public static boolean contains(String geojson, double lat, double lng) {
		return Area.parse(geojson).map(area -> area.contains(lat, lng)).orElse(false);
	}

	/**
	 * A parsed boundary, for testing many points against it without reading the JSON
	 * again: polygons, each a list of rings, each ring a list of [lng, lat] positions.
	 */
	public record Area(List<List<double[][]>> polygons) {

		/** The boundary of a valid GeoJSON Polygon or MultiPolygon; empty otherwise. */
		public static Optional<Area> parse(String geojson) {
			if (geojson == null || geojson.isBlank() || problem(geojson) != null) {
				return Optional.empty();
			}
			JsonNode geometry = geometry(JSON.readTree(geojson));
			JsonNode coordinates = geometry.path("coordinates");
			List<List<double[][]>> polygons = new ArrayList<>();
			if ("Polygon".equals(geometry.path("type").asString(""))) {
				polygons.add(rings(coordinates));
			}
			else {
				for (JsonNode polygon : coordinates) {
					polygons.add(rings(polygon));
				}
			}
			return Optional.of(new Area(List.copyOf(polygons)));
		}

		/** Whether the point lies inside (even-odd rule, so holes cut themselves out). */
		public boolean contains(double lat, double lng) {
			for (List<double[][]> rings : polygons) {
				boolean inside = false;
				for (double[][] ring : rings) {
					// each crossing of a ring edge flips the state
					for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
						double xi = ring[i][0];
						double yi = ring[i][1];
						double xj = ring[j][0];
						double yj = ring[j][1];
						if ((yi > lat) != (yj > lat) && lng < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
							inside = !inside;
						}
					}
				}
				if (inside) {
					return true;
				}
			}
			return false;
		}

		private static List<double[][]> rings(JsonNode rings) {
			List<double[][]> result = new ArrayList<>();
			for (JsonNode ring : rings) {
				double[][] positions = new double[ring.size()][];
				for (int i = 0; i < ring.size(); i++) {
					positions[i] = new double[] { ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble() };
				}
				result.add(positions);
			}
			return result;
		}

	}

	private static JsonNode geometry(JsonNode root) {
		if (root == null || !root.isObject()) {
			return null;
		}
		if ("Feature".equals(root.path("type").asString(""))) {
			JsonNode geometry = root.path("geometry");
			return geometry.isObject() ? geometry : null;
		}
		return root;
	}

	private static String polygonProblem(JsonNode rings) {
		for (JsonNode ring : rings) {
			if (!ring.isArray() || ring.size() < 4) {
				return "places.geojson.ring";
			}
			for (JsonNode position : ring) {
				if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
						|| !position.get(1).isNumber()) {
					return "places.geojson.coordinates";
				}
				double lng = position.get(0).asDouble();
				double lat = position.get(1).asDouble();
				if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
					return "places.geojson.range";
				}
			}
			JsonNode first = ring.get(0);
			JsonNode last = ring.get(ring.size() - 1);
			if (first.get(0).asDouble() != last.get(0).asDouble()
					|| first.get(1).asDouble() != last.get(1).asDouble()) {
				return "places.geojson.open";
			}
		}
		return null;
	}

	private static void extend(JsonNode node, double[] box) {
		if (node.isArray() && node.size() >= 2 && node.get(0).isNumber()) {
			double lng = node.get(0).asDouble();
			double lat = node.get(1).asDouble();
			box[0] = Math.min(box[0], lng);
			box[1] = Math.min(box[1], lat);
			box[2] = Math.max(box[2], lng);
			box[3] = Math.max(box[3], lat);
			return;
		}
		for (JsonNode child : node) {
			extend(child, box);
		}
	}

}
