/**
 * Scheduled messages and appointment reminders, stored in the outbox so they survive restarts.
 */
@NullMarked
package dev.threadline.messaging.automation.schedule;

import org.jspecify.annotations.NullMarked;
