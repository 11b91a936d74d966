/**
 * The automation routes (templates, scheduled messages, campaigns, staff and digest, analytics), registered when
 * messaging-automation is present; internal, not a public API.
 */
@NullMarked
package dev.threadline.messaging.spring.internal.web.automation;

import org.jspecify.annotations.NullMarked;
