/**
 * Conversation analytics per channel and period, with CSV export.
 */
@NullMarked
package dev.threadline.messaging.automation.analytics;

import org.jspecify.annotations.NullMarked;
