package org.xiangzhi.registry.places;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoJsonTest {

	static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[103.0,38.6],[103.2,38.6],[103.2,38.8],[103.0,38.8],[103.0,38.6]]]}";

	@Test
	void aClosedPolygonAMultiPolygonAndAFeatureAreAccepted() {
		assertThat(GeoJson.problem(SQUARE)).isNull();
		assertThat(GeoJson.problem("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],"
				+ "[[[2,2],[3,2],[3,3],[2,2]]]]}"))
			.isNull();
		assertThat(GeoJson.problem("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + SQUARE + "}")).isNull();
		assertThat(GeoJson.problem("  ")).isNull();
	}

	@Test
	void otherGeometriesAndBrokenJsonAreRefusedWithAReason() {
		assertThat(GeoJson.problem("{\"type\":\"Point\",\"coordinates\":[103,38]}")).isEqualTo("places.geojson.type");
		assertThat(GeoJson.problem("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1]]}"))
			.isEqualTo("places.geojson.type");
		assertThat(GeoJson.problem("{\"type\":\"Polygon\",")).isEqualTo("places.geojson.syntax");
		assertThat(GeoJson.problem("[1,2]")).isEqualTo("places.geojson.type");
	}

	@Test
	void ringsMustBeClosedLongEnoughAndOnTheGlobe() {
		assertThat(GeoJson.problem("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}"))
			.isEqualTo("places.geojson.open");
		assertThat(GeoJson.problem("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[0,0]]]}"))
			.isEqualTo("places.geojson.ring");
		assertThat(GeoJson.problem("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[181,0],[1,1],[0,0]]]}"))
			.isEqualTo("places.geojson.range");
		assertThat(GeoJson.problem("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,95],[1,1],[0,0]]]}"))
			.isEqualTo("places.geojson.range");
		assertThat(GeoJson.problem("{\"type\":\"Polygon\",\"coordinates\":[[[0,\"a\"],[1,0],[1,1],[0,\"a\"]]]}"))
			.isEqualTo("places.geojson.coordinates");
	}

	@Test
	void theDefaultCentreIsTheMiddleOfTheBoundingBox() {
		GeoJson.Point centre = GeoJson.boundingBoxCentre(SQUARE);
		assertThat(centre.lat()).isCloseTo(38.7, within(1e-9));
		assertThat(centre.lng()).isCloseTo(103.1, within(1e-9));
	}

	@Test
	void aCentreNeedsBothCoordinatesInRange() {
		assertThat(GeoJson.pointProblem(38.7, 103.1)).isNull();
		assertThat(GeoJson.pointProblem(null, null)).isNull();
		assertThat(GeoJson.pointProblem(38.7, null)).isEqualTo("places.centre.both");
		assertThat(GeoJson.pointProblem(91.0, 103.1)).isEqualTo("places.centre.range");
		assertThat(GeoJson.pointProblem(38.7, -181.0)).isEqualTo("places.centre.range");
	}

}
