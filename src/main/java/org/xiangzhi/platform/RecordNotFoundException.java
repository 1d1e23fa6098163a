package org.xiangzhi.platform;

/**
 * Thrown when a record does not exist <em>or</em> lies outside the caller's data scope.
 * The two cases are answered identically (same status, same body) so that nobody can
 * probe for records they may not see.
 */
public class RecordNotFoundException extends RuntimeException {

	private final String objectType;

	private final String objectId;

	public RecordNotFoundException(String objectType, Object objectId) {
		super(objectType + " not found");
		this.objectType = objectType;
		this.objectId = String.valueOf(objectId);
	}

	public String objectType() {
		return objectType;
	}

	public String objectId() {
		return objectId;
	}

}
