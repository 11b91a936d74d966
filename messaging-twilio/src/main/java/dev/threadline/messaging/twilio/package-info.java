/**
 * Twilio SMS and WhatsApp for Threadline: {@link dev.threadline.messaging.twilio.TwilioChannel} sends
 * through the Twilio REST API, {@link dev.threadline.messaging.twilio.TwilioWebhooks} verifies and parses
 * Twilio's inbound and status webhooks for {@link dev.threadline.messaging.MessageManager}.
 */
@NullMarked
package dev.threadline.messaging.twilio;

import org.jspecify.annotations.NullMarked;
