/**
 * The Twilio and SendGrid webhook routes and the durable intake they store verified requests in; internal, not a
 * public API.
 */
@NullMarked
package dev.threadline.messaging.spring.internal.web.webhooks;

import org.jspecify.annotations.NullMarked;
