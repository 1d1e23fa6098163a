package org.xiangzhi.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.xiangzhi.registry.household.HouseholdService;
import org.xiangzhi.registry.household.RegistryStore;

/** A resident as typed on a form; the service checks every field. */
public class ResidentForm {

	private String name = "";

	private String gender = "";

	private String birthDate = "";

	private String idNumber = "";

	private String phone = "";

	private String relation = "";

	private List<String> tags = new ArrayList<>();

	private Integer version;

	HouseholdService.ResidentInput toInput() {
		return new HouseholdService.ResidentInput(name, gender, birthDate, idNumber, phone, relation,
				new LinkedHashSet<>(tags == null ? List.of() : tags), version);
	}

	/** The edit form of a stored resident: identifiers are never put back in clear. */
	static ResidentForm of(RegistryStore.ResidentView resident) {
		ResidentForm form = new ResidentForm();
		form.name = resident.name();
		form.gender = resident.gender().name();
		form.birthDate = resident.birthDate().toString();
		form.relation = resident.relation().name();
		form.tags = new ArrayList<>(resident.tags());
		form.version = resident.version();
		return form;
	}

	boolean isEmpty() {
		return blank(name) && blank(idNumber) && blank(phone) && blank(gender) && blank(birthDate);
	}

	private static boolean blank(String v) {
		return v == null || v.isBlank();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getGender() {
		return gender;
	}

	public void setGender(String gender) {
		this.gender = gender;
	}

	public String getBirthDate() {
		return birthDate;
	}

	public void setBirthDate(String birthDate) {
		this.birthDate = birthDate;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getRelation() {
		return relation;
	}

	public void setRelation(String relation) {
		this.relation = relation;
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

}
