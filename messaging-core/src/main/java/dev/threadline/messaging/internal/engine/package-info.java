/**
 * The engine behind {@link dev.threadline.messaging.MessageManager}: one pipeline per flow (threads, inbound,
 * replies, outbound, delivery, callbacks) over a shared {@link dev.threadline.messaging.internal.engine.Timeline}.
 * Internal: hosts use {@code MessageManager}; everything here may change in any release.
 */
@NullMarked
package dev.threadline.messaging.internal.engine;

import org.jspecify.annotations.NullMarked;
