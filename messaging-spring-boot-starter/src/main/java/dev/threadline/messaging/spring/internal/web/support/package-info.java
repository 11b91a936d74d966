/**
 * What the HTTP routes share: the API's JSON, error bodies and their resolution, request filters, rate limiting,
 * the authenticated caller and wire values; internal, not a public API.
 */
@NullMarked
package dev.threadline.messaging.spring.internal.web.support;

import org.jspecify.annotations.NullMarked;
