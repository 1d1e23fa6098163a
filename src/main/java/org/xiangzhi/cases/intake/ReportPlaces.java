package org.xiangzhi.cases.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.xiangzhi.platform.Place;
import org.xiangzhi.platform.PlaceLevel;
import org.xiangzhi.platform.Places;

/** The places that have a QR code and a report page: every village and every grid. */
@Component
class ReportPlaces {

	private final Places places;

	ReportPlaces(Places places) {
		this.places = places;
	}

	Optional<Place> find(String code) {
		if (code == null || code.length() > 32) {
			return Optional.empty();
		}
		return places.find(code).filter(ReportPlaces::reportable);
	}

	static boolean reportable(Place place) {
		return place.level() == PlaceLevel.VILLAGE || place.level() == PlaceLevel.GRID;
	}

	/** "苏武镇 橙槽村委会 第一网格": the place and its parents up to the town. */
	String displayName(Place place) {
		List<String> names = new ArrayList<>();
		Place current = place;
		while (current != null && current.level().isAtOrBelow(PlaceLevel.TOWN)) {
			names.add(0, current.name());
			current = current.parentCode() == null ? null : places.find(current.parentCode()).orElse(null);
		}
		return String.join(" ", names);
	}

	/** The county of the place, whose category tree the report page offers. */
	Optional<Place> county(Place place) {
		Place current = place;
		while (current != null && current.level() != PlaceLevel.COUNTY) {
			current = current.parentCode() == null ? null : places.find(current.parentCode()).orElse(null);
		}
		return Optional.ofNullable(current);
	}

	Optional<Place> any(String code) {
		return code == null ? Optional.empty() : places.find(code);
	}

}
