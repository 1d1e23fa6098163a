package org.xiangzhi.registry.places;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.DataScope;
import org.xiangzhi.platform.Place;
import org.xiangzhi.registry.RegistryAccess;

/** JSON API of villager groups and grids, within the caller's read scope. */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "registry-places", description = "Villager groups, grids and grid staff")
@PreAuthorize(RegistryAccess.CAN_READ)
class PlacesApiController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GridService service;

	PlacesApiController(GridService service) {
		this.service = service;
	}

	record GroupJson(int number, String name, long households) {
	}

	record VillageGroupsJson(String villageCode, String villageName, List<GroupJson> groups) {
	}

	record StaffJson(String name, List<String> duties) {
	}

	record PlaceRef(String code, String name) {
	}

	record Centre(double lat, double lng) {
	}

	record GridJson(String code, String name, String level, String parentCode, String villageCode, JsonNode boundary,
			Centre centre, List<StaffJson> staff, List<PlaceRef> microGrids) {
	}

	@GetMapping("/villages/{id}/groups")
	@Operation(summary = "The villager groups (社/村民小组) of a village with their household counts; 404 outside the scope")
	VillageGroupsJson groups(@PathVariable("id") String code) {
		DataScope scope = RegistryAccess.readScope(CurrentActor.get());
		Place village = service.village(code, scope);
		return new VillageGroupsJson(village.code(), village.name(),
				service.groupsOf(code).stream().map(g -> new GroupJson(g.number(), g.name(), g.households())).toList());
	}

	@GetMapping("/grids/{id}")
	@Operation(
			summary = "A grid or micro-grid with boundary (GeoJSON), centre, staff and micro-grids; 404 outside the scope")
	GridJson grid(@PathVariable("id") String code) {
		GridService.GridView grid = service.grid(code, RegistryAccess.readScope(CurrentActor.get()));
		Place p = grid.place();
		return new GridJson(p.code(), p.name(), p.level().name(), p.parentCode(), grid.villageCode(),
				grid.boundary() == null ? null : JSON.readTree(grid.boundary()),
				grid.centreLat() == null ? null : new Centre(grid.centreLat(), grid.centreLng()),
				grid.staff()
					.stream()
					.map(s -> new StaffJson(s.personName(), s.duties().stream().map(d -> d.duty().name()).toList()))
					.toList(),
				grid.microGrids().stream().map(m -> new PlaceRef(m.code(), m.name())).toList());
	}

}
