/**
 * The admin API of conversations, drafts, sends and dead-lettered webhooks, and its JSON shapes; internal, not a
 * public API.
 */
@NullMarked
package dev.threadline.messaging.spring.internal.web.admin;

import org.jspecify.annotations.NullMarked;
