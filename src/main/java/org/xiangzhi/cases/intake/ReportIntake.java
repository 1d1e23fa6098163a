package org.xiangzhi.cases.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xiangzhi.cases.core.CaseDesk;
import org.xiangzhi.cases.core.CaseDesk.Receipt;
import org.xiangzhi.cases.core.CasePhotos;

/**
 * Files a resident's report in one transaction: the photos, the case (claiming the form's
 * one-time token) and the sender's rate count. Whatever fails rolls all of it back and
 * deletes the photo files written for it, so a refused or replayed submission leaves
 * nothing behind.
 */
@Service
class ReportIntake {

	private final CaseDesk desk;

	private final CasePhotos photos;

	private final IntakeRateLimits rateLimits;

	ReportIntake(CaseDesk desk, CasePhotos photos, IntakeRateLimits rateLimits) {
		this.desk = desk;
		this.photos = photos;
		this.rateLimits = rateLimits;
	}

	/**
	 * The token was used before with the same payload: the first receipt, after this
	 * attempt's photos were rolled back.
	 */
	static class ReplayedException extends RuntimeException {

		private final transient Receipt receipt;

		ReplayedException(Receipt receipt) {
			super("replayed submission");
			this.receipt = receipt;
		}

		Receipt receipt() {
			return receipt;
		}

	}

	/**
	 * @throws ReplayedException for a repeated submission (double click, retry, back
	 * button): the caller answers with its receipt
	 * @throws IntakeRateLimits.RateLimitedException when the sender is over a limit
	 * @throws org.xiangzhi.platform.InvalidInputException for bad input, an expired token
	 * or a token reused with other data
	 */
	@Transactional
	public Receipt file(String placeCode, ReportForm form, List<byte[]> uploads, IntakeRateLimits.Sender sender) {
		List<CasePhotos.Photo> stored = new ArrayList<>();
		try {
			for (byte[] upload : uploads) {
				// anonymous: the photo row does not name the uploader either
				stored.add(photos.store(upload, CasePhotos.Kind.BEFORE, null));
			}
			Receipt receipt = desk.report(form.toNewCase(placeCode, stored.stream().map(CasePhotos.Photo::id).toList()),
					form.getSubmissionToken(), CaseDesk.REPORT_FORM, null);
			if (receipt.replay()) {
				throw new ReplayedException(receipt);
			}
			rateLimits.count(sender);
			return receipt;
		}
		catch (RuntimeException ex) {
			photos.discard(stored);
			throw ex;
		}
	}

}
