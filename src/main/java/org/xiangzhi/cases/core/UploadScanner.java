package org.xiangzhi.cases.core;

/**
 * The antivirus hook: every upload passes every scanner bean before it is decoded. The
 * default scanner is the structural check of {@link CasePhotos}; a deployment adds a bean
 * that asks ClamAV (clamd's INSTREAM) or the province's scanning service.
 */
public interface UploadScanner {

	/** Whether the bytes may be processed further. */
	boolean clean(byte[] upload);

}
