package org.xiangzhi.notify.inbox;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.xiangzhi.notify.NoticeRequested;

/**
 * Delivers notices after the publishing transaction committed (through the event outbox,
 * so a notice survives a crash between commit and delivery).
 */
@Component
class InboxListener {

	private final Inbox inbox;

	InboxListener(Inbox inbox) {
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(NoticeRequested notice) {
		inbox.deliver(notice);
	}

}
