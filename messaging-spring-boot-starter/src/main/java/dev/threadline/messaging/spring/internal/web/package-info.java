/**
 * The starter's HTTP layer, one sub-package per concern: {@code admin} (the admin API), {@code automation} (the
 * automation routes), {@code webhooks} (the provider webhooks), {@code stream} (the SSE stream) and {@code support}
 * (JSON, errors, filters and rate limiting they share); not a public API.
 */
@NullMarked
package dev.threadline.messaging.spring.internal.web;

import org.jspecify.annotations.NullMarked;
