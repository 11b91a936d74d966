/** The admin HTTP API, webhook routes and live stream of the starter; not a public API. */
@NullMarked
package dev.threadline.messaging.spring.internal.web;

import org.jspecify.annotations.NullMarked;
