/**
 * Notify module — the in-app inbox (站内信). Other modules publish
 * {@link org.xiangzhi.notify.NoticeRequested}; this module stores one message per
 * recipient and shows the inbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package org.xiangzhi.notify;
