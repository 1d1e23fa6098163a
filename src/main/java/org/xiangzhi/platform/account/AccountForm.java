package org.xiangzhi.platform.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.xiangzhi.platform.Role;

/** What an administrator fills in to create an account. */
class AccountForm {

	@NotBlank(message = "{account.username.required}")
	@Pattern(regexp = "[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}", message = "{account.username.pattern}")
	private String username;

	@NotBlank(message = "{account.displayName.required}")
	@Size(max = 100, message = "{account.displayName.size}")
	private String displayName;

	@Pattern(regexp = "|1[3-9][0-9]{9}", message = "{account.phone.pattern}")
	private String phone = "";

	@NotBlank(message = "{account.password.required}")
	private String password;

	@NotNull(message = "{account.role.required}")
	private Role role;

	@NotBlank(message = "{account.place.required}")
	private String placeCode;

	/** The form's one-time token (idempotency key). */
	private String submissionToken;

	public String getSubmissionToken() {
		return submissionToken;
	}

	public void setSubmissionToken(String submissionToken) {
		this.submissionToken = submissionToken;
	}

	AccountService.NewAccount toCommand() {
		return new AccountService.NewAccount(username, displayName, phone, password, role, placeCode);
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone == null ? "" : phone.strip();
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public String getPlaceCode() {
		return placeCode;
	}

	public void setPlaceCode(String placeCode) {
		this.placeCode = placeCode;
	}

}
