package org.xiangzhi.cases;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeoPointTest {

	@Test
	void oneDegreeOfLatitudeIsAbout111Kilometres() {
		assertThat(new GeoPoint(38.0, 103.0).metresTo(new GeoPoint(39.0, 103.0))).isCloseTo(111_195, within(1.0));
	}

	@Test
	void aHundredthOfADegreeOfLongitudeShrinksWithTheCosineOfTheLatitude() {
		double metres = new GeoPoint(38.63, 103.09).metresTo(new GeoPoint(38.63, 103.10));
		assertThat(metres).isCloseTo(1_111.95 * Math.cos(Math.toRadians(38.63)), within(1.0));
	}

	@Test
	void aPointIsNoDistanceFromItself() {
		GeoPoint chengcao = new GeoPoint(38.63, 103.09);
		assertThat(chengcao.metresTo(chengcao)).isZero();
	}

	@Test
	void coordinatesOutsideTheGlobeAreRefused() {
		assertThatThrownBy(() -> new GeoPoint(91, 103)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new GeoPoint(38, 181)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new GeoPoint(Double.NaN, 103)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void typedCoordinatesAreBothOrNeither() {
		assertThat(GeoPoint.parse(" ", null)).isEmpty();
		assertThat(GeoPoint.parse(" 38.6 ", "103.085")).contains(new GeoPoint(38.6, 103.085));
		assertThatThrownBy(() -> GeoPoint.parse("38.6", "")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> GeoPoint.parse("north", "103")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> GeoPoint.parse("91", "103")).isInstanceOf(IllegalArgumentException.class);
	}

}
