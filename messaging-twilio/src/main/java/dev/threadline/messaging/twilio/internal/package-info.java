/**
 * Twilio wire details: the SDK transport, the Messages request, error classification and pacing. Not API.
 */
@NullMarked
package dev.threadline.messaging.twilio.internal;

import org.jspecify.annotations.NullMarked;
