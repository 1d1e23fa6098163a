package org.xiangzhi.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.xiangzhi.registry.household.HouseholdService;
import org.xiangzhi.registry.household.RegistryStore;

/**
 * A household as typed on a form; on the "new" form it carries its head of household.
 */
public class HouseholdForm {

	private String villageCode = "";

	private Long groupId;

	private String gridCode = "";

	private String microGridCode = "";

	private String address = "";

	private String notes = "";

	private List<String> tags = new ArrayList<>();

	private Integer version;

	private ResidentForm head = new ResidentForm();

	HouseholdService.HouseholdInput toInput() {
		return new HouseholdService.HouseholdInput(villageCode, groupId, gridCode, microGridCode, address, notes,
				new LinkedHashSet<>(tags == null ? List.of() : tags), version);
	}

	static HouseholdForm of(RegistryStore.HouseholdView household) {
		HouseholdForm form = new HouseholdForm();
		form.villageCode = household.villageCode();
		form.groupId = household.groupId();
		form.gridCode = household.gridCode() == null ? "" : household.gridCode();
		form.microGridCode = household.microGridCode() == null ? "" : household.microGridCode();
		form.address = household.address();
		form.notes = household.notes() == null ? "" : household.notes();
		form.tags = new ArrayList<>(household.tags());
		form.version = household.version();
		return form;
	}

	public String getVillageCode() {
		return villageCode;
	}

	public void setVillageCode(String villageCode) {
		this.villageCode = villageCode;
	}

	public Long getGroupId() {
		return groupId;
	}

	public void setGroupId(Long groupId) {
		this.groupId = groupId;
	}

	public String getGridCode() {
		return gridCode;
	}

	public void setGridCode(String gridCode) {
		this.gridCode = gridCode;
	}

	public String getMicroGridCode() {
		return microGridCode;
	}

	public void setMicroGridCode(String microGridCode) {
		this.microGridCode = microGridCode;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public List<String> getTags() {
		return tags;
	}

	public void setTags(List<String> tags) {
		this.tags = tags;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public ResidentForm getHead() {
		return head;
	}

	public void setHead(ResidentForm head) {
		this.head = head;
	}

}
