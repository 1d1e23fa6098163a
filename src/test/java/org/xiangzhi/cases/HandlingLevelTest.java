package org.xiangzhi.cases;

import org.junit.jupiter.api.Test;
import org.xiangzhi.platform.PlaceLevel;

import static org.assertj.core.api.Assertions.assertThat;

class HandlingLevelTest {

	@Test
	void levelsGoUpFromGridToCountyAndStopThere() {
		assertThat(HandlingLevel.GRID.up()).contains(HandlingLevel.VILLAGE);
		assertThat(HandlingLevel.VILLAGE.up()).contains(HandlingLevel.TOWN);
		assertThat(HandlingLevel.TOWN.up()).contains(HandlingLevel.COUNTY);
		assertThat(HandlingLevel.COUNTY.up()).isEmpty();
	}

	@Test
	void levelsGoDownFromCountyToGridAndStopThere() {
		assertThat(HandlingLevel.COUNTY.down()).contains(HandlingLevel.TOWN);
		assertThat(HandlingLevel.TOWN.down()).contains(HandlingLevel.VILLAGE);
		assertThat(HandlingLevel.VILLAGE.down()).contains(HandlingLevel.GRID);
		assertThat(HandlingLevel.GRID.down()).isEmpty();
	}

	@Test
	void eachLevelCorrespondsToThePlaceLevelOfTheSameName() {
		for (HandlingLevel level : HandlingLevel.values()) {
			assertThat(level.placeLevel()).isEqualTo(PlaceLevel.valueOf(level.name()));
			assertThat(HandlingLevel.of(level.placeLevel())).contains(level);
		}
		assertThat(HandlingLevel.of(PlaceLevel.MICRO_GRID)).isEmpty();
		assertThat(HandlingLevel.of(PlaceLevel.PROVINCE)).isEmpty();
	}

	@Test
	void aLevelIsAboveOnlyTheLevelsBelowIt() {
		assertThat(HandlingLevel.TOWN.isAbove(HandlingLevel.VILLAGE)).isTrue();
		assertThat(HandlingLevel.TOWN.isAbove(HandlingLevel.TOWN)).isFalse();
		assertThat(HandlingLevel.TOWN.isAbove(HandlingLevel.COUNTY)).isFalse();
	}

}
