/**
 * Durable intake of provider webhooks: a verified request is stored before it is acknowledged, then
 * processed by workers with retries, and parked as a dead letter with its error when it keeps failing.
 */
@NullMarked
package dev.threadline.messaging.intake;

import org.jspecify.annotations.NullMarked;
