/**
 * Automation on top of {@link dev.threadline.messaging.MessageManager}: the {@link dev.threadline.messaging.automation.MessagingAutomation} facade.
 */
@NullMarked
package dev.threadline.messaging.automation;

import org.jspecify.annotations.NullMarked;
