package org.xiangzhi.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xiangzhi.platform.Actor;
import org.xiangzhi.platform.CurrentActor;
import org.xiangzhi.platform.InvalidInputException;
import org.xiangzhi.registry.RegistryAccess;
import org.xiangzhi.registry.household.HouseholdService;
import org.xiangzhi.registry.household.RegistryInputException;
import org.xiangzhi.registry.household.RegistryStore;

/**
 * JSON API of the registry. Identifiers are always masked here; revealing is a page
 * action with its own audit row. Validation errors answer 422 with each field's message
 * in the caller's language.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "registry", description = "Places with counts, households and residents")
@PreAuthorize(RegistryAccess.CAN_READ)
class RegistryApiController {

	private final HouseholdService service;

	private final MessageSource messages;

	RegistryApiController(HouseholdService service, MessageSource messages) {
		this.service = service;
		this.messages = messages;
	}

	record PlaceJson(String code, String name, String level, String parentCode, long households, long residents,
			Map<String, Long> householdTags, Map<String, Long> residentTags) {
	}

	record ResidentJson(long id, long householdId, String name, String gender, String birthDate, String idNumber,
			String phone, String relation, String status, int version, Set<String> tags) {

		static ResidentJson of(RegistryStore.ResidentView r) {
			return new ResidentJson(r.id(), r.householdId(), r.name(), r.gender().name(), r.birthDate().toString(),
					r.maskedIdNumber(), r.maskedPhone(), r.relation().name(), r.status().name(), r.version(), r.tags());
		}

	}

	record HouseholdJson(long id, String villageCode, Long groupId, String groupName, String gridCode,
			String microGridCode, String address, Long headResidentId, String notes, String status, int version,
			Set<String> tags, List<ResidentJson> members) {

		static HouseholdJson of(RegistryStore.HouseholdView h, List<RegistryStore.ResidentView> members) {
			return new HouseholdJson(h.id(), h.villageCode(), h.groupId(), h.groupName(), h.gridCode(),
					h.microGridCode(), h.address(), h.headResidentId(), h.notes(), h.status(), h.version(), h.tags(),
					members.stream().map(ResidentJson::of).toList());
		}

	}

	/**
	 * A new resident: gender and birth date may be omitted (derived from the ID number).
	 */
	record NewResidentJson(String name, String gender, String birthDate, String idNumber, String phone, String relation,
			List<String> tags) {

		HouseholdService.ResidentInput toInput() {
			return new HouseholdService.ResidentInput(name, gender, birthDate, idNumber, phone, relation,
					new LinkedHashSet<>(tags == null ? List.of() : tags), null);
		}

	}

	record NewHouseholdJson(String villageCode, Long groupId, String gridCode, String microGridCode, String address,
			String notes, List<String> tags, List<NewResidentJson> members) {
	}

	record FieldErrorJson(String field, String code, String message) {
	}

	record ValidationErrorJson(int status, String error, List<FieldErrorJson> errors) {
	}

	@GetMapping("/places/{id}")
	@Operation(summary = "A place with the household and resident counts of its whole subtree; "
			+ "404 when missing or outside the caller's scope")
	PlaceJson place(@PathVariable("id") String code) {
		HouseholdService.PlaceCounts counts = service.placeCounts(CurrentActor.get(), code);
		return new PlaceJson(counts.place().code(), counts.place().name(), counts.place().level().name(),
				counts.place().parentCode(), counts.counts().households(), counts.counts().residents(),
				counts.counts().householdTags(), counts.counts().residentTags());
	}

	@GetMapping("/households/{id}")
	@Operation(summary = "A household with its members, identifiers masked")
	HouseholdJson household(@PathVariable long id) {
		Actor actor = CurrentActor.get();
		return HouseholdJson.of(service.household(actor, id), service.members(actor, id));
	}

	@GetMapping("/residents")
	@Operation(summary = "Residents in scope by name prefix, exact ID number or phone, tag, group or grid; "
			+ "masked, 20 per page")
	HouseholdService.Page<ResidentJson> residents(@RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String idNumber, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String tag, @RequestParam(required = false) Long groupId,
			@RequestParam(defaultValue = "") String gridCode, @RequestParam(defaultValue = "0") int page) {
		var result = service.searchResidents(CurrentActor.get(),
				new RegistryStore.ResidentQuery(name, idNumber, phone, tag, groupId, gridCode, null), page);
		return new HouseholdService.Page<>(result.items().stream().map(ResidentJson::of).toList(), result.page(),
				result.pageSize(), result.total());
	}

	@GetMapping("/residents/{id}")
	@Operation(summary = "One resident, identifiers masked")
	ResidentJson resident(@PathVariable long id) {
		return ResidentJson.of(service.resident(CurrentActor.get(), id));
	}

	@PostMapping(path = "/households", consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	@Operation(summary = "Creates a household with its members; 422 with field messages when anything is wrong "
			+ "(nothing is written then)")
	ResponseEntity<HouseholdJson> createHousehold(@RequestBody(required = false) NewHouseholdJson body) {
		NewHouseholdJson json = body == null ? new NewHouseholdJson(null, null, null, null, null, null, null, null)
				: body;
		List<HouseholdService.ResidentInput> members = new ArrayList<>();
		if (json.members() != null) {
			json.members().forEach(m -> members.add(m.toInput()));
		}
		Actor actor = CurrentActor.get();
		long id = service.createHousehold(actor,
				new HouseholdService.HouseholdInput(json.villageCode(), json.groupId(), json.gridCode(),
						json.microGridCode(), json.address(), json.notes(),
						new LinkedHashSet<>(json.tags() == null ? List.of() : json.tags()), null),
				members);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(HouseholdJson.of(service.household(actor, id), service.members(actor, id)));
	}

	@PostMapping(path = "/households/{id}/residents",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
	@PreAuthorize(RegistryAccess.CAN_EDIT)
	@Operation(summary = "Adds a resident to a household; 422 with field messages when anything is wrong")
	ResponseEntity<ResidentJson> addResident(@PathVariable long id,
			@RequestBody(required = false) NewResidentJson body) {
		NewResidentJson json = body == null ? new NewResidentJson(null, null, null, null, null, null, null) : body;
		Actor actor = CurrentActor.get();
		long residentId = service.addResident(actor, id, json.toInput());
		return ResponseEntity.status(HttpStatus.CREATED).body(ResidentJson.of(service.resident(actor, residentId)));
	}

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ValidationErrorJson> invalid(InvalidInputException ex, Locale locale) {
		List<FieldErrorJson> errors = RegistryInputException.problemsOf(ex)
			.stream()
			.map(p -> new FieldErrorJson(p.field(), p.messageKey(),
					messages.getMessage(p.messageKey(), null, p.messageKey(), locale)))
			.toList();
		return ResponseEntity.unprocessableContent()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ValidationErrorJson(422, "invalid", errors));
	}

}
