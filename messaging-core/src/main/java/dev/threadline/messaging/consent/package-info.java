/**
 * Consent to be messaged: opt-out and opt-in keywords, requests to stop in plain words, and per-tenant
 * policies for them.
 */
@NullMarked
package dev.threadline.messaging.consent;

import org.jspecify.annotations.NullMarked;
