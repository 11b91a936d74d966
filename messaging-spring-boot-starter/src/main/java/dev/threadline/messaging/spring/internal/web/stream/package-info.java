/** The Server-Sent Events stream of a tenant's messaging events; internal, not a public API. */
@NullMarked
package dev.threadline.messaging.spring.internal.web.stream;

import org.jspecify.annotations.NullMarked;
