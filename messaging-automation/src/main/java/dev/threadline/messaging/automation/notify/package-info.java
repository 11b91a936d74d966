/**
 * Staff notifications on new inbound messages, urgency detection and the digest of unanswered conversations.
 */
@NullMarked
package dev.threadline.messaging.automation.notify;

import org.jspecify.annotations.NullMarked;
