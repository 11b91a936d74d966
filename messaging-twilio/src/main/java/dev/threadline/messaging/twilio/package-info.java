/**
 * Twilio SMS and WhatsApp for Threadline: {@link dev.threadline.messaging.twilio.TwilioChannel} sends
 * through the Twilio REST API, {@link dev.threadline.messaging.twilio.TwilioSignatureVerifier} checks the
 * signature of Twilio's webhooks and {@link dev.threadline.messaging.twilio.TwilioWebhookParser} parses its
 * inbound messages and status callbacks for {@link dev.threadline.messaging.MessageManager}.
 */
@NullMarked
package dev.threadline.messaging.twilio;

import org.jspecify.annotations.NullMarked;
