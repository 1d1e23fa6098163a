package org.xiangzhi.cases.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import org.xiangzhi.cases.CaseAction;
import org.xiangzhi.cases.HandlingLevel;
import org.xiangzhi.cases.core.CaseCommand;

/**
 * One action on the case detail page: which action, the version the cadre saw, and the
 * fields that action needs. Fields an action does not use stay empty.
 */
public class ActionForm {

	private String action;

	private long version;

	private String reason;

	private String resultText;

	private String targetLevel;

	private String targetUnitCode;

	private Long assigneeAccountId;

	private Long targetCaseId;

	private List<MultipartFile> photos = new ArrayList<>();

	/** The action, or null when the posted name is not one. */
	CaseAction caseAction() {
		for (CaseAction a : CaseAction.values()) {
			if (a.name().equals(action)) {
				return a;
			}
		}
		return null;
	}

	/** The command for the desk, with the stored after-photos. */
	CaseCommand command(CaseAction caseAction, List<Long> afterPhotoIds) {
		CaseCommand command = CaseCommand.of(caseAction, version).withReason(blankToNull(reason));
		if (caseAction == CaseAction.HANDLE) {
			command = command.withResult(blankToNull(resultText), afterPhotoIds);
		}
		HandlingLevel level = null;
		for (HandlingLevel l : HandlingLevel.values()) {
			if (l.name().equals(targetLevel)) {
				level = l;
			}
		}
		if (level != null) {
			command = command.withTargetLevel(level);
		}
		if (targetUnitCode != null && !targetUnitCode.isBlank()) {
			command = command.withTargetUnit(targetUnitCode.strip());
		}
		if (assigneeAccountId != null) {
			command = command.withAssignee(assigneeAccountId);
		}
		if (targetCaseId != null) {
			command = command.withTargetCase(targetCaseId);
		}
		return command;
	}

	/** The uploads that carry bytes (an empty file input posts an empty part). */
	List<MultipartFile> uploads() {
		return photos == null ? List.of() : photos.stream().filter(p -> p != null && !p.isEmpty()).toList();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public String getResultText() {
		return resultText;
	}

	public void setResultText(String resultText) {
		this.resultText = resultText;
	}

	public String getTargetLevel() {
		return targetLevel;
	}

	public void setTargetLevel(String targetLevel) {
		this.targetLevel = targetLevel;
	}

	public String getTargetUnitCode() {
		return targetUnitCode;
	}

	public void setTargetUnitCode(String targetUnitCode) {
		this.targetUnitCode = targetUnitCode;
	}

	public Long getAssigneeAccountId() {
		return assigneeAccountId;
	}

	public void setAssigneeAccountId(Long assigneeAccountId) {
		this.assigneeAccountId = assigneeAccountId;
	}

	public Long getTargetCaseId() {
		return targetCaseId;
	}

	public void setTargetCaseId(Long targetCaseId) {
		this.targetCaseId = targetCaseId;
	}

	public List<MultipartFile> getPhotos() {
		return photos;
	}

	public void setPhotos(List<MultipartFile> photos) {
		this.photos = photos;
	}

}
